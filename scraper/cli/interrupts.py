"""Ctrl-C that lands while Python runs a finalizer.

Python runs ``__del__`` methods (pyarrow's ``ParquetWriter`` has one) wherever an object is
collected; a KeyboardInterrupt raised inside one cannot propagate, so Python prints "Exception
ignored in ..." with a traceback and carries on as if Ctrl-C had not been pressed. The hook
installed here keeps such an interrupt: it sends SIGINT again, from a timer thread, so that it
arrives once the finalizer and the hook have returned, where the command's own handling turns it
into one line. While SIGINT is ignored (a run that has finished its work) it does nothing.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading

AGAIN_AFTER = 0.01  # seconds: the finalizer and the hook have long returned


def keep_interrupts_in_finalizers() -> None:
    sys.unraisablehook = _unraisable


def _unraisable(unraisable: sys.UnraisableHookArgs) -> None:
    if isinstance(unraisable.exc_value, KeyboardInterrupt):
        again = threading.Timer(AGAIN_AFTER, os.kill, (os.getpid(), signal.SIGINT))
        again.daemon = True
        with contextlib.suppress(RuntimeError):  # no new thread while Python shuts down: it
            again.start()  # is stopping anyway
        return
    sys.__unraisablehook__(unraisable)
