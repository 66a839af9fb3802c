"""Pure CPU work (parsing specs, extracting symbols) split with one forked child process.

Python runs one thread at a time, and a cold check spends most of its time in markdown-it and in
walking tree-sitter trees, so a second core helps only as a second process. A fork costs little
(nothing is imported again) and shares the parent's loaded modules. The child gets its inputs
already in memory (never a git pipe the parent also reads), computes its share, sends each
chunk's results back pickled as soon as they are done and leaves with `os._exit` (no cleanup of
what the parent owns). Anything unusual (no `fork`, one core, a small batch, a child that fails
or sends garbage) falls back to the plain loop for whatever is missing, so the answer never
depends on the split.

`SPECLINT_JOBS=1` turns the split off.
"""

from __future__ import annotations

import os
import pickle
import struct
import sys
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

MIN_BATCH = 24  # below this, forking costs more than it saves
MAX_CHUNKS = 64  # chunk numbers are single bytes in a pipe; fewer, larger chunks cost fewer reads
_FRAME = struct.Struct("<I")  # each answer: its length, then pickle((chunk number, results))


def map_split(
    func: Callable[[Item], Result],
    items: Sequence[Item],
    *,
    prepare: Callable[[], object] | None = None,
    child_first: int = 0,
) -> list[Result]:
    """`[func(item) for item in items]`, shared with a forked child process when it pays.

    The items are cut into chunks whose numbers wait in two pipes: the parent takes chunks
    from the front of the list, the child from the last `child_first` items, and whoever runs
    out takes the other's remaining ones. A slower process (a busier core, bigger items, the
    child's late start and its pickling) simply takes fewer chunks. A pipe read of one byte goes
    to exactly one reader, which makes each pipe a lock-free queue.

    `child_first` suits two kinds of work in one list: the child starts on the kind whose
    results pickle smaller and whose set-up (imports, compiled queries) the parent can do
    without, and each process loads what its own kind needs at the same time as the other.
    The child sends each chunk as it finishes; the parent reads them between its own chunks, so
    neither pickling nor unpickling waits for the end.

    `prepare` runs first, in the parent, when a child is forked: the lazy imports and compiled
    tables both processes need, so the child inherits them instead of building its own.
    """
    if len(items) < MIN_BATCH or not _can_fork():
        return [func(item) for item in items]
    if prepare is not None:
        prepare()
    return Split(func, items, child_first=child_first).join()


class Split(Generic[Item, Result]):
    """`map_split`'s two halves: creating it forks the child, which starts on its chunks at once;
    `join` does the parent's share and collects the child's answers."""

    def __init__(self, func: Callable[[Item], Result], items: Sequence[Item], *, child_first: int = 0) -> None:
        self.func = func
        size = -(-len(items) // MAX_CHUNKS) if items else 1
        boundary = len(items) - max(0, min(child_first, len(items)))
        # Chunks never straddle the boundary, so each process starts on its own kind of work.
        starts = [*range(0, boundary, size), *range(boundary, len(items), size)]
        ends = [*starts[1:], len(items)]
        self.chunks = [items[start : min(end, start + size)] for start, end in zip(starts, ends)]
        parent_side = sum(1 for start in starts if start < boundary)
        self.pid = 0
        self._answers: _Answers | None = None
        if len(items) < MIN_BATCH or not _can_fork():
            return
        try:
            self.front = _queue(range(parent_side))
            self.back = _queue(range(parent_side, len(self.chunks)))
            answer_read, answer_write = os.pipe()
            _widen(answer_write)
            pid = os.fork()
        except OSError:
            return
        if pid == 0:  # the child: compute, send, leave without running the parent's cleanup
            status = 1
            try:
                os.close(answer_read)
                with os.fdopen(answer_write, "wb", buffering=0) as pipe:
                    for queue in (self.back, self.front):
                        for number in _numbers(queue):
                            values = [func(item) for item in self.chunks[number]]
                            payload = pickle.dumps((number, values), pickle.HIGHEST_PROTOCOL)
                            pipe.write(_FRAME.pack(len(payload)) + payload)
                status = 0
            finally:
                os._exit(status)
        os.close(answer_write)
        self.pid = pid
        self._answers = _Answers(answer_read, self.chunks)

    def join(self) -> list[Result]:
        """Take the chunks the child has not taken, collect its answers, and return them all in order."""
        func = self.func
        results: dict[int, list[Result]] = {}
        answers = self._answers
        if answers is not None:
            for queue in (self.front, self.back):
                for number in _numbers(queue):
                    results[number] = [func(item) for item in self.chunks[number]]
                    answers.take_ready()
                os.close(queue)
            answers.take_rest()
            os.waitpid(self.pid, 0)
            self._answers = None
        out: list[Result] = []
        for number, chunk in enumerate(self.chunks):  # whatever the child did not deliver is done here
            done = results[number] if number in results else answers.results.get(number) if answers else None
            out.extend(done if done is not None else [func(item) for item in chunk])
        return out


def _queue(numbers: range) -> int:
    """A pipe holding these chunk numbers, its write end closed: drained, it reads as end of file."""
    read, write = os.pipe()
    os.write(write, bytes(numbers))  # at most MAX_CHUNKS bytes: under PIPE_BUF, written at once
    os.close(write)
    return read


def _widen(pipe: int) -> None:
    """Room for many answers (Linux pipes hold 64 KiB): the child blocks less often while the
    parent is busy with a chunk of its own."""
    try:
        import fcntl

        fcntl.fcntl(pipe, getattr(fcntl, "F_SETPIPE_SZ", 1031), 1 << 20)
    except (ImportError, OSError):
        pass


def _numbers(queue: int):  # type: ignore[no-untyped-def]
    while token := os.read(queue, 1):
        yield token[0]


class _Answers:
    """The child's answers, read as they arrive: between the parent's chunks, then to the end."""

    def __init__(self, fd: int, chunks: list[Sequence[object]]) -> None:
        self.fd = fd
        self.chunks = chunks
        self.buffer = bytearray()
        self.results: dict[int, list] = {}  # type: ignore[type-arg]
        os.set_blocking(fd, False)

    def take_ready(self) -> None:
        """Read what the child has sent so far without waiting (the pipe would block it)."""
        while True:
            try:
                data = os.read(self.fd, 1 << 20)
            except BlockingIOError:
                break
            if not data:
                break
            self.buffer += data
        self._decode()

    def take_rest(self) -> None:
        os.set_blocking(self.fd, True)
        with os.fdopen(self.fd, "rb") as pipe:
            self.buffer += pipe.read()
        self._decode()

    def _decode(self) -> None:
        view = memoryview(self.buffer)
        offset = 0
        while len(view) - offset >= _FRAME.size:
            (length,) = _FRAME.unpack_from(view, offset)
            if len(view) - offset - _FRAME.size < length:
                break
            start = offset + _FRAME.size
            self._accept(bytes(view[start : start + length]))
            offset = start + length
        view.release()
        del self.buffer[:offset]

    def _accept(self, payload: bytes) -> None:
        try:
            number, values = pickle.loads(payload)
        except Exception:  # noqa: BLE001 - a bad answer from the child is recomputed in the parent
            return
        if isinstance(number, int) and 0 <= number < len(self.chunks) and isinstance(values, list):
            if len(values) == len(self.chunks[number]):
                self.results.setdefault(number, values)


def _can_fork() -> bool:
    if os.environ.get("SPECLINT_JOBS", "").strip() == "1":
        return False
    # fork is safe on Linux; macOS system libraries may abort in a forked child.
    return sys.platform.startswith("linux") and (os.cpu_count() or 1) > 1 and hasattr(os, "fork")
