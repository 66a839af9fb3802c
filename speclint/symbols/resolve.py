"""Decide what each symbol a spec names is: found, misplaced, missing, or not ours to judge.

Precision first. A name is only "missing" when speclint is confident it is this repository's
code: git history shows it was defined here, or its qualifier is a class or module of this
repository, or a done task ties it to a source file. A name that the code mentions without
defining (an import, a parameter, a field, an inherited method) is never missing, and neither is
a qualified name whose first part is not this repository's (`os.path.join`, `JSON.parse`).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection
from typing import NamedTuple

from speclint import git
from speclint.resolve import FOUND as FILE_FOUND
from speclint.resolve import Resolver
from speclint.snapshot import Snapshot, Source
from speclint.specs.paths import parse_path
from speclint.specs.markdown import Block, Document, Position
from speclint.specs.references import FILE, Reference
from speclint.specs.symbol_refs import SymbolRef
from speclint.symbols import languages
from speclint.symbols.extract import EMPTY_BODY, Symbol
from speclint.symbols.index import _IDENTIFIER, NOT_CODE, Definition, SymbolIndex

FOUND = "found"
MISPLACED = "misplaced"
MISSING = "missing"
EXTERNAL = "external"
UNKNOWN = "unknown"
PLANNED = "planned"
NEVER_DEFINED = "not defined in this repository now (external, or not built yet)"
MENTIONED_ONLY = "mentioned in the code but not defined there (imported, inherited or a field)"
MODULE_NAME = "a module or file of this repository"


class Fix(NamedTuple):
    """The likeliest fix for a missing symbol: a rename git knows, or a close match."""

    text: str
    related: tuple[tuple[str, int, str], ...] = ()
    from_history: bool = False  # git saw the definition go: proof the name was this repo's
    commit: str = ""  # the commit that removed or renamed it ("" for an uncommitted change)


class SymbolResolution(NamedTuple):
    status: str
    why: str
    definitions: tuple[Definition, ...] = ()
    tied: tuple[str, ...] = ()
    fix: Fix | None = None


Placed = tuple[str, Position]  # a resolved source path and where the spec names it


def source_paths_by_block(file_refs: list[tuple[Reference, str]]) -> dict[int, list[Placed]]:
    """The resolved source files each block of one spec names, with their positions."""
    found: dict[int, list[Placed]] = {}
    for ref, path in file_refs:
        if languages.for_path(path):
            found.setdefault(ref.block, []).append((path, ref.position))
    return found


class Tie(NamedTuple):
    """The source files a spec ties a symbol to, and whether the tie is firm enough to report on.

    Firm: `path::name`, or a path in the same sentence (and table cell) as the symbol:
    "Implement `verify(code)` in `src/auth/mfa.py`". Paths elsewhere in its item, row or
    paragraph, or in an enclosing item, only help find the definition: long rows and
    sub-bullets often describe other files ("`src/config.py` Settings: … `send_message()`").
    """

    paths: tuple[str, ...] = ()
    firm: bool = False
    # The text says the symbol lives in the file: a task's file, `path::name`, or prose that
    # places it there ("`X` in `path`", "`path`: `X`"). Only then is a definition elsewhere
    # misplaced; prose names files for other reasons ("calls `f()` but the route in `path` …").
    placed: bool = False


def tied_files(
    ref: SymbolRef, by_block: dict[int, list[Placed]], blocks: dict[int, Block], resolver: Resolver, doc: Document
) -> Tie:
    if ref.file_hint:
        candidate = parse_path(ref.file_hint)
        if candidate is not None:
            probe = Reference(FILE, ref.spec, ref.file_hint, ref.position, ref.block, "code", candidate)
            res = resolver.resolve(probe)
            if res.status == FILE_FOUND and languages.for_path(res.path):
                return Tie((res.path,), True, True)
    if ref.block in by_block:
        placed = by_block[ref.block]
        in_sentence = [(path, pos) for path, pos in placed if _same_sentence(doc, ref.position, pos)]
        if in_sentence:
            near = tuple(sorted({path for path, _ in in_sentence}))
            located = any(
                (ref.done and not _after_aside(doc, ref.position, pos)) or _placed_in(doc, ref.position, pos)
                for _, pos in in_sentence
            )
            return Tie(near, True, located)
        return Tie(tuple(sorted({path for path, _ in placed})), False)
    around = files_around(ref.block, by_block, blocks)
    return Tie(tuple(sorted({path for path, _ in around})), False) if around else Tie()


def files_around(block: int, by_block: dict[int, list[Placed]], blocks: dict[int, Block]) -> list[Placed]:
    """The source files named in a block, or else in the nearest enclosing block that names any."""
    current: int | None = block
    while current is not None:
        if current in by_block:
            return by_block[current]
        current = blocks[current].parent
    return []


_BREAK = ("|", ". ", "; ", "! ", "? ", "。", "；", "！", "？", "\\n")


_BREAK_PATTERN = re.compile("|".join(re.escape(mark) for mark in _BREAK))


def _same_sentence(doc: Document, a: Position, b: Position) -> bool:
    if a.line != b.line:
        return False
    first, second = (a, b) if a.column <= b.column else (b, a)
    between = doc.line(a.line)[first.end_column - 1 : second.column - 1]
    return _BREAK_PATTERN.search(between) is None


_CODE_SPAN = re.compile(r"`[^`]*`")
# The words between a symbol and a path, one token each, joined by single spaces: the patterns
# below then match token by token, so no input can make them backtrack (each token is one
# alternative, never split). `*`, `(` and `)` are markup and dropped; `C` is a code span.
_TOKEN = re.compile(r"\0|::|[a-z]+|[^\sa-z\0*()]")
# Symbol, then path: "in", "from", "is defined in", "(in the file", after a list of other symbols.
_SYMBOL_THEN_PATH = re.compile(
    r"^(?:(?:C|,|and|or|&|/) )*(?:(?:is|are) )?"
    r"(?:(?:defined|declared|implemented|exported|located|live|lives|kept|added|created) )?"
    r"(?:(?:in|from|at|inside|within|under) )?(?:(?:the )?(?:file|module) )?$"
)
# Path, then symbols: nothing, ":", a dash, or "defines", "exports", …, then a list of symbols.
_PATH_THEN_SYMBOL = re.compile(
    r"^(?:(?::|-|–|—|::|defines|declares|exports|exposes|contains|provides|implements|has|with) )?"
    r"(?:(?:C|,|and|or) )*$"
)


# An aside right after the path, then a list goes on: "`migrate.py` (versioned DDL), `init_db()`
# …", "`conftest.py`（fixtures）、`validate_sql`": the aside said what the file holds, and the
# names after it are the task's other items, not the file's contents. (An aside after a name,
# "`a.py`: `load()` (reads config), `save()`", is about that name: `save` is still a.py's.)
_ASIDE_THEN_ITEM = re.compile(r"\s*[(（][^()（）]*[)）]\s*[,，、]")


def _after_aside(doc: Document, symbol: Position, path: Position) -> bool:
    """Does the symbol follow its task's path only after an aside about that path?"""
    if path.column > symbol.column:
        return False
    between = doc.line(symbol.line)[path.end_column - 1 : symbol.column - 1]
    return _ASIDE_THEN_ITEM.match(between) is not None


def _placed_in(doc: Document, symbol: Position, path: Position) -> bool:
    """Does the text between a symbol and a path on its line say the symbol is in that file?"""
    line = doc.line(symbol.line)
    first, second = sorted((symbol, path), key=lambda p: p.column)
    between = _CODE_SPAN.sub("\0", line[first.end_column - 1 : second.column - 1]).lower()
    words = "".join(("C" if token == "\0" else token) + " " for token in _TOKEN.findall(between))
    pattern = _SYMBOL_THEN_PATH if first is symbol else _PATH_THEN_SYMBOL
    return pattern.match(words) is not None


def resolve_locally(ref: SymbolRef, tie: Tie, index: SymbolIndex) -> SymbolResolution | None:
    """The cheap answer, when there is one: planned, or defined in the file the spec names.

    Most references in a healthy spec end here, so a warm run reads a few cached symbol tables
    and never searches the whole repository.
    """
    if ref.planned:
        return SymbolResolution(PLANNED, "named by an open task or a feature not started")
    local = [Definition(path, symbol) for path in tie.paths for symbol in index.named_in(path, ref.name)]
    local = [d for d in local if _qualifies(d, ref)]
    if local:
        return SymbolResolution(FOUND, "defined in the file the spec names", tuple(local), tie.paths)
    return None


def resolve(ref: SymbolRef, tie: Tie, index: SymbolIndex, module_names: frozenset[str]) -> SymbolResolution:
    """The full answer, searching the repository (after `index.search` of the names)."""
    local = resolve_locally(ref, tie, index)
    tied = tie.paths
    if local is not None:
        return local
    defs = [d for d in index.definitions(ref.name) if _qualifies(d, ref)]
    if ref.qualifiers and not defs and not _ours(ref.qualifiers[0], index, module_names):
        return SymbolResolution(EXTERNAL, f"`{ref.qualifiers[0]}` is not a module, file or type of this repository")
    # A module or file named like the symbol answers a bare mention; a call form (`name(…)`) names
    # a function, and `lib/db/withUserContext.ts` does not define `withUserContext` once the function
    # in it was renamed.
    if not ref.qualifiers and not defs and ref.name in module_names and ref.args is None:
        return SymbolResolution(FOUND, MODULE_NAME)
    if defs:
        spread = len({d.path for d in defs})
        if (
            tie.placed
            and spread <= 3  # a name defined all over (`executor_type`) is no one file's
            # A field name (`authorId`) is data: a column or key any file may filter on, so
            # "defined in another file" says nothing about the file the spec names.
            and any(d.symbol.kind != "field" for d in defs)
            and not any(d.path in tied for d in defs)
            and not (index.mentions(ref.name) & set(tied))
        ):
            return SymbolResolution(MISPLACED, "defined, but not in the file the spec ties it to", tuple(defs), tied)
        return SymbolResolution(FOUND, "defined in this repository", tuple(defs), tied)
    if index.mentions(ref.name):
        return SymbolResolution(UNKNOWN, MENTIONED_ONLY, tied=tied)
    if ref.qualifiers and index.defines_type(ref.qualifiers[-1]):
        return SymbolResolution(MISSING, f"`{ref.qualifiers[-1]}` is defined here without this member", tied=tied)
    # A file inside a submodule resolves (its folder is tracked) but its code is not read here:
    # what it defines is unknown, not missing.
    readable = all(path in index.snapshot.entries for path in tied)
    if tie.firm and ref.args is not None and ref.done and readable:
        # A call form in the item that names the file: the spec says this function lives there.
        return SymbolResolution(MISSING, "a call form tied by the spec to a source file, and defined nowhere", tied=tied)
    return SymbolResolution(UNKNOWN, NEVER_DEFINED, tied=tied)


def _qualifies(definition: Definition, ref: SymbolRef) -> bool:
    """Does a definition answer the spec's qualifiers: `Class.name`, `module.name`, `pkg.mod.name`?"""
    if not ref.qualifiers:
        return True
    container = definition.symbol.container
    last = ref.qualifiers[-1]
    if container:
        return container.split(".")[-1] == last or container == ".".join(ref.qualifiers)
    stem = posixpath.splitext(posixpath.basename(definition.path))[0]
    folder = posixpath.basename(posixpath.dirname(definition.path))
    return last in (stem, folder)


def _ours(name: str, index: SymbolIndex, module_names: frozenset[str]) -> bool:
    return name in module_names or bool(index.definitions(name))


def module_names(snapshot: Snapshot) -> frozenset[str]:
    """File stems and folder names of tracked source files: `auth` in `auth.verify`."""
    names: set[str] = set()
    folders: set[str] = set()  # split once each: a folder holds many files
    by_extension = languages.BY_EXTENSION
    for path in snapshot.entries:  # `languages.for_path` and `posixpath.splitext`, inlined: every tracked path
        dot = path.rfind(".")
        slash = path.rfind("/")
        if dot < slash or path[dot:].lower() not in by_extension:
            continue
        if slash > 0:
            folders.add(path[:slash])
        names.add(path[slash + 1 : dot] if dot > slash + 1 else path[slash + 1 :])
    for folder in folders:
        names.update(folder.split("/"))
    return frozenset(names)


def find_fix(
    ref: SymbolRef,
    resolution: SymbolResolution,
    index: SymbolIndex,
    removals: dict[str, list[git.Removal]],
    reader: git.BlobReader,
    snapshot: Snapshot,
    memo: dict[tuple[str, git.Removal, bool], Fix | None],
) -> Fix | None:
    """A rename from history (or from the uncommitted change), else a close match nearby.

    `memo` holds one answer per name and change for the run: many references share a name.
    """
    import difflib

    for removal in removals.get(ref.name, ()):
        key = (ref.name, removal, bool(ref.qualifiers))
        if key not in memo:
            memo[key] = _rename_from(ref.name, removal, reader, snapshot, index, member=bool(ref.qualifiers))
        if memo[key] is not None:
            return memo[key]
    pool: list[Definition] = []
    for path in resolution.tied:
        pool += [Definition(path, s) for s in index.symbols_in(path) or ()]
    if ref.qualifiers:
        for container in index.definitions(ref.qualifiers[-1]):
            pool += [
                Definition(container.path, s)
                for s in index.symbols_in(container.path) or ()
                if s.container.split(".")[-1:] == [ref.qualifiers[-1]]
            ]
    names = sorted({d.symbol.name for d in pool if d.symbol.name != ref.name})
    close = difflib.get_close_matches(ref.name, names, n=1, cutoff=0.6)
    if not close:
        return None
    best = next(d for d in pool if d.symbol.name == close[0])
    return Fix(
        f"did you mean `{best.symbol.qualified}` ({best.path}:{best.symbol.line})?",
        ((best.path, best.symbol.line, "similar symbol"),),
    )


def _rename_from(
    name: str, removal: git.Removal, reader: git.BlobReader, snapshot: Snapshot, index: SymbolIndex,
    *, member: bool = False,
) -> Fix | None:
    language = languages.for_path(removal.old_path)
    if language is None:
        return None
    if removal.commit:
        before = reader.read_optional(f"{removal.commit}^:{removal.old_path}")
        after = reader.read_optional(f"{removal.commit}:{removal.new_path}") if removal.new_path else None
        where = removal.commit
    else:
        before = reader.read_optional(f"HEAD:{removal.old_path}")
        after = snapshot.read(removal.new_path) if removal.new_path in snapshot.entries else None
        where = "the staged changes" if snapshot.source is Source.INDEX else "the uncommitted changes"
    return _rename_in(
        name, language, before, after, where, removal.new_path or removal.old_path, index, member=member,
        commit=removal.commit,
    )


def _rename_in(
    name: str,
    language: languages.Language,
    before_data: bytes | None,
    after_data: bytes | None,
    where: str,
    path: str,
    index: SymbolIndex,
    *,
    member: bool = False,
    commit: str = "",
) -> Fix | None:
    """`member`: the spec wrote `Type.name`, so a field of that name going away is the one meant."""
    if before_data is None:
        return None
    before = index.symbols_of_content(before_data, language)
    old = next((s for s in before if s.name == name), None)
    if old is None:
        return None  # that change removed a use of the name, not its definition
    after = index.symbols_of_content(after_data, language) if after_data is not None else []
    if any(s.name == name for s in after):
        return None  # still defined there: this change did not remove it
    new = _successor(old, before, after)
    if new is None:
        if old.kind == "field" and not member:
            return None  # a prop or key dropped from one type (`htmlFor: string`) is no proof the spec meant it
        return Fix(f"it was removed in {where}", from_history=True, commit=commit)
    return Fix(
        f"it became `{new.qualified}` in {where} ({path}:{new.line})",
        ((path, new.line, f"`{name}` became `{new.name}` here"),),
        from_history=True,
        commit=commit,
    )


def _successor(old: Symbol, before: list[Symbol], after: list[Symbol]) -> Symbol | None:
    """The symbol that replaced `old`: added in the same change, same kind, most alike."""
    import difflib

    before_names = {s.qualified for s in before}
    added = [s for s in after if s.qualified not in before_names and s.kind == old.kind]
    if not added:
        return None

    def likeness(s: Symbol) -> tuple[int, int, float]:
        return (
            s.body_hash == old.body_hash,
            s.params == old.params,
            difflib.SequenceMatcher(None, s.name.lower(), old.name.lower()).ratio(),
        )

    best = max(added, key=likeness)
    same_body, same_params, name_ratio = likeness(best)
    same_body = same_body and old.body_hash != EMPTY_BODY  # two fields without bodies are not alike
    # Only a close likeness is a rename; otherwise the old symbol was simply removed.
    if same_body or (same_params and best.params) or name_ratio >= 0.5:
        return best
    return None


def uncommitted_removals(
    snapshot: Snapshot, names: list[str], changed: Collection[str] | None = None
) -> dict[str, list[git.Removal]]:
    """Files at HEAD that mention the names: where an uncommitted change may have removed them.

    `changed`: the paths that differ from HEAD, when known. A file as HEAD has it removed
    nothing, so with none changed (a clean work tree, as in CI) HEAD is not searched at all.
    """
    if snapshot.source is Source.COMMIT or not names or (changed is not None and not changed):
        return {}
    paths = git.grep_files(snapshot.root, names, commit="HEAD", exclude=NOT_CODE)
    if changed is not None:
        paths &= set(changed)
    if not paths:
        return {}
    wanted = set(names)
    removals: dict[str, list[git.Removal]] = {}
    with git.BlobReader(snapshot.root) as reader:
        for path in sorted(paths):
            data = reader.read_optional(f"HEAD:{path}") or b""
            found = {t.decode("utf-8", "replace") for t in _IDENTIFIER.findall(data)} & wanted
            new_path = path if path in snapshot.entries else None
            for name in found:
                if len(removals.setdefault(name, [])) < 3:
                    removals[name].append(git.Removal("", "", path, new_path))
    return removals
