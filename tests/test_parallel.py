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


def test_child_first_hands_the_child_the_tail_and_keeps_the_order() -> None:
    import time

    def pid_after_a_pause(n: int) -> tuple[int, int]:
        time.sleep(0.001)
        return n, os.getpid()

    items = list(range(120))
    out = parallel.map_split(pid_after_a_pause, items, child_first=40)
    assert [n for n, _ in out] == items
    if parallel._can_fork():
        parent = os.getpid()
        assert out[0][1] == parent  # the parent starts at the front ...
        assert out[-1][1] != parent  # ... and the child on the last 40


def test_answers_sent_before_a_child_dies_are_kept() -> None:
    import time

    parent = os.getpid()
    computed_here: list[int] = []

    def dies_midway_in_child(n: int) -> int:
        time.sleep(0.002)
        if os.getpid() != parent and n >= 70:
            os._exit(3)  # the child started at 50; what it sent before this still counts
        if os.getpid() == parent:
            computed_here.append(n)
        return n * 2

    assert parallel.map_split(dies_midway_in_child, list(range(100)), child_first=50) == [n * 2 for n in range(100)]
    if parallel._can_fork():
        assert 50 <= len(computed_here) < 100  # the child's finished chunks were used, not redone
