"""The forked split gives exactly the plain loop's answer, whatever happens to the child."""

from __future__ import annotations

import os

import pytest

from speclint import parallel


def square(n: int) -> int:
    return n * n


def test_split_matches_the_plain_loop() -> None:
    items = list(range(100))
    assert parallel.map_split(square, items) == [n * n for n in items]


def test_a_failing_child_is_recomputed_in_the_parent() -> None:
    parent = os.getpid()

    def fails_in_child(n: int) -> int:
        if os.getpid() != parent:
            raise RuntimeError("child")
        return n + 1

    assert parallel.map_split(fails_in_child, list(range(60))) == list(range(1, 61))


def test_prepare_runs_in_the_parent_before_forking() -> None:
    seen: list[int] = []
    parallel.map_split(square, list(range(60)), prepare=lambda: seen.append(os.getpid()))
    assert seen in ([], [os.getpid()])  # [] where no fork is possible (one core, not Linux)


def test_jobs_one_turns_the_split_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPECLINT_JOBS", "1")
    parent = os.getpid()
    pids = parallel.map_split(lambda _: os.getpid(), list(range(60)))
    assert set(pids) == {parent}


def test_parent_and_child_share_the_chunks() -> None:
    import time

    def slow_pid(_: int) -> int:
        time.sleep(0.002)
        return os.getpid()

    pids = parallel.map_split(slow_pid, list(range(100)))
    assert len(pids) == 100
    if parallel._can_fork():
        assert os.getpid() in pids and len(set(pids)) == 2


def test_a_child_that_dies_midway_loses_nothing() -> None:
    parent = os.getpid()
    seen: list[int] = []

    def dies_in_child(n: int) -> int:
        if os.getpid() != parent and n > 40:
            os._exit(3)
        seen.append(n)
        return -n

    assert parallel.map_split(dies_in_child, list(range(80))) == [-n for n in range(80)]
