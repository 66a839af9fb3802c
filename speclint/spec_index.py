"""What every spec names, in one small cached table, so a change set can tell which specs it can
affect without parsing any of them.

Per spec: the base names of the files and documents it names, the symbol names (and their
qualifiers) it names, and the `covers:` globs it declares. Stored as one entry under the git
dir, keyed by the blob ids of all specs: a commit that touches no spec finds it without reading
a spec, and this module imports nothing that parses. The table is stored with `marshal`
(built in, so loading it costs no import), in our own cache under the git dir.
"""

from __future__ import annotations

import hashlib
import marshal
import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from speclint import git
from speclint.cache import BlobCache, open_cache
from speclint.config import SPEC_SUFFIXES, Config
from speclint.globs import GlobSet

FORMAT = 2
_COVERS_COMMENT = re.compile(r"^speclint:\s*covers\s+(?P<globs>.+)$", re.S)


class SpecNames(NamedTuple):
    files: frozenset[str]  # base names of the files and documents it names
    words: frozenset[str]  # symbol names and their qualifiers
    covers: tuple[tuple[str, int], ...]  # declared `covers:` globs and the line declaring each


def select_specs(config: Config, entries: Mapping[str, git.Entry]) -> list[str]:
    """The spec paths among `entries`: markdown matching `specs` and not `exclude`; symlinks and
    submodules are never specs."""
    include = GlobSet(config.specs)
    exclude = GlobSet(config.exclude)
    return sorted(
        path
        for path, entry in entries.items()
        if path.lower().endswith(SPEC_SUFFIXES)
        and not entry.is_submodule
        and not entry.is_symlink
        and include.match(path)
        and not exclude.match(path)
    )


def cached(
    git_dir: Path, specs: list[str], entries: Mapping[str, git.Entry], *, enabled: bool
) -> tuple[dict[str, SpecNames] | None, Callable[[dict[str, SpecNames]], None]]:
    """The stored table for exactly these spec blobs (None on a miss), and how to store one."""
    store = open_cache(git_dir, "spec-index", enabled=enabled, salt=code_salt())
    key = hashlib.sha1("\0".join(f"{p}\0{entries[p].blob}" for p in specs if p in entries).encode()).hexdigest()
    return _decode(store, key), lambda table: store.put(key, "table", _encode(table))


def _decode(store: BlobCache, key: str) -> dict[str, SpecNames] | None:
    raw = store.get(key, "table")
    if raw is None:
        return None
    try:
        data = marshal.loads(raw)
        return {
            path: SpecNames(frozenset(files), frozenset(words), tuple((g, int(line)) for g, line in covers))
            for path, (files, words, covers) in data.items()
        }
    except (ValueError, TypeError, EOFError, AttributeError):  # a corrupt entry is a miss, rewritten after this run
        return None


def _encode(table: dict[str, SpecNames]) -> bytes:
    data = {p: (sorted(n.files), sorted(n.words), [list(c) for c in n.covers]) for p, n in table.items()}
    return marshal.dumps(data)


def covers_comment(body: str) -> list[str]:
    """The globs of a `<!-- speclint: covers a/** b/** -->` comment (its text), else none."""
    match = _COVERS_COMMENT.match(body.strip())
    return [g for g in re.split(r"[\s,]+", match.group("globs")) if g] if match else []


@lru_cache(maxsize=1)
def code_salt() -> str:
    """Changes whenever the code that reads specs changes, so stale tables are never used."""
    digest = hashlib.sha1(str(FORMAT).encode())
    here = Path(__file__).parent
    for module in sorted([*(here / "specs").rglob("*.py"), here / "spec_index.py"]):
        digest.update(module.read_bytes())
    return digest.hexdigest()[:16]
