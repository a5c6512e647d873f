"""lunr.js 2.3.9's English stemmer, rule for rule: the one Material's search worker runs in the browser.

The lunr Python package has a stemmer of its own, another Porter implementation that differs from
lunr.js's on words such as "pay" (Python "pai", lunr.js "pay") and "try" (Python "try", lunr.js
"tri"). The index (index.py, counting each word of a question's keywords once) and the offline search
(tests/search/material_search.py) must stem as the browser does, so this is lunr.js's `porterStemmer`,
its regular expressions unchanged (they mean the same in Python).
"""

from __future__ import annotations

import re

_STEP2 = {"ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize", "bli": "ble",
          "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize", "ation": "ate",
          "ator": "ate", "alism": "al", "iveness": "ive", "fulness": "ful", "ousness": "ous", "aliti": "al",
          "iviti": "ive", "biliti": "ble", "logi": "log"}
_STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": ""}

_c = "[^aeiou]"
_v = "[aeiouy]"
_C = _c + "[^aeiouy]*"
_V = _v + "[aeiou]*"
_MGR0 = re.compile(f"^({_C})?{_V}{_C}")
_MEQ1 = re.compile(f"^({_C})?{_V}{_C}({_V})?$")
_MGR1 = re.compile(f"^({_C})?{_V}{_C}{_V}{_C}")
_S_V = re.compile(f"^({_C})?{_v}")

_1A = re.compile(r"^(.+?)(ss|i)es$")
_1A2 = re.compile(r"^(.+?)([^s])s$")
_1B = re.compile(r"^(.+?)eed$")
_1B2 = re.compile(r"^(.+?)(ed|ing)$")
_LAST = re.compile(r".$")
_1B_AT = re.compile(r"(at|bl|iz)$")
_1B_DOUBLE = re.compile(r"([^aeiouylsz])\1$")
_CVC = re.compile(f"^{_C}{_v}[^aeiouwxy]$")
_1C = re.compile(r"^(.+?[^aeiou])y$")
_2 = re.compile(r"^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness"
                r"|fulness|ousness|aliti|iviti|biliti|logi)$")
_3 = re.compile(r"^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$")
_4 = re.compile(r"^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$")
_42 = re.compile(r"^(.+?)(s|t)(ion)$")
_5 = re.compile(r"^(.+?)e$")
_5_LL = re.compile(r"ll$")


def stem(w: str) -> str:
    """lunr.js's porterStemmer(w)."""
    if len(w) < 3:
        return w
    first = w[0]
    if first == "y":
        w = "Y" + w[1:]
    # Step 1a
    if m := _1A.search(w):
        w = m[1] + m[2]
    elif m := _1A2.search(w):
        w = m[1] + m[2]
    # Step 1b
    if m := _1B.search(w):
        if _MGR0.search(m[1]):
            w = _LAST.sub("", w, count=1)
    elif m := _1B2.search(w):
        if _S_V.search(m[1]):
            w = m[1]
            if _1B_AT.search(w):
                w += "e"
            elif _1B_DOUBLE.search(w):
                w = _LAST.sub("", w, count=1)
            elif _CVC.search(w):
                w += "e"
    # Step 1c
    if m := _1C.search(w):
        w = m[1] + "i"
    # Step 2
    if (m := _2.search(w)) and _MGR0.search(m[1]):
        w = m[1] + _STEP2[m[2]]
    # Step 3
    if (m := _3.search(w)) and _MGR0.search(m[1]):
        w = m[1] + _STEP3[m[2]]
    # Step 4
    if m := _4.search(w):
        if _MGR1.search(m[1]):
            w = m[1]
    elif m := _42.search(w):
        if _MGR1.search(m[1] + m[2]):
            w = m[1] + m[2]
    # Step 5
    if m := _5.search(w):
        s = m[1]
        if _MGR1.search(s) or (_MEQ1.search(s) and not _CVC.search(s)):
            w = s
    if _5_LL.search(w) and _MGR1.search(w):
        w = _LAST.sub("", w, count=1)
    if first == "y":
        w = "y" + w[1:]
    return w
