"""Pure CPU work (parsing specs, extracting symbols) split with one forked child process.

Python runs one thread at a time, and a cold check spends most of its time in markdown-it and in
walking tree-sitter trees, so a second core helps only as a second process. A fork costs little
(nothing is imported again) and shares the parent's loaded modules. The child gets its inputs
already in memory (never a git pipe the parent also reads), computes its share, sends it back
pickled and leaves with `os._exit` (no cleanup of what the parent owns). Anything unusual
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
MAX_CHUNKS = 64  # chunk numbers are single bytes in a pipe; fewer, larger chunks cost fewer reads


def map_split(
    func: Callable[[Item], Result], items: Sequence[Item], *, prepare: Callable[[], object] | None = None
) -> list[Result]:
    """`[func(item) for item in items]`, shared with a forked child process when it pays.

    The items are cut into chunks whose numbers wait in a pipe; parent and child each take the
    next number until none is left, so a slower process (a busier core, bigger items, the
    child's late start and its pickling) simply takes fewer chunks. A pipe read of one byte goes
    to exactly one reader, which makes the pipe a lock-free queue.

    `prepare` runs first, in the parent, when a child is forked: the lazy imports and compiled
    tables both processes need, so the child inherits them instead of building its own.
    """
    if len(items) < MIN_BATCH or not _can_fork():
        return [func(item) for item in items]
    if prepare is not None:
        prepare()
    size = -(-len(items) // MAX_CHUNKS)
    chunks = [items[start : start + size] for start in range(0, len(items), size)]
    try:
        queue_read, queue_write = os.pipe()
        os.write(queue_write, bytes(range(len(chunks))))  # under PIPE_BUF: written at once
        os.close(queue_write)  # drained, the queue reads as end of file
        answer_read, answer_write = os.pipe()
        pid = os.fork()
    except OSError:
        return [func(item) for item in items]
    if pid == 0:  # the child: compute, send, leave without running the parent's cleanup
        status = 1
        try:
            os.close(answer_read)
            done = _take(queue_read, chunks, func)
            payload = pickle.dumps(done, protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(answer_write, "wb") as pipe:
                pipe.write(payload)
            status = 0
        finally:
            os._exit(status)
    os.close(answer_write)
    results = _take(queue_read, chunks, func)
    os.close(queue_read)
    with os.fdopen(answer_read, "rb") as pipe:
        payload = pipe.read()
    _, status = os.waitpid(pid, 0)
    if status == 0:
        try:
            theirs = pickle.loads(payload)
            if isinstance(theirs, dict):
                for number, values in theirs.items():
                    if isinstance(values, list) and len(values) == len(chunks[number]):
                        results.setdefault(number, values)
        except Exception:  # noqa: BLE001 - a bad answer from the child is recomputed here
            pass
    out: list[Result] = []
    for number, chunk in enumerate(chunks):  # whatever the child did not deliver is done here
        out.extend(results[number] if number in results else [func(item) for item in chunk])
    return out


def _take(queue: int, chunks: list[Sequence[Item]], func: Callable[[Item], Result]) -> dict[int, list[Result]]:
    done: dict[int, list[Result]] = {}
    while True:
        token = os.read(queue, 1)
        if not token:
            return done
        done[token[0]] = [func(item) for item in chunks[token[0]]]


def _can_fork() -> bool:
    if os.environ.get("SPECLINT_JOBS", "").strip() == "1":
        return False
    # fork is safe on Linux; macOS system libraries may abort in a forked child.
    return sys.platform.startswith("linux") and (os.cpu_count() or 1) > 1 and hasattr(os, "fork")
