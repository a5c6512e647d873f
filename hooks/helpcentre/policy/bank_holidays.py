"""The bank holidays of the shop's country and region, from the `holidays` package.

`holidays.country_holidays` imports the package's module of every country (about 250) to find one;
here only the shop's country module is loaded, found through the package's own registry. The same
class, the same dates: only the other countries are left unread.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from collections.abc import Iterable

from holidays.holiday_base import HolidayBase
from holidays.registry import COUNTRIES


def _country_class(country: str) -> type[HolidayBase]:
    found = [(module, entity[0]) for module, entity in COUNTRIES.items() if country in entity[1:]]
    if not found:
        raise NotImplementedError(f"Country {country} is not available")
    [(module_name, class_name)] = found
    name = f"holidays.countries.{module_name}"
    if name not in sys.modules:
        if "holidays.countries" in sys.modules:  # already imported whole: nothing left to save
            importlib.import_module(name)
        else:
            package = importlib.util.find_spec("holidays.countries")  # found, not run
            assert package is not None and package.submodule_search_locations
            path = f"{package.submodule_search_locations[0]}/{module_name}.py"
            spec = importlib.util.spec_from_file_location(name, path)
            assert spec is not None and spec.loader is not None
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            try:
                spec.loader.exec_module(module)
            except BaseException:
                del sys.modules[name]
                raise
    return getattr(sys.modules[name], class_name)


def bank_holidays(country: str, region: str | None, years: Iterable[int] = ()) -> set[dt.date]:
    """The bank holidays of `country` (ISO code) and `region` (the package's subdivision code) in `years`;
    raises NotImplementedError for a country or region the package does not know."""
    return set(_country_class(country)(subdiv=region, years=years))
