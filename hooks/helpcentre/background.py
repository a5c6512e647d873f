"""Work that only reports something, done on the machine's other core while the build goes on.

A build is one process on one core: after the help centre is read, MkDocs spends most of its time
converting the pages' Markdown, and the checks of what editors wrote (which change no page) can run
beside it. `Background(work)` forks a process that runs `work()` and sends back its result; `result()`
waits for it. Where the system cannot fork, or `fork` is false, the work is simply done at once. Only a
process with one thread should fork (a build is one; the preview serves pages from another thread).
"""

from __future__ import annotations

import gc
import os
import pickle
import traceback
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Background(Generic[T]):
    def __init__(self, work: Callable[[], T], fork: bool = True) -> None:
        self._pid = 0
        if not (fork and hasattr(os, "fork")):
            self._value = work()
            return
        read, write = os.pipe()
        self._pid = os.fork()
        if self._pid == 0:  # the forked process: work, send, and leave without running any exit handler
            gc.disable()  # a collection would touch every object, copying the memory it shares with the build
            os.close(read)
            try:
                message = pickle.dumps((True, work()))
            except BaseException:  # noqa: BLE001 (any failure is reported to the build, which raises it)
                message = pickle.dumps((False, traceback.format_exc()))
            with os.fdopen(write, "wb") as pipe:
                pipe.write(message)
            os._exit(0)
        os.close(write)
        self._pipe = os.fdopen(read, "rb")

    def result(self) -> T:
        """What `work()` returned (waiting for it); its exception, as a RuntimeError with its traceback."""
        if self._pid:
            with self._pipe:
                message = self._pipe.read()
            os.waitpid(self._pid, 0)
            self._pid = 0
            done, self._value = pickle.loads(message) if message else (False, "the process ended unexpectedly")
            if not done:
                self._value = RuntimeError(f"work done in the background failed:\n{self._value}")
        if isinstance(self._value, RuntimeError):
            raise self._value
        return self._value
