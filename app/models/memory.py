"""Give memory freed by a large computation back to the operating system.

numpy frees a computation's temporaries into the C allocator, which keeps them in the heap of the thread that
ran it (a worker thread's arena is seldom trimmed): the console's resident memory would stay at the peak of
the indicator computation for as long as it runs. ``malloc_trim`` returns those free pages (glibc only).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys


def release_free_memory() -> bool:
    """Trim every heap of the C allocator; False where there is nothing to call (not glibc)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return bool(libc.malloc_trim(0))
    except (OSError, AttributeError):
        return False
