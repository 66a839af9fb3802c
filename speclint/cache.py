"""A content-addressed cache under the git dir, for work derived from one blob.

Keyed by content (the git blob id) and by what produced the entry (a namespace and a salt that
changes with the code that derives it), never by mtime, so it is right across branches,
worktrees and checkouts. Entries are written atomically (temp file + rename), so parallel runs
and a run killed mid-write leave only whole entries; an entry that cannot be read or decoded is
a miss and is rewritten. A cache that cannot be written (read-only, disk full) only makes runs
slower: the first failure turns writing off and is reported once.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

FORMAT = 1


def blob_id(data: bytes) -> str:
    """git's object id for a blob with this content, so work-tree files share index entries."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


@dataclass
class BlobCache:
    directory: Path | None  # None: caching off
    salt: str = ""
    writable: bool = True
    failures: list[str] = field(default_factory=list)

    def _path(self, blob: str, kind: str) -> Path | None:
        if self.directory is None:
            return None
        key = hashlib.sha1(f"{FORMAT}\0{kind}\0{self.salt}\0{blob}".encode()).hexdigest()
        return self.directory / key[:2] / key[2:]

    def get(self, blob: str, kind: str) -> bytes | None:
        path = self._path(blob, kind)
        if path is None:
            return None
        try:
            return path.read_bytes()
        except OSError:
            return None

    def put(self, blob: str, kind: str, payload: bytes) -> None:
        path = self._path(blob, kind)
        if path is None or not self.writable:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            import tempfile  # only a writer needs it

            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(payload)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            self.writable = False
            self.failures.append(f"cache not written ({exc.strerror or exc}); results are the same, only slower")


def open_cache(git_dir: Path, name: str, *, enabled: bool, salt: str) -> BlobCache:
    if not enabled:
        return BlobCache(None)
    return BlobCache(git_dir / "speclint" / f"cache-v{FORMAT}" / name, salt=salt)
