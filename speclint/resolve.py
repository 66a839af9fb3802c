"""Resolve file and spec-link references against a snapshot's tracked paths.

Tries, in order of intent: relative to the spec (links) or the repo root (code spans and
prose), then the other, then a link written relative to the root from deep inside `specs/`,
then a unique file name, then a package-relative suffix. An unresolved reference is only
"missing" when speclint is confident it names a repo path; otherwise it is "unknown" and never
reported (precision before recall).
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Callable
from functools import cached_property
from typing import NamedTuple

from speclint.snapshot import Snapshot
from speclint.specs.paths import PathText
from speclint.specs.references import Reference

FOUND = "found"
MISSING = "missing"
OUTSIDE = "outside"
UNKNOWN = "unknown"
HISTORY = "known to git history"


class Resolution(NamedTuple):
    status: str
    path: str
    how: str
    candidates: tuple[str, ...] = ()


class Fate(NamedTuple):
    """What history did to a path that is gone: renamed to `new`, or deleted (`new` None)."""

    new: str | None
    commit: str


HistoryLookup = Callable[[list[str], list[str]], dict[str, Fate]]


class Resolver:
    def __init__(self, snapshot: Snapshot, history: HistoryLookup) -> None:
        self.snapshot = snapshot
        self._lookup_history = history
        self._fates: dict[str, Fate] = {}
        self._asked: set[str] = set()
        self._names_asked: set[str] = set()

    @cached_property
    def files(self) -> frozenset[str]:
        return frozenset(self.snapshot.entries)

    @cached_property
    def by_name(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = defaultdict(list)
        for path in self.files:
            index[path.rsplit("/", 1)[-1]].append(path)
        return index

    def learn_history(self, paths: list[str], names: list[str] = ()) -> None:  # type: ignore[assignment]
        """Ask git, in one batch, what happened to paths (and file names) not asked about yet."""
        new_paths = [p for p in paths if p not in self._asked]
        new_names = [n for n in names if n not in self._names_asked]
        if not new_paths and not new_names:
            return
        self._asked.update(new_paths)
        self._names_asked.update(new_names)
        for old, fate in self._lookup_history(new_paths, new_names).items():
            self._fates.setdefault(old, fate)

    def resolve_all(self, refs: list[Reference]) -> dict[Reference, Resolution]:
        """Resolve many references, asking git history once for all that are not tracked."""
        results: dict[Reference, Resolution] = {}
        absent: list[Reference] = []
        for ref in refs:
            present = self._resolve_present(ref)
            if present is None:
                absent.append(ref)
            else:
                results[ref] = present
        paths = [a for ref in absent for a, _ in self._attempts(ref, ref.candidate) if not _escapes(a)]  # type: ignore[arg-type]
        names = [ref.candidate.name for ref in absent if ref.candidate is not None and not ref.candidate.has_dir]
        self.learn_history(paths, names)
        for ref in absent:
            results[ref] = self._resolve_absent(ref)
        return results

    def resolve(self, ref: Reference) -> Resolution:
        return self.resolve_all([ref])[ref]

    def _resolve_present(self, ref: Reference) -> Resolution | None:
        """The resolution when the reference names something tracked (or outside the repo)."""
        candidate = ref.candidate
        if candidate is None:
            return Resolution(FOUND, ref.spec, "this spec")
        if ref.via != "link" and not candidate.anchored and not candidate.is_dir and candidate.path in self.files:
            return Resolution(FOUND, candidate.path, "from the repository root")  # the common case, fast
        attempts = self._attempts(ref, candidate)
        inside = [path for path, _ in attempts if not _escapes(path)]
        for attempt, how in attempts:
            if not _escapes(attempt) and self._lookup(attempt, candidate) is not None:
                return Resolution(FOUND, attempt, how)
        if not candidate.has_dir:
            matches = sorted(self.by_name.get(candidate.name, ()))
            if len(matches) == 1:
                return Resolution(FOUND, matches[0], "the only tracked file with this name")
            if matches:
                return Resolution(FOUND, matches[0], "one of several files with this name", tuple(matches))
        elif not candidate.anchored and not candidate.path.startswith(".."):
            suffix = "/" + candidate.path
            matches = sorted(p for p in self.files if p.endswith(suffix))
            if matches:
                return Resolution(FOUND, matches[0], "package-relative path", tuple(matches))
        if not inside or _escapes(attempts[0][0]):
            return Resolution(OUTSIDE, attempts[0][0], "points outside the repository")
        return None

    def _resolve_absent(self, ref: Reference) -> Resolution:
        """The resolution of a reference to nothing tracked, once history has been asked."""
        candidate = ref.candidate
        assert candidate is not None
        inside = [a for a, _ in self._attempts(ref, candidate) if not _escapes(a)]
        best = inside[0]
        for attempt in inside:
            if attempt in self._fates:
                return Resolution(MISSING, attempt, HISTORY)
        if not candidate.has_dir:
            for old in self._fates:
                if old.rsplit("/", 1)[-1] == candidate.name:
                    return Resolution(MISSING, old, HISTORY)
        if self._confident(ref, candidate, inside):
            return Resolution(MISSING, best, "not tracked")
        return Resolution(UNKNOWN, best, "not confidently a repository path")

    def _attempts(self, ref: Reference, candidate: PathText) -> list[tuple[str, str]]:
        path = candidate.path
        spec_dir = posixpath.dirname(ref.spec)
        if candidate.anchored:
            # `/x` usually means the repo root, but spec authors also use it for the feature folder.
            order = [(path, "from the repository root")]
            # Doc sites (docsify, mkdocs) root links at their docs folder: try every enclosing one.
            folder = spec_dir
            while folder:
                order.append((posixpath.join(folder, path), "relative to an enclosing folder of the spec"))
                folder = posixpath.dirname(folder)
            return order
        relative = posixpath.normpath(posixpath.join(spec_dir, path))
        rooted = posixpath.normpath(path)
        stripped = path
        while stripped.startswith("../"):
            stripped = stripped[3:]
        by_spec = (relative, "relative to the spec")
        by_root = (rooted, "from the repository root")
        if ref.via == "link" or path.startswith(".."):
            order = [by_spec, by_root, (stripped, "from the repository root (the link is off by a folder)")]
        else:
            order = [by_root, by_spec]
        seen: list[tuple[str, str]] = []
        for attempt in order:
            if all(attempt[0] != done for done, _ in seen):
                seen.append(attempt)
        return seen

    def _lookup(self, attempt: str, candidate: PathText) -> str | None:
        if attempt in ("", "."):
            return attempt
        if not candidate.is_dir and attempt in self.files:
            return attempt
        if attempt in self.snapshot.directories:
            return attempt
        for module in self.snapshot.submodules:
            if attempt.startswith(module + "/"):
                return attempt
        return None

    def _confident(self, ref: Reference, candidate: PathText, attempts: list[str]) -> bool:
        """Surely a path of this repository: a file shape in a folder this repository has.

        The file's own folder existing is strong evidence (a file in it went missing). Only the
        first folder existing is weaker (vendored trees, other projects' layouts), so it counts
        for short paths and in task lines, where a spec names files to build.
        """
        if ref.via == "link":
            return True  # a relative link is a path by construction
        if not candidate.has_dir:
            return False
        if not (candidate.known or candidate.extension in self.extensions):
            return False
        dirs = self.snapshot.directories
        parent = posixpath.dirname(candidate.path)
        spec_dir = posixpath.dirname(ref.spec)
        for attempt in attempts:
            if posixpath.dirname(attempt) in dirs:
                return True
        if not candidate.anchored and not parent.startswith("..") and self._dir_suffix(parent):
            return True
        if not (ref.in_task or candidate.path.count("/") <= 1):
            return False
        first = candidate.path.split("/", 1)[0]
        if candidate.anchored:
            return first in dirs
        return any(posixpath.normpath(posixpath.join(base, first)) in dirs for base in ("", spec_dir))

    def _dir_suffix(self, parent: str) -> bool:
        """Is `parent` the tail of some tracked folder (a package-relative path)?"""
        if "/" not in parent:
            return False
        tail = "/" + parent
        return any(d.endswith(tail) for d in self.snapshot.directories)

    @cached_property
    def extensions(self) -> frozenset[str]:
        """File extensions this repository tracks: a `.lisp` path is code where `.lisp` files are."""
        found = set()
        for path in self.files:
            name = path.rsplit("/", 1)[-1]
            if "." in name.strip("."):
                found.add(name.rsplit(".", 1)[1].lower())
        return frozenset(found)

    def fate(self, path: str) -> tuple[str | None, str] | None:
        """Follow renames from `path` to a tracked file: (current path or None, first commit)."""
        self.learn_history([path])
        fate = self._fates.get(path)
        if fate is None:
            return None
        commit = fate.commit
        current = fate.new
        seen = {path}
        while current is not None and current not in self.files and current not in seen:
            seen.add(current)
            self.learn_history([current])
            step = self._fates.get(current)
            if step is None:
                break
            current = step.new
        if current is not None and current not in self.files:
            current = None
        return current, commit

    def close_matches(self, path: str, limit: int = 3) -> list[str]:
        """Tracked files that the missing `path` plausibly became: same name, or a similar name."""
        import difflib

        name = path.rsplit("/", 1)[-1]
        same_name = sorted(self.by_name.get(name, ()))
        if same_name:
            return same_name[:limit]
        extension = name.rsplit(".", 1)[-1] if "." in name else ""
        names = [n for n in self.by_name if not extension or n.endswith("." + extension)]
        similar = difflib.get_close_matches(name, names, n=limit, cutoff=0.75)
        parent = posixpath.dirname(path)
        found = []
        for match in similar:
            # Among files of that name, prefer the one whose folder is most like the spec's.
            paths = sorted(self.by_name[match], key=lambda p: -difflib.SequenceMatcher(None, posixpath.dirname(p), parent).ratio())
            found.append(paths[0])
        return found[:limit]


def history_fates(changes: list[tuple[str, str | None, str]]) -> dict[str, Fate]:
    """The newest rename or deletion of each path, from newest-first (old, new, commit) rows."""
    fates: dict[str, Fate] = {}
    for old, new, commit in changes:
        fates.setdefault(old, Fate(new, commit))
    return fates


def _escapes(path: str) -> bool:
    return path == ".." or path.startswith("../") or path.startswith("/")
