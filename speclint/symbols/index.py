"""The symbol index: which definitions the code has, for the names the specs mention.

Cold runs scale with what the specs reference, not with the repository: one `git grep -w -F`
over every referenced name shortlists the files that mention any of them, and only those are
parsed (through the blob-id cache). A name that no tracked file mentions needs no parsing at all.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from typing import NamedTuple

from speclint import git
from speclint.snapshot import Snapshot, Source
from speclint.symbols import languages
from speclint.cache import blob_id
from speclint.symbols.cache import SymbolCache
from speclint.symbols.extract import EXTRACTOR_VERSION, Symbol, extract

MAX_SOURCE_BYTES = 2 * 1024 * 1024
MAX_SCAN_BYTES = 8 * 1024 * 1024
CLOSED_TYPES = frozenset({"class", "struct", "interface", "enum", "trait", "record", "object"})
_IDENTIFIER = re.compile(rb"[A-Za-z_$][\w$]*")
# Prose and data formats are not code: a name found only there is not "in the code".
NOT_CODE = ("**/*.md", "**/*.mdx", "**/*.markdown", "**/*.rst", "**/*.txt", "**/*.adoc")
# A file whose symbol table is wanted: its path, language, and its bytes and blob id (the cache
# key) when already read (None: a work-tree file, read by whichever process loads it).
ExtractItem = tuple[str, languages.Language, bytes | None, str | None]
Loaded = tuple[str, list[Symbol], bool] | None


class Definition(NamedTuple):
    path: str
    symbol: Symbol


@dataclass
class SymbolIndex:
    snapshot: Snapshot
    cache: SymbolCache
    excluded: Callable[[str], bool] = lambda path: False  # config `exclude`: not code either
    notices: list[str] = field(default_factory=list)
    _mentions: dict[str, set[str]] = field(default_factory=dict)
    _searched: set[str] = field(default_factory=set)
    _symbols: dict[str, list[Symbol]] = field(default_factory=dict)
    _reader: git.BlobReader | None = None
    _by_blob: dict[str, list[Symbol]] = field(default_factory=dict)
    _blob_of: dict[str, str] = field(default_factory=dict)  # path → blob id of the content indexed
    _started: tuple[set[str], git.GrepFiles] | None = None  # `start_search`'s names and grep
    _names: dict[str, dict[str, list[Symbol]]] = field(default_factory=dict)  # path → name → symbols
    _definitions: dict[str, list[Definition]] = field(default_factory=dict)

    def start_search(self, names: Iterable[str]) -> None:
        """Start the `git grep` that `search` will want for these names (work tree only), so it
        runs while the names tied to files are resolved."""
        wanted = {n for n in names if n and n not in self._searched}
        if wanted and self.snapshot.source is Source.WORKTREE and self._started is None:
            self._started = (wanted, git.GrepFiles(self.snapshot.root, wanted, exclude=NOT_CODE))

    def search(self, names: Iterable[str]) -> None:
        """Find, in one `git grep`, the code files that mention each of `names`."""
        wanted = {n for n in names if n and n not in self._searched}
        if self._started is not None:
            started, grep = self._started
            self._started = None
            self._scan(grep.files(), started)
            wanted -= started
        if not wanted:
            return
        source = self.snapshot.source
        candidates = git.grep_files(
            self.snapshot.root,
            wanted,
            cached=source is Source.INDEX,
            commit=self.snapshot.commit if source is Source.COMMIT else None,
            exclude=NOT_CODE,
        )
        self._scan(candidates, wanted)

    def _scan(self, candidates: set[str], wanted: set[str]) -> None:
        """Which of `wanted` each candidate file holds as a whole word."""
        encoded = {w.encode("utf-8", "surrogateescape"): w for w in wanted}
        for path in sorted(candidates):
            if path not in self.snapshot.entries or self.excluded(path):
                continue
            data = self.snapshot.read(path)
            if len(data) > MAX_SCAN_BYTES:
                continue
            for token in set(_IDENTIFIER.findall(data)) & encoded.keys():
                self._mentions.setdefault(encoded[token], set()).add(path)
        self._searched |= wanted

    def mentions(self, name: str) -> set[str]:
        """Tracked code files in which `name` occurs as a whole word."""
        self.search([name])
        return self._mentions.get(name, set())

    def symbols_in(self, path: str) -> list[Symbol] | None:
        """Definitions in a tracked file, or None when its language has no grammar here."""
        known = self._symbols.get(path)
        if known is not None:  # asked once per reference: the common case first
            return known
        language = languages.for_path(path)
        if language is None or path not in self.snapshot.entries:
            return None
        if path not in self._symbols:
            self._symbols[path] = self._parse(path, language)
        return self._symbols[path]

    def named_in(self, path: str, name: str) -> list[Symbol]:
        """The definitions named `name` in a tracked file (none without a grammar)."""
        by_name = self._names.get(path)
        if by_name is None:
            by_name = self._names[path] = {}
            for symbol in self.symbols_in(path) or ():
                by_name.setdefault(symbol.name, []).append(symbol)
        return by_name.get(name, [])

    def prefetch(self, paths: Iterable[str]) -> None:
        """Read the symbol tables of these files; those not in memory are read (from the cache,
        else extracted) in two processes."""
        from speclint import parallel

        todo = self.unread(paths)
        self.prepare(todo)
        self.accept(todo, parallel.map_split(self.load, todo))

    def unread(self, paths: Iterable[str]) -> list[ExtractItem]:
        """The files among `paths` whose symbol tables are not in memory, as inputs for `load`.

        Work-tree files are left for `load` to read (in either process of a split); index and
        commit contents come through a git pipe only this process may use, so they are read now.
        """
        todo: list[ExtractItem] = []
        for path in sorted(set(paths)):
            language = languages.for_path(path)
            if language is None or path in self._symbols or path not in self.snapshot.entries:
                continue
            entry = self.snapshot.entries[path]
            if self.snapshot.source is Source.WORKTREE and not entry.is_symlink:
                todo.append((path, language, None, None))
                continue
            # The blob id is known without reading: a cached table costs one small file read.
            known = self._by_blob.get(entry.blob) or self.cache.get(entry.blob, language.name)
            if known is not None:
                self._by_blob[entry.blob] = self._symbols[path] = known
                self._blob_of[path] = entry.blob
                continue
            todo.append((path, language, self.snapshot.read(path), entry.blob))
        return todo

    @staticmethod
    def prepare(todo: Iterable[ExtractItem]) -> None:
        """Compile the queries these items need, once, before a second process is forked."""
        for language in {item[1] for item in todo}:
            language.query()

    def load(self, item: ExtractItem) -> Loaded:
        """One file's symbol table: (blob id, symbols, whether they were extracted just now).

        Pure but for reading the work tree and the cache, so it runs in either process of a
        split. None for a file too large to index (`_parse` says so when it is asked for).
        """
        path, language, data, blob = item
        if data is None:
            data = self.snapshot.read(path)  # a work-tree file: no git pipe involved
        if len(data) > MAX_SOURCE_BYTES:
            return None
        blob = blob or blob_id(data)
        known = self._by_blob.get(blob) or self.cache.get(blob, language.name)
        if known is not None:
            return blob, known, False
        return blob, extract(language, data), True

    def accept(self, todo: Iterable[ExtractItem], results: Iterable[Loaded]) -> None:
        """Take what `load` made of `todo`, in the same order."""
        for (path, language, _, _), loaded in zip(todo, results):
            if loaded is None:
                continue
            blob, symbols, fresh = loaded
            if fresh:
                self.cache.put(blob, language.name, symbols)
            self._by_blob[blob] = self._symbols[path] = symbols
            self._blob_of[path] = blob

    def _parse(self, path: str, language: languages.Language) -> list[Symbol]:
        data = self.snapshot.read(path)
        if len(data) > MAX_SOURCE_BYTES:
            self.notices.append(f"{path}: larger than {MAX_SOURCE_BYTES >> 20} MiB; its symbols are not indexed")
            return []
        entry = self.snapshot.entries[path]
        blob = entry.blob if self.snapshot.source is not Source.WORKTREE else blob_id(data)
        symbols = self._by_blob.get(blob) or self.cache.get(blob, language.name)
        if symbols is None:
            symbols = extract(language, data)
            self.cache.put(blob, language.name, symbols)
        self._by_blob[blob] = symbols  # history often asks for this same content again
        self._blob_of[path] = blob
        return symbols

    def blob_of(self, path: str) -> str | None:
        """The blob id of the content whose symbols `symbols_in(path)` gave, if it was read."""
        return self._blob_of.get(path)

    def symbols_of_blob(self, blob: str, path: str) -> list[Symbol] | None:
        """Definitions in any version of a file, by blob id (history reads old versions)."""
        language = languages.for_path(path)
        if language is None:
            return None
        cached = self._by_blob.get(blob) or self.cache.get(blob, language.name)
        if cached is not None:
            self._by_blob[blob] = cached
            return cached
        if self._reader is None:
            self._reader = git.BlobReader(self.snapshot.root)
        data = self._reader.read_optional(blob)
        if data is None or len(data) > MAX_SOURCE_BYTES:
            return None
        symbols = extract(language, data)
        self.cache.put(blob, language.name, symbols)
        self._by_blob[blob] = symbols
        return symbols

    def symbols_of_content(self, data: bytes, language: languages.Language) -> list[Symbol]:
        """Definitions in some content of a file, through the caches (history reads it often)."""
        blob = blob_id(data)
        symbols = self._by_blob.get(blob) or self.cache.get(blob, language.name)
        if symbols is None:
            symbols = extract(language, data) if len(data) <= MAX_SOURCE_BYTES else []
            self.cache.put(blob, language.name, symbols)
        self._by_blob[blob] = symbols
        return symbols

    def close(self) -> None:
        if self._started is not None:
            self._started[1].close()
            self._started = None
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    def definitions(self, name: str) -> list[Definition]:
        """Every definition named `name` in the files that mention it."""
        if name in self._definitions:
            return self._definitions[name]
        found = []
        for path in sorted(self.mentions(name)):
            for symbol in self.symbols_in(path) or ():
                if symbol.name == name:
                    found.append(Definition(path, symbol))
        self._definitions[name] = found
        return found

    def defines_type(self, name: str) -> bool:
        """Is `name` a class, struct, interface, enum or trait defined here: a closed set of members?

        Namespaces and modules are open (code anywhere, even another library's, adds to
        `folly::` or `detail::`), so a member missing from one proves nothing.
        """
        return any(d.symbol.kind in CLOSED_TYPES for d in self.definitions(name))


def cache_salt() -> str:
    """What produced a cache entry: the extractor and every query, so edits invalidate entries."""
    digest = hashlib.sha1(str(EXTRACTOR_VERSION).encode())
    digest.update(resources.files("speclint.symbols").joinpath("extract.py").read_bytes())
    for language in languages.LANGUAGES:
        text = resources.files("speclint.symbols.queries").joinpath(language.query_file).read_bytes()
        digest.update(language.name.encode() + b"\0" + text)
    return digest.hexdigest()[:16]


