"""Change sets: what a commit being made, a pull request or a range of commits changes.

A change set pairs two snapshots, `base` and `head`, with the files that differ between them,
the lines each change touched, and the commit messages that may waive spec updates with a
trailer (`Spec-Impact: none`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from speclint import git, snapshot
from speclint.errors import UsageError

DEFAULT_TRAILER = "Spec-Impact"
WAIVER_VALUES = frozenset({"none"})
_SCISSORS = re.compile(r"^# -+ >8 -+$", re.M)
_WORD = re.compile(r"[A-Za-z_$][\w$]*")


class Waiver(NamedTuple):
    """A commit message saying its files need no spec update."""

    commit: str  # a short sha, or "the commit message" for the commit being made
    paths: frozenset[str] | None  # None: every file of the change set


@dataclass
class ChangeSet:
    label: str  # for messages: "the staged changes", "abc1234..def5678"
    base: snapshot.Snapshot
    head: snapshot.Snapshot
    files: list[git.FileChange]
    # Changed lines per new path, read with `git diff -U0` on first use.
    load_lines: Callable[[], dict[str, tuple[list[int], list[str]]]]
    waivers: list[Waiver] = field(default_factory=list)

    @cached_property
    def lines(self) -> dict[str, tuple[list[int], list[str]]]:
        return self.load_lines()

    @property
    def new_paths(self) -> set[str]:
        return {c.new_path for c in self.files if c.new_path}

    @property
    def old_paths(self) -> set[str]:
        return {c.old_path for c in self.files if c.old_path}

    def first_changed_line(self, path: str) -> int:
        numbers = self.lines.get(path, ([], []))[0]
        return min(numbers) if numbers else 1

    def changed_text(self, path: str) -> list[str]:
        return self.lines.get(path, ([], []))[1]

    def waiver_for(self, change: git.FileChange) -> Waiver | None:
        touched = {change.old_path, change.new_path}
        for waiver in self.waivers:
            if waiver.paths is None or touched & waiver.paths:
                return waiver
        return None

    def close(self) -> None:
        self.base.close()
        self.head.close()


def staged(repo: git.Repository, *, message: str | None, trailer: str) -> ChangeSet:
    """The index against HEAD (against the empty tree before the first commit)."""
    head_commit = git.head_commit(repo.root)
    base_rev = head_commit or git.empty_tree(repo.root)
    base = snapshot.of_commit(repo, head_commit) if head_commit else snapshot.empty(repo)
    change = ChangeSet(
        "the staged changes",
        base,
        snapshot.index(repo),
        git.changed_files(repo.root, base_rev, None),
        lambda: git.changed_lines(repo.root, base_rev, None),
    )
    if message is not None and _waives(git.message_trailers(repo.root, clean_message(message), trailer)):
        change.waivers.append(Waiver("the commit message", None))
    return change


def between(repo: git.Repository, base_ref: str, head_ref: str, *, trailer: str) -> ChangeSet:
    """A tree diff `base..head`: no merge base needed, so a depth-1 checkout with the base commit
    fetched is enough. Commits in the range that are present may waive their files."""
    base = snapshot.commit(repo, base_ref)
    head = snapshot.commit(repo, head_ref)
    assert base.commit is not None and head.commit is not None
    change = ChangeSet(
        f"{base.commit[:7]}..{head.commit[:7]}",
        base,
        head,
        git.changed_files(repo.root, base.commit, head.commit),
        lambda: git.changed_lines(repo.root, base.commit, head.commit),
    )
    for commit in git.range_commits(repo.root, base.commit, head.commit, trailer):
        if _waives(commit.values):
            change.waivers.append(Waiver(commit.sha[:7], frozenset(commit.paths)))
    return change


def parse_range(text: str) -> tuple[str, str]:
    """`A..B` into its two ends; a missing end means HEAD, as git reads it."""
    if "..." in text or ".." not in text:
        raise UsageError(f"--commits {text!r}: expected a range A..B")
    base, head = text.split("..", 1)
    return base or "HEAD", head or "HEAD"


def read_message(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8", "replace")
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the commit message: {exc.strerror or exc}") from None


def clean_message(message: str) -> str:
    """What git would commit: no `#` comment lines, nothing below a `git commit -v` scissors line."""
    cut = _SCISSORS.search(message)
    if cut:
        message = message[: cut.start()]
    return "\n".join(line for line in message.splitlines() if not line.startswith("#")) + "\n"


def _waives(values: tuple[str, ...]) -> bool:
    return any(v.strip().lower() in WAIVER_VALUES for v in values)


def words_in(lines: Iterable[str]) -> set[str]:
    """The identifier-shaped words of some lines of text or code."""
    return {w for line in lines for w in _WORD.findall(line)}
