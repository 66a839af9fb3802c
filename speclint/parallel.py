"""Pure CPU work (parsing specs, extracting symbols) split with one forked child process.

Python runs one thread at a time, and a cold check spends most of its time in markdown-it and in
walking tree-sitter trees, so a second core helps only as a second process. A fork costs little
(nothing is imported again) and shares the parent's loaded modules. The child gets its inputs
already in memory (never a git pipe the parent also reads), computes the second half, sends it
back pickled and leaves with `os._exit` (no cleanup of what the parent owns). Anything unusual
(no `fork`, one core, a small batch, a child that fails) falls back to the plain loop, so the
answer never depends on the split.

`SPECLINT_JOBS=1` turns the split off.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable, Sequence
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

MIN_BATCH = 24  # below this, forking costs more than it saves


def map_split(
    func: Callable[[Item], Result], items: Sequence[Item], *, prepare: Callable[[], object] | None = None
) -> list[Result]:
    """`[func(item) for item in items]`, the second half computed in a forked child when it pays.

    `prepare` runs first, in the parent, when a child is forked: the lazy imports and compiled
    tables both halves need, so the child inherits them instead of building its own.
    """
    if len(items) < MIN_BATCH or not _can_fork():
        return [func(item) for item in items]
    if prepare is not None:
        prepare()
    half = len(items) // 2
    try:
        read_end, write_end = os.pipe()
        pid = os.fork()
    except OSError:
        return [func(item) for item in items]
    if pid == 0:  # the child: compute, send, leave without running the parent's cleanup
        status = 1
        try:
            os.close(read_end)
            payload = pickle.dumps([func(item) for item in items[half:]], protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(payload)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    first = [func(item) for item in items[:half]]
    with os.fdopen(read_end, "rb") as pipe:
        payload = pipe.read()
    _, status = os.waitpid(pid, 0)
    if status == 0:
        try:
            second = pickle.loads(payload)
            if isinstance(second, list) and len(second) == len(items) - half:
                return first + second
        except Exception:  # noqa: BLE001 - a bad answer from the child is recomputed here
            pass
    return first + [func(item) for item in items[half:]]


def _can_fork() -> bool:
    if os.environ.get("SPECLINT_JOBS", "").strip() == "1":
        return False
    # fork is safe on Linux; macOS system libraries may abort in a forked child.
    return sys.platform.startswith("linux") and (os.cpu_count() or 1) > 1 and hasattr(os, "fork")
