"""A cache of extracted symbols keyed by git blob id, under the git dir.

Keyed by content (the blob id) and by what produced the entry (format version, language, the
query text), never by mtime, so it is right across branches, worktrees and checkouts. Entries
are written atomically (temp file + rename), so parallel runs and a run killed mid-write leave
only whole entries; a corrupt, truncated or foreign entry is a miss and is rewritten. A cache
that cannot be written (read-only, disk full) only makes runs slower.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from speclint.symbols.extract import Param, Symbol

FORMAT = 1


def blob_id(data: bytes) -> str:
    """git's object id for a blob with this content, so work-tree files share index entries."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


@dataclass
class SymbolCache:
    directory: Path | None  # None: caching off
    salt: str = ""
    writable: bool = True
    failures: list[str] = field(default_factory=list)

    def _path(self, blob: str, language: str) -> Path | None:
        if self.directory is None:
            return None
        key = hashlib.sha1(f"{FORMAT}\0{language}\0{self.salt}\0{blob}".encode()).hexdigest()
        return self.directory / key[:2] / f"{key[2:]}.json"

    def get(self, blob: str, language: str) -> list[Symbol] | None:
        path = self._path(blob, language)
        if path is None:
            return None
        try:
            data = json.loads(path.read_bytes())
            if data.get("format") != FORMAT or data.get("blob") != blob:
                return None
            return [_decode(row) for row in data["symbols"]]
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None

    def put(self, blob: str, language: str, symbols: list[Symbol]) -> None:
        path = self._path(blob, language)
        if path is None or not self.writable:
            return
        payload = json.dumps(
            {"format": FORMAT, "blob": blob, "symbols": [_encode(s) for s in symbols]},
            separators=(",", ":"),
        )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    handle.write(payload)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            # Read-only or full: keep going without a cache, and say so once.
            self.writable = False
            self.failures.append(f"symbol cache not written ({exc.strerror or exc}); runs stay correct but slower")


def _encode(s: Symbol) -> list[object]:
    params = None if s.params is None else [[p.name, int(p.optional), int(p.variadic)] for p in s.params]
    return [s.name, s.qualified, s.kind, params, s.line, s.end_line, s.signature, s.signature_hash, s.body_hash]


def _decode(row: list[object]) -> Symbol:
    name, qualified, kind, params, line, end_line, signature, sig_hash, body_hash = row
    decoded = None if params is None else tuple(Param(p[0], bool(p[1]), bool(p[2])) for p in params)  # type: ignore[index, union-attr]
    return Symbol(
        str(name), str(qualified), str(kind), decoded, int(line), int(end_line),  # type: ignore[arg-type]
        str(signature), str(sig_hash), str(body_hash),
    )


def open_cache(git_dir: Path, *, enabled: bool, salt: str) -> SymbolCache:
    if not enabled:
        return SymbolCache(None)
    return SymbolCache(git_dir / "speclint" / f"cache-v{FORMAT}" / "symbols", salt=salt)
