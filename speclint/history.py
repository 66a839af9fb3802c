"""What happened to referenced code since each spec was last changed, from one pass over git log.

A spec's baseline is the last commit that changed it, or a later commit whose message carries a
`Spec-Reviewed: <path or glob>` trailer; an edit to the spec not committed yet counts as a review
now. The code side is one `git log --raw -M` over the commits since the oldest baseline: every
referenced file's versions since its spec's baseline come from it, following renames backwards,
and each version's symbols come through the blob-id cache.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from speclint import git
from speclint.cache import BlobCache
from speclint.globs import GlobSet

TRAILER = "Spec-Reviewed"
FORMAT = "2"  # of the stored walks; change it with Commit or Change
NULL_BLOB = "0" * 40


class Commit(NamedTuple):
    sha: str
    subject: str
    order: int  # 0 is the newest commit of the walk

    @property
    def short(self) -> str:
        return self.sha[:7]

    def describe(self) -> str:
        return f"{self.short} {self.subject}".strip()


class Change(NamedTuple):  # a walk holds one per file per commit: a tuple is quickest to make
    commit: Commit
    old_path: str | None
    new_path: str | None
    old_blob: str
    new_blob: str


class Version(NamedTuple):
    """A file's content after a commit (the newest last); `blob` None when it did not exist."""

    commit: Commit | None  # None: the content at the baseline
    blob: str | None


@dataclass
class History:
    root: Path
    rev: str
    commits: list[Commit] = field(default_factory=list)
    by_commit: dict[str, dict[str, Change]] = field(default_factory=dict)  # sha -> new path -> change
    baselines: dict[str, Commit | None] = field(default_factory=dict)

    def baseline(self, spec: str) -> Commit | None:
        return self.baselines.get(spec)

    @cached_property
    def _by_path(self) -> dict[str, list[Change]]:
        """Each path's changes, newest first: walking one file's history touches only its commits."""
        index: dict[str, list[Change]] = {}
        for commit in self.commits:
            for path, change in self.by_commit[commit.sha].items():
                index.setdefault(path, []).append(change)
        return index

    def changed_since(self, path: str, since: Commit) -> bool:
        """Whether a commit after `since` changed the file now at `path` (`versions` is not empty)."""
        changes = self._by_path.get(path)
        return bool(changes) and changes[0].commit.order < since.order

    def versions(self, path: str, since: Commit) -> list[Version]:
        """The file's versions from the baseline on, oldest first, following renames backwards."""
        current: str | None = path
        changes: list[Change] = []
        newer_than = -1  # order of the last change taken; older commits have larger orders
        while current is not None:
            found = None
            for change in self._by_path.get(current, ()):
                if change.commit.order > newer_than:
                    found = change
                    break
            if found is None or found.commit.order >= since.order:
                break
            changes.append(found)
            newer_than = found.commit.order
            current = found.old_path
        if not changes:
            return []
        changes.reverse()
        first = changes[0]
        start = None if first.old_blob == NULL_BLOB else first.old_blob
        versions = [Version(None, start)]
        versions += [Version(c.commit, None if c.new_blob == NULL_BLOB else c.new_blob) for c in changes]
        return versions


def load(
    root: Path,
    rev: str,
    specs: Iterable[str],
    reviewed_now: Iterable[str] = (),
    *,
    max_commits: int = 20000,
    cache: BlobCache | None = None,
) -> History:
    """Baselines for `specs` and the code changes since the oldest of them, in three git calls."""
    return Loading(root, rev, specs, max_commits=max_commits, cache=cache).finish(reviewed_now)


class Loading:
    """A history load whose git commands are started at once and read when the history is needed,
    so they run while the specs are parsed."""

    def __init__(
        self,
        root: Path,
        rev: str,
        specs: Iterable[str],
        *,
        max_commits: int = 20000,
        cache: BlobCache | None = None,
        sha: str | None = None,
    ) -> None:
        """`sha`: the commit `rev` names, when the caller knows it already."""
        self.root, self.rev, self.max_commits, self.cache = root, rev, max_commits, cache
        self.specs = sorted(set(specs))
        self._last_changes: list[git.Pending] = []
        self._reviews: git.Pending | None = None
        self._walk: git.Pending | None = None
        self._stored: tuple[list[Commit], dict[str, dict[str, Change]]] | None = None
        self._sha = ""
        if not self.specs:
            return
        for start in range(0, len(self.specs), 500):
            self._last_changes.append(
                git.Pending(root, "log", "--format=%x01%H", "--name-only", "-z", rev, "--", *self.specs[start : start + 500])
            )
        self._reviews = git.Pending(
            root, "log", f"--grep=^{TRAILER}:", "-i",
            f"--format=%x01%H%x00%(trailers:key={TRAILER},valueonly,separator=%x1f)", rev,
        )
        self._sha = sha or git.run(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}", check=False).decode().strip()
        self._stored = _known_walk(root, self._sha, max_commits, cache)
        if self._stored is None:
            self._walk = git.Pending(
                root, "log", f"--max-count={max_commits}", "--raw", "-z", "-M", "--no-abbrev", "--no-merges",
                "--format=%x01%H%x00%s", rev,
            )

    def close(self) -> None:
        for pending in (*self._last_changes, self._reviews, self._walk):
            if pending is not None:
                pending.close()

    def finish(self, reviewed_now: Iterable[str] = ()) -> History:
        history = History(self.root, self.rev)
        if not self.specs:
            return history
        last_change = _last_changes([p.output(check=False) for p in self._last_changes])
        assert self._reviews is not None
        reviews = _reviews(self._reviews.output(check=False))
        reviewed = set(reviewed_now)
        if self._stored is not None:
            history.commits, history.by_commit = self._stored
        else:
            assert self._walk is not None
            history.commits, history.by_commit = _walk(
                self.root, self._sha, self.max_commits, self.cache, self._walk.output(check=False)
            )
        order = {commit.sha: commit.order for commit in history.commits}
        for spec in self.specs:
            if spec in reviewed:
                history.baselines[spec] = None
                continue
            candidates = [last_change.get(spec)]
            candidates += [sha for sha, globs in reviews if GlobSet(globs).match(spec)]
            known = [order[c] for c in candidates if c in order]
            history.baselines[spec] = history.commits[min(known)] if known else None
        return history


# One pass over a commit's history serves every context of a run: a change set reads it for the
# snapshots before and after the change. Keyed by commit id, so it is never out of date.
_LOGS: dict[tuple[Path, str, int], tuple[list[Commit], dict[str, dict[str, Change]]]] = {}


def _known_walk(
    root: Path, sha: str, max_commits: int, cache: BlobCache | None
) -> tuple[list[Commit], dict[str, dict[str, Change]]] | None:
    """The parsed walk from this run or the cache, when there is one."""
    key = (root, sha, max_commits)
    if sha and key in _LOGS:
        return _LOGS[key]
    if sha and cache is not None:
        # A commit's history never changes: the parsed walk is stored under its id.
        stored = _stored(cache, f"{sha}:{max_commits}")
        if stored is not None:
            _LOGS.clear()
            _LOGS[key] = stored
            return stored
    return None


def _walk(
    root: Path, sha: str, max_commits: int, cache: BlobCache | None, out: bytes
) -> tuple[list[Commit], dict[str, dict[str, Change]]]:
    """Parse `git log --raw -z -M` output, and remember it by commit id."""
    commits: list[Commit] = []
    by_commit: dict[str, dict[str, Change]] = {}
    for chunk in out.split(b"\x01")[1:]:
        sha_field, _, rest = chunk.partition(b"\0")
        subject, _, raw = rest.partition(b"\0")
        commit = Commit(sha_field.decode().strip(), subject.decode("utf-8", "replace").strip(), len(commits))
        commits.append(commit)
        by_commit[commit.sha] = _changes(commit, raw)
    if sha:
        _LOGS.clear()  # one history at a time: enough for a run, bounded for long-lived processes
        _LOGS[(root, sha, max_commits)] = (commits, by_commit)
        if cache is not None and cache.directory is not None:
            cache.put(f"{sha}:{max_commits}", "log", pickle.dumps((commits, by_commit), protocol=pickle.HIGHEST_PROTOCOL))
    return commits, by_commit


def _stored(cache: BlobCache, key: str) -> tuple[list[Commit], dict[str, dict[str, Change]]] | None:
    raw = cache.get(key, "log")
    if raw is None:
        return None
    try:
        commits, by_commit = pickle.loads(raw)
    except Exception:  # noqa: BLE001 - an unreadable entry is a miss, rewritten after the walk
        return None
    if not isinstance(commits, list) or not isinstance(by_commit, dict):
        return None
    return commits, by_commit


def _last_changes(outputs: list[bytes]) -> dict[str, str]:
    """The newest commit that changed each spec, from path-limited `git log --name-only` output."""
    found: dict[str, str] = {}
    for out in outputs:
        for chunk in out.split(b"\x01")[1:]:
            fields = [f.decode("utf-8", "surrogateescape").strip("\n") for f in chunk.split(b"\0")]
            for path in fields[1:]:
                if path:
                    found.setdefault(path, fields[0].strip())
    return found


def _reviews(out: bytes) -> list[tuple[str, tuple[str, ...]]]:
    """Commits whose message has `Spec-Reviewed:` trailers, with the paths or globs they name."""
    reviews = []
    for chunk in out.split(b"\x01")[1:]:
        sha, _, values = chunk.decode("utf-8", "replace").partition("\0")
        globs = tuple(v.strip() for part in values.split("\x1f") for v in part.split(",") if v.strip())
        if globs:
            reviews.append((sha.strip(), globs))
    return reviews


def _changes(commit: Commit, raw: bytes) -> dict[str, Change]:
    fields = raw.decode("utf-8", "surrogateescape").split("\0")
    changes: dict[str, Change] = {}
    i, count = 0, len(fields)
    while i < count:
        meta = fields[i].strip("\n")
        parts = meta[1:].split() if meta.startswith(":") else ()
        if len(parts) < 5:
            i += 1
            continue
        old_blob, new_blob, status = parts[2], parts[3], parts[4][0]
        if status in "RC":
            old, new = fields[i + 1], fields[i + 2]
            i += 3
        else:
            old = new = fields[i + 1]
            i += 2
        if status == "D":
            changes.setdefault(f"\0deleted:{old}", Change(commit, old, None, old_blob, NULL_BLOB))
        else:  # a copy leaves the original in place, like an addition
            changes[new] = Change(commit, None if status in "AC" else old, new, old_blob, new_blob)
    return changes
