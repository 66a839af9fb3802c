"""Which specs cover a changed code file, and whether the change is one they should follow.

Coverage is inferred, never hand-kept: a spec covers the files and symbols it references, the
globs in its `covers:` front matter or `<!-- speclint: covers … -->` comments, the code that a
`[[tool.speclint.map]]` entry maps to it, and code whose comments point at it (`# spec: …`).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from speclint import git
from speclint.globs import GlobSet
from speclint.resolve import FOUND
from speclint.specs.references import FILE
from speclint.symbols import languages
from speclint.symbols.extract import CONTAINER_KINDS

if TYPE_CHECKING:
    from speclint.cache import BlobCache
    from speclint.specs.markdown import Block
    from speclint.context import CheckContext
    from speclint.symbols.extract import Symbol

# Source files without a grammar here: changes to them count at file level only.
OTHER_CODE_SUFFIXES = (
    ".sh", ".bash", ".zsh", ".ps1", ".swift", ".scala", ".lua", ".dart", ".ex", ".exs", ".erl",
    ".hs", ".ml", ".clj", ".cljs", ".m", ".mm", ".r", ".jl", ".pl", ".pm", ".vue", ".svelte",
    ".zig", ".nim", ".groovy", ".fs", ".sql", ".proto", ".graphql",
)

DEFAULT_TEST_FILES = (
    "test/**", "tests/**", "**/test/**", "**/tests/**", "**/__tests__/**", "**/__mocks__/**",
    "**/testdata/**", "**/fixtures/**", "**/test_*.py", "**/*_test.py", "**/conftest.py",
    "**/*_test.go", "**/*.test.js", "**/*.test.jsx", "**/*.test.ts", "**/*.test.tsx",
    "**/*.spec.js", "**/*.spec.jsx", "**/*.spec.ts", "**/*.spec.tsx", "**/*.test.mjs",
    "**/*Test.java", "**/*Tests.java", "**/*IT.java", "**/src/test/**", "**/*Test.kt",
    "**/*Tests.kt", "**/*Tests.cs", "**/*Test.cs", "**/*_test.rb", "**/*_spec.rb",
    "**/*Test.php", "**/*_test.rs", "**/*_test.cc", "**/*_test.cpp", "**/*_unittest.cc",
)


LEVELS = ("symbol", "signature", "file")


class SymbolChange(NamedTuple):
    qualified: str
    name: str
    # "signature", "body", "removed", "added"; for a class or other container, "members" when a
    # member was added, removed or re-signed, "contents" when only members' bodies changed.
    how: str


@dataclass
class CodeChange:
    """A changed code file: what changed in it that a spec could care about."""

    change: git.FileChange
    significant: bool  # not only comments, whitespace or docstrings
    symbols: list[SymbolChange] = field(default_factory=list)
    added: list[Symbol] = field(default_factory=list)  # new definitions, for SD302
    defined: set[str] = field(default_factory=set)  # every name defined before or after

    @property
    def path(self) -> str:
        return self.change.path


class Cover(NamedTuple):
    spec: str
    line: int
    why: str  # "names `src/a.py`", "names `verify`", "covers: src/**", "map", "code comment"
    symbol: str = ""  # the changed symbol it names, for symbol-level coverage


def is_code(path: str) -> bool:
    return languages.for_path(path) is not None or path.lower().endswith(OTHER_CODE_SUFFIXES)


def code_changes(ctx: CheckContext, files: Iterable[git.FileChange], tests: GlobSet) -> list[CodeChange]:
    """The changed code files that are not tests, each with its changed symbols."""
    found = []
    reader = git.BlobReader(ctx.repo.root)
    try:
        for change in files:
            path = change.path
            if not is_code(path) or tests.match(path) or (change.old_path and tests.match(change.old_path)):
                continue
            found.append(_describe(ctx, change, reader))
    finally:
        reader.close()
    return found


def _describe(ctx: CheckContext, change: git.FileChange, reader: git.BlobReader) -> CodeChange:
    old = reader.read_optional(change.old_blob) if change.old_blob else None
    new = reader.read_optional(change.new_blob) if change.new_blob else None
    language = languages.for_path(change.path)
    if language is None or old is None or new is None:
        if old is not None and new is not None:
            significant = old.split() != new.split()  # whitespace-only edits never count
        else:
            significant = True  # added or deleted
        result = CodeChange(change, significant)
    else:
        store = ctx.symbol_index.cache.store
        significant = _digest(store, language, old) != _digest(store, language, new)
        result = CodeChange(change, significant)
    if language is not None:
        index = ctx.symbol_index
        before = index.symbols_of_content(old, language) if old is not None else []
        after = index.symbols_of_content(new, language) if new is not None else []
        result.symbols, result.added = _symbol_changes(before, after)
        result.defined = {s.name for s in (*before, *after)}
    return result


def _digest(store: BlobCache, language: languages.Language, data: bytes) -> str:
    """The file's digest without comments, whitespace and docstrings; cached by content."""
    from speclint.cache import blob_id

    blob, kind = blob_id(data), f"digest-{language.name}"
    stored = store.get(blob, kind)
    if stored is not None:
        return stored.decode("ascii", "replace")
    from speclint.symbols.extract import significant_digest

    digest = significant_digest(language, data)
    store.put(blob, kind, digest.encode("ascii"))
    return digest


def _symbol_changes(before: list[Symbol], after: list[Symbol]) -> tuple[list[SymbolChange], list[Symbol]]:
    old = {s.qualified: s for s in before}
    new = {s.qualified: s for s in after}
    changes = []
    for qualified, symbol in old.items():
        now = new.get(qualified)
        if now is None:
            changes.append(SymbolChange(qualified, symbol.name, "removed"))
        elif now.signature_hash != symbol.signature_hash:
            changes.append(SymbolChange(qualified, symbol.name, "signature"))
        elif now.body_hash != symbol.body_hash:
            changes.append(SymbolChange(qualified, symbol.name, "body"))
    added = [s for q, s in new.items() if q not in old]
    changes.extend(SymbolChange(s.qualified, s.name, "added") for s in added)
    # A container's body holds its members: what a spec says about a class is its members and
    # their signatures, which a member's own body changing does not touch.
    shape = {c.qualified for c in changes if c.how != "body"}
    containers = {q for q, symbol in old.items() if symbol.kind in CONTAINER_KINDS}
    changes = [
        SymbolChange(c.qualified, c.name, _container_change(c.qualified, shape)) if c.how == "body" and c.qualified in containers else c
        for c in changes
    ]
    return changes, added


def _container_change(qualified: str, shape: set[str]) -> str:
    prefix = qualified + "."
    return "members" if any(q.startswith(prefix) for q in shape) else "contents"


def covering_specs(
    head: CheckContext, base: CheckContext | None, change: CodeChange, level: str, *, whole: bool = False
) -> list[Cover]:
    """Every spec that covers this change at `level`, with the reason; `whole`: every spec that
    covers the file at all, whatever changed in it."""
    covers: list[Cover] = []
    old_path, new_path = change.change.old_path, change.change.new_path
    whole_file = level == "file" or change.significant
    symbol_kinds = {"signature", "removed", "members"}
    if level != "signature":
        symbol_kinds |= {"body"}
    if level == "file":
        symbol_kinds |= {"added", "contents"}
    changed = {s.qualified: s for s in change.symbols if s.how in symbol_kinds}
    # The base snapshot knows what a deletion, a rename or a removed symbol was covered by;
    # anything else the snapshot after the change still shows.
    moved = old_path != new_path or any(s.how == "removed" for s in changed.values())
    for ctx, path in ((head, new_path), (base if moved else None, old_path)):
        if ctx is None or path is None:
            continue
        # A checkbox task naming a file or symbol records work done or planned on it; what
        # describes code is the rest of the spec (design, plan, requirements, contracts).
        if level != "signature" and whole_file:
            for ref, res in ctx.resolutions.items():
                if ref.kind == FILE and res.status == FOUND and path in (res.path, *res.candidates) and not ref.in_task:
                    covers.append(Cover(ref.spec, ref.position.line, f"names `{path}`"))
        for ref, res in ctx.symbol_resolutions.items():
            if _in_task(ctx, ref.spec, ref.block):
                continue
            for definition in res.definitions:
                symbol = changed.get(definition.symbol.qualified)
                if definition.path == path and symbol is not None:
                    covers.append(Cover(ref.spec, ref.position.line, f"names `{ref.text}`", symbol.qualified))
                elif definition.path == path and whole:
                    covers.append(Cover(ref.spec, ref.position.line, f"names `{ref.text}`"))
    if level != "signature" and whole_file:
        covers.extend(_declared(head, change.path))
    return covers


def _in_task(ctx: CheckContext, spec: str, block_id: int) -> bool:
    memo: dict[str, frozenset[int]] = ctx.__dict__.setdefault("_task_blocks", {})
    if spec not in memo:
        memo[spec] = _task_blocks(ctx, spec)
    return block_id in memo[spec]


def _task_blocks(ctx: CheckContext, spec: str) -> frozenset[int]:
    """The blocks of a spec that are checkbox tasks or nested under one."""
    document = ctx.specs[spec].document if spec in ctx.specs else None
    if document is None:
        return frozenset()
    blocks = {b.id: b for b in document.blocks}
    found = set()
    for block in document.blocks:
        current: Block | None = block
        while current is not None:
            if current.is_task:
                found.add(block.id)
                break
            current = blocks.get(current.parent) if current.parent is not None else None
    return frozenset(found)


def _declared(ctx: CheckContext, path: str) -> list[Cover]:
    """Coverage that specs, the config and code comments declare outright."""
    covers = []
    for spec in ctx.spec_paths:
        for glob, line in ctx.spec_names[spec].covers:
            if GlobSet([glob]).match(path):
                covers.append(Cover(spec, line, f"covers `{glob}`"))
    for entry in ctx.config.maps:
        if GlobSet(entry.code).match(path):
            specs = GlobSet(entry.specs)
            covers.extend(Cover(s, 1, "mapped in the configuration") for s in ctx.spec_paths if specs.match(s))
    covers.extend(_comment_links(ctx, path))
    return covers


def _comment_links(ctx: CheckContext, path: str) -> list[Cover]:
    from speclint.specs.roadmap.code_links import parse_line

    if path not in ctx.snapshot:
        return []
    text = ctx.snapshot.read(path)
    if b"spec" not in text:
        return []
    covers = []
    specs = set(ctx.spec_paths)
    for number, line in enumerate(text.decode("utf-8", "replace").splitlines(), 1):
        if "spec" not in line:
            continue
        for link in parse_line(path, number, line):
            if not link.target:
                continue
            here = posixpath.dirname(path)
            for candidate in (posixpath.normpath(posixpath.join(here, link.target)), posixpath.normpath(link.target.lstrip("/"))):
                if candidate in specs:
                    covers.append(Cover(candidate, 1, f"named in a comment at {path}:{number}"))
                    break
    return covers


def mentioned_names(ctx: CheckContext) -> set[str]:
    """Every symbol name any spec mentions (in code spans), for SD302."""
    names: set[str] = set()
    for spec in ctx.spec_paths:
        parsed = ctx._parsed(spec)
        if parsed is None:
            continue
        for ref in parsed.symbols:
            names.add(ref.name)
            names.update(ref.qualifiers)
    return names
