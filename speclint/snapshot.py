"""What is being checked: the tracked files of the work tree, the index, or a commit.

A snapshot is the set of tracked paths plus a way to read each one. Untracked files are not
part of it: git is the truth about what the code is.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Mapping
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

    def entries_matching(self, keep: Callable[[str], bool]) -> dict[str, git.Entry]:
        """The entries whose path `keep` accepts, without decoding every other entry if it can."""
        if isinstance(self.entries, _LazyEntries):
            return self.entries.matching(keep)
        return {p: e for p, e in self.entries.items() if keep(p)}

    def entries_at(self, paths: Iterable[str]) -> dict[str, git.Entry]:
        """The entries of these paths that exist; for a commit not yet listed, only they are read."""
        if isinstance(self.entries, _LazyEntries):
            return self.entries.at(paths)
        return {p: self.entries[p] for p in paths if p in self.entries}

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
    deleted = git.deleted_in_worktree(repo.root)
    entries = dict(git.index_entries(repo.root))
    for path in deleted():
        entries.pop(path, None)
    return Snapshot(repo.root, Source.WORKTREE, entries)


def index(repo: git.Repository) -> Snapshot:
    """The index; its entries are decoded on first use, or only those a caller asks for."""
    records = git.index_raw(repo.root)

    def matching(keep: Callable[[str], bool]) -> dict[str, git.Entry]:
        return git.index_records(r for r in records if keep(r.partition(b"\t")[2].decode("utf-8", "surrogateescape")))

    def some(paths: Iterable[str]) -> dict[str, git.Entry]:
        wanted = set(paths)
        return matching(wanted.__contains__)

    return Snapshot(repo.root, Source.INDEX, _LazyEntries(lambda: git.index_records(records), some, matching, len(records)))


def commit(repo: git.Repository, ref: str) -> Snapshot:
    return of_commit(repo, git.resolve_commit(repo.root, ref))


def of_commit(repo: git.Repository, sha: str) -> Snapshot:
    """The tree of a commit already resolved to its id."""
    return Snapshot(
        repo.root,
        Source.COMMIT,
        _LazyEntries(lambda: git.tree_entries(repo.root, sha), lambda paths: git.tree_entries(repo.root, sha, paths)),
        commit=sha,
    )


class _LazyEntries(Mapping[str, git.Entry]):
    """Entries listed or decoded on first use: a change set often needs only a few of them."""

    def __init__(
        self,
        load: Callable[[], dict[str, git.Entry]],
        load_some: Callable[[Iterable[str]], dict[str, git.Entry]],
        load_matching: Callable[[Callable[[str], bool]], dict[str, git.Entry]] | None = None,
        size: int | None = None,
    ) -> None:
        self._load = load
        self._load_some = load_some
        self._load_matching = load_matching
        self._size = size
        self._entries: dict[str, git.Entry] | None = None

    def matching(self, keep: Callable[[str], bool]) -> dict[str, git.Entry]:
        if self._entries is None and self._load_matching is not None:
            return self._load_matching(keep)
        return {p: e for p, e in self._all.items() if keep(p)}

    def at(self, paths: Iterable[str]) -> dict[str, git.Entry]:
        if self._entries is not None:
            return {p: self._entries[p] for p in paths if p in self._entries}
        return self._load_some(sorted(set(paths)))

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
        if self._entries is None and self._size is not None:
            return self._size
        return len(self._all)

    def __contains__(self, path: object) -> bool:
        return path in self._all

    # The dict's own views: iterating a Mapping through __getitem__ is several times slower.
    def items(self):  # type: ignore[no-untyped-def]
        return self._all.items()

    def keys(self):  # type: ignore[no-untyped-def]
        return self._all.keys()

    def values(self):  # type: ignore[no-untyped-def]
        return self._all.values()

    def get(self, path: str, default: git.Entry | None = None) -> git.Entry | None:  # type: ignore[override]
        return self._all.get(path, default)


def empty(repo: git.Repository) -> Snapshot:
    """Nothing at all: the base of a repository's first commit."""
    return Snapshot(repo.root, Source.COMMIT, {})
