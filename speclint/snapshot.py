"""What is being checked: the tracked files of the work tree, the index, or a commit.

A snapshot is the set of tracked paths plus a way to read each one. Untracked files are not
part of it: git is the truth about what the code is.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from speclint import git


class Source(enum.Enum):
    WORKTREE = "worktree"
    INDEX = "index"
    COMMIT = "commit"


@dataclass
class Snapshot:
    root: Path
    source: Source
    entries: Mapping[str, git.Entry]
    commit: str | None = None
    _blobs: git.BlobReader | None = field(default=None, repr=False)

    def __contains__(self, path: str) -> bool:
        return path in self.entries

    def read(self, path: str) -> bytes:
        """The bytes of a tracked file; symlinks yield their target text, never the target."""
        entry = self.entries[path]
        if self.source is Source.WORKTREE and not entry.is_symlink:
            try:
                return (self.root / path).read_bytes()
            except (IsADirectoryError, FileNotFoundError, PermissionError):
                return b""
        if entry.is_submodule:
            return b""
        if self._blobs is None:
            self._blobs = git.BlobReader(self.root)
        return self._blobs.read(entry.blob)

    @cached_property
    def directories(self) -> frozenset[str]:
        """Every directory that holds a tracked path (submodules count as directories)."""
        dirs: set[str] = set()
        for path, entry in self.entries.items():
            if entry.is_submodule:
                dirs.add(path)
            parts = path.split("/")
            for i in range(1, len(parts)):
                dirs.add("/".join(parts[:i]))
        return frozenset(dirs)

    @cached_property
    def submodules(self) -> tuple[str, ...]:
        return tuple(p for p, e in self.entries.items() if e.is_submodule)

    def close(self) -> None:
        if self._blobs is not None:
            self._blobs.close()
            self._blobs = None


def worktree(repo: git.Repository) -> Snapshot:
    """Tracked files with their work-tree content; files deleted from the work tree are gone."""
    entries = dict(git.index_entries(repo.root))
    for path in git.deleted_in_worktree(repo.root):
        entries.pop(path, None)
    return Snapshot(repo.root, Source.WORKTREE, entries)


def index(repo: git.Repository) -> Snapshot:
    return Snapshot(repo.root, Source.INDEX, git.index_entries(repo.root))


def commit(repo: git.Repository, ref: str) -> Snapshot:
    return of_commit(repo, git.resolve_commit(repo.root, ref))


def of_commit(repo: git.Repository, sha: str) -> Snapshot:
    """The tree of a commit already resolved to its id."""
    return Snapshot(repo.root, Source.COMMIT, _LazyEntries(lambda: git.tree_entries(repo.root, sha)), commit=sha)


class _LazyEntries(Mapping[str, git.Entry]):
    """A commit's entries, listed on first use: a change set often never needs its base's."""

    def __init__(self, load: Callable[[], dict[str, git.Entry]]) -> None:
        self._load = load
        self._entries: dict[str, git.Entry] | None = None

    @property
    def _all(self) -> dict[str, git.Entry]:
        if self._entries is None:
            self._entries = self._load()
        return self._entries

    def __getitem__(self, path: str) -> git.Entry:
        return self._all[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all)

    def __len__(self) -> int:
        return len(self._all)

    def __contains__(self, path: object) -> bool:
        return path in self._all


def empty(repo: git.Repository) -> Snapshot:
    """Nothing at all: the base of a repository's first commit."""
    return Snapshot(repo.root, Source.COMMIT, {})
