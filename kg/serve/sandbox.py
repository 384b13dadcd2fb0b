"""Query workers without a network: a second guard behind :mod:`kg.query.guard`.

Every query is checked for ``SERVICE`` before it runs; on Linux a worker also
moves itself into a network namespace of its own, where no interface is up,
so even a query the check had missed could reach no server (connecting fails
with "network is unreachable"). This needs unprivileged user namespaces (or
root); where the system does not allow them the worker runs as before, and the
check alone stands. Workers talk to the server over pipes, which a network
namespace does not touch.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000


def deny_network() -> bool:
    """Cut this process (which must have a single thread) off every network; True when that worked."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        unshare = libc.unshare
    except (OSError, AttributeError):
        return False
    unshare.argtypes = [ctypes.c_int]
    return any(unshare(flags) == 0 for flags in (CLONE_NEWUSER | CLONE_NEWNET, CLONE_NEWNET))

