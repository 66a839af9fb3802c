"""A spec parsed once per content: its document and the references in it, cached by blob id.

Parsing markdown is the largest cost of a warm run, and specs change far less often than they
are checked, so the whole result is cached under the git dir. The entry is a pickle of our own
dataclasses in the user's own git dir (the same trust as the repository's hooks); anything that
fails to load, or loads as something else, is a miss.
"""

from __future__ import annotations

import hashlib
import pickle
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from speclint.cache import BlobCache, blob_id
from speclint.specs import markdown, references, symbol_refs
from speclint.specs.decode import decode
from speclint.specs.markdown import Document
from speclint.specs.references import Reference
from speclint.specs.symbol_refs import SymbolRef

if TYPE_CHECKING:
    from speclint.specs.roadmap.model import DocPlan


class ParsedSpec(NamedTuple):
    document: Document | None
    references: tuple[Reference, ...]
    symbols: tuple[SymbolRef, ...]
    note: str = ""
    plan: DocPlan | None = None  # phases, tasks and requirements, for the roadmap rules


def parse(path: str, data: bytes, *, blob: str | None, cache: BlobCache) -> ParsedSpec:
    key = blob or blob_id(data)
    result = lookup(path, key, cache)
    if result is None:
        result = compute(path, data)
        store(key, result, cache)
    return result


def lookup(path: str, key: str, cache: BlobCache) -> ParsedSpec | None:
    """The stored parse of this content, or None."""
    raw = cache.get(key, "spec")
    if raw is None:
        return None
    try:
        cached = pickle.loads(raw)
        if isinstance(cached, ParsedSpec) and (cached.document is None or cached.document.path == path):
            return cached
    except Exception:  # noqa: BLE001 - any unreadable entry is simply a miss
        pass
    return None


def compute(path: str, data: bytes) -> ParsedSpec:
    """Parse a spec's bytes (pure: no cache, no git), so it can run in another process."""
    decoded = decode(data)
    if decoded.text is None:
        return ParsedSpec(None, (), (), decoded.note)
    from speclint.specs.roadmap.parse import parse as plan_of

    doc = markdown.parse(path, decoded.text)
    return ParsedSpec(doc, tuple(references.extract(doc)), tuple(symbol_refs.extract(doc)), decoded.note, plan_of(doc))


def prepare() -> None:
    """Load what `compute` loads on first use (before a second process is forked)."""
    from speclint.specs.roadmap import parse as roadmap_parse  # noqa: F401

    markdown.prepare()


def store(key: str, result: ParsedSpec, cache: BlobCache) -> None:
    if cache.directory is not None and cache.writable:  # pickling a document is not free
        cache.put(key, "spec", pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))


@lru_cache(maxsize=1)
def code_salt() -> str:
    """Changes whenever the code that parses specs changes, so stale entries are never used."""
    digest = hashlib.sha1()
    for module in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(module.read_bytes())
    return digest.hexdigest()[:16]
