"""Everything a rule may ask about: config, snapshot, parsed specs, references, resolution.

Each expensive input is built on first use, so a run whose rules never ask for something never
pays for it.
"""

from __future__ import annotations

import hashlib
import posixpath
from urllib.parse import unquote
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple
from functools import cached_property

from speclint import git, spec_index
from speclint.config import SPEC_SUFFIXES, Config
from speclint.frontmatter import FrontMatter
from speclint.frontmatter import load as load_front_matter
from speclint.globs import GlobSet
from speclint.resolve import FOUND, Resolution, Resolver, history_fates
from speclint.snapshot import Snapshot, Source
from speclint.specs import references
from speclint.cache import BlobCache, open_cache
from speclint.specs.parsed import ParsedSpec
from speclint.specs.parsed import code_salt as spec_code_salt
from speclint.specs.markdown import Document
from speclint.specs.references import FILE, SPEC_LINK, Reference
from speclint.specs.symbol_refs import SymbolRef
from speclint.symbols.index import ExtractItem, Loaded, SymbolIndex
from speclint.symbols.resolve import SymbolResolution, Tie

if TYPE_CHECKING:
    from speclint.changes import ChangeSet
    from speclint.coverage import CodeChange
    from speclint.drift import FileDrift, SymbolDrift
    from speclint.history import History, Loading
from speclint.suppression import Suppressions
from speclint.suppression import parse as parse_suppressions

MAX_SPEC_BYTES = 16 * 1024 * 1024
DONE_MARKS = frozenset("xX")


class Spec(NamedTuple):
    path: str
    document: Document
    front_matter: FrontMatter
    suppressions: Suppressions


class CheckContext:
    def __init__(
        self,
        repo: git.Repository,
        config: Config,
        snapshot: Snapshot,
        *,
        only: Sequence[str] = (),
        use_cache: bool = True,
    ) -> None:
        self.use_cache = use_cache
        self.repo = repo
        self.config = config
        self.snapshot = snapshot
        self.only = tuple(only)
        self.notices: list[str] = []
        self._documents: dict[str, ParsedSpec | None] = {}
        # In change-set modes: what changed, and the context of the snapshot before the change.
        self.change_set: ChangeSet | None = None
        self.base_context: CheckContext | None = None
        self._code_changes: dict[tuple[str, ...], list[CodeChange]] = {}
        self._wanted: frozenset[str] | None = None  # set by `restrict`
        self._symbols_expected = False  # set by `expect_symbols`
        self._spec_added: dict[str, str | None] = {}  # spec path → the commit that added it
        self._written_after: dict[tuple[str, str], bool] = {}

    def close(self) -> None:
        """Stop the git processes this context started."""
        self.snapshot.close()
        if self.base_context is not None:
            self.base_context.close()
        if "symbol_index" in self.__dict__:
            self.symbol_index.close()
        for started in ("_history_loading", "_uncommitted_diff", "_code_link_search"):
            pending = self.__dict__.get(started)
            if pending is not None:
                pending.close()  # read ones are done; an unread one is stopped

    def notice(self, message: str) -> None:
        if message not in self.notices:
            self.notices.append(message)

    @cached_property
    def spec_paths(self) -> list[str]:
        paths = spec_index.select_specs(self.config, self.snapshot.entries)
        include = GlobSet(self.config.specs)
        exclude = GlobSet(self.config.exclude)
        for path, entry in self.snapshot.entries.items():
            if entry.is_symlink and path.lower().endswith(SPEC_SUFFIXES) and include.match(path) and not exclude.match(path):
                self._note_symlink(path)
        return paths

    @cached_property
    def spec_names(self) -> dict[str, spec_index.SpecNames]:
        """What each spec names (files, symbols, `covers:` globs), from one cached table."""
        enabled = self.use_cache and self.snapshot.source is not Source.WORKTREE
        table, store = spec_index.cached(self.repo.git_dir, self.spec_paths, self.snapshot.entries, enabled=enabled)
        if table is not None and set(table) == set(self.spec_paths):
            return table
        self._prefetch(self.spec_paths)
        table = {path: self._names_in(path) for path in self.spec_paths}
        store(table)
        return table

    def _names_in(self, path: str) -> spec_index.SpecNames:
        parsed = self._parsed(path)
        spec = self.specs.get(path)
        if parsed is None or spec is None:
            return spec_index.SpecNames(frozenset(), frozenset(), ())
        files = {(r.candidate.path if r.candidate else r.text).rstrip("/").rsplit("/", 1)[-1] for r in parsed.references}
        files |= {r.file_hint.rstrip("/").rsplit("/", 1)[-1] for r in parsed.symbols if r.file_hint}
        words = {r.name for r in parsed.symbols} | {q for r in parsed.symbols for q in r.qualifiers}
        line = spec.document.front_matter_line or 1
        covers = [(glob, line) for glob in spec.front_matter.strings("covers")]
        covers += [(glob, c.line) for c in spec.document.comments for glob in spec_index.covers_comment(c.body)]
        return spec_index.SpecNames(frozenset(files), frozenset(words), tuple(covers))

    def _note_symlink(self, path: str) -> None:
        target = self.snapshot.read(path).decode("utf-8", "replace")
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
        if resolved not in self.snapshot:
            self.notice(f"{path}: symlinked spec points at {target!r}, which is not tracked; not checked")

    def restrict(self, paths: Iterable[str]) -> None:
        """Check only these specs (a change set's affected ones); before anything is resolved."""
        assert "references" not in self.__dict__ and "symbol_references" not in self.__dict__
        self.__dict__.pop("checked_spec_paths", None)
        self._wanted = frozenset(paths)

    def code_changes(self, test_files: Sequence[str]) -> list[CodeChange]:
        """The change set's changed code files outside `test_files`, with their symbol changes."""
        from speclint import coverage

        key = tuple(test_files)
        if self.change_set is None:
            return []
        if key not in self._code_changes:
            self._code_changes[key] = coverage.code_changes(self, self.change_set.files, GlobSet(key))
        return self._code_changes[key]

    @cached_property
    def checked_spec_paths(self) -> list[str]:
        """The specs whose findings are reported: all of them, or those under the CLI's PATHS."""
        if self._wanted is not None:
            # A change set's few specs: no need to list every tracked path (a commit's base).
            paths = spec_index.select_specs(self.config, self.snapshot.entries_at(self._wanted))
        else:
            paths = self.spec_paths
        if not self.only:
            return paths
        return [p for p in paths if any(p == o or p.startswith(o.rstrip("/") + "/") or o in ("", ".") for o in self.only)]

    def document(self, path: str) -> Document | None:
        """Any tracked markdown file, parsed once (specs and link targets alike)."""
        parsed = self._parsed(path)
        return parsed.document if parsed is not None else None

    def _parsed(self, path: str) -> ParsedSpec | None:
        if path in self._documents:
            return self._documents[path]
        self._documents[path] = result = self._parse(path)
        return result

    def _parse(self, path: str) -> ParsedSpec | None:
        self._prefetch([path])
        return self._documents[path]

    def _prefetch(self, paths: Iterable[str]) -> None:
        """Parse the specs not parsed yet: from the cache, else split across two processes."""
        from speclint import parallel
        from speclint.cache import blob_id
        from speclint.specs import parsed as parsed_specs

        done: dict[str, ParsedSpec | None] = {}
        todo: list[tuple[str, bytes, str]] = []
        for path in dict.fromkeys(paths):
            if path in self._documents:
                continue
            entry = self.snapshot.entries.get(path)
            if entry is None or entry.is_submodule or entry.is_symlink:
                done[path] = None
                continue
            data = self.snapshot.read(path)
            if len(data) > MAX_SPEC_BYTES:
                self.notice(f"{path}: larger than {MAX_SPEC_BYTES >> 20} MiB; not checked")
                done[path] = None
                continue
            key = blob_id(data) if self.snapshot.source is Source.WORKTREE else entry.blob
            done[path] = parsed_specs.lookup(path, key, self._spec_cache)
            if done[path] is None:
                todo.append((path, data, key))
        code = self._likely_code(todo)
        work: list[tuple[str, object]] = [("spec", item) for item in todo] + [("code", item) for item in code]
        results: Sequence[object]
        if code:
            load = self.symbol_index.load

            def spec_or_code(work: tuple[str, object]) -> ParsedSpec | Loaded:
                kind, item = work
                return load(item) if kind == "code" else _parse_spec(item)  # type: ignore[arg-type]

            # The child starts on the code (symbol tables pickle small; markdown-it is never
            # imported there unless it runs out), the parent on the specs, which stay here.
            results = parallel.map_split(spec_or_code, work, child_first=len(code))
        else:
            results = parallel.map_split(_parse_spec, todo, prepare=parsed_specs.prepare)
        for (path, _, key), result in zip(todo, results):
            parsed_specs.store(key, result, self._spec_cache)  # type: ignore[arg-type]
            done[path] = result  # type: ignore[assignment]
        if code:
            self.symbol_index.accept(code, results[len(todo) :])  # type: ignore[arg-type]
        for path, result in done.items():  # in the order asked, as one by one would
            self._documents[path] = result
            if result is not None and result.note:
                self.notice(f"{path}: {result.note}")

    def expect_symbols(self) -> None:
        """A symbol rule will run: the code files the specs name are extracted with the specs."""
        self._symbols_expected = True

    def _likely_code(self, specs: list[tuple[str, bytes, str]]) -> list[ExtractItem]:
        """The code files these specs very likely tie symbols to, not extracted yet, as work for
        the split that parses the specs (a guess: see `speclint.symbols.likely`)."""
        from speclint import parallel

        if not self._symbols_expected or len(specs) < parallel.MIN_BATCH:
            return []
        from speclint.symbols import likely

        index = self.symbol_index
        named = likely.code_files((data for _, data, _ in specs), self.snapshot.entries)
        return index.unread(p for p in named if not index.excluded(p))

    @cached_property
    def _spec_cache(self) -> BlobCache:
        return open_cache(self.repo.git_dir, "specs", enabled=self.use_cache, salt=spec_code_salt())

    @cached_property
    def specs(self) -> Mapping[str, Spec]:
        """Every spec that could be read, each parsed on first use."""
        return _Specs(self)

    def _spec(self, path: str) -> Spec | None:
        doc = self.document(path)
        if doc is None:
            return None
        front = load_front_matter(doc.front_matter)
        if front.problem:
            self.notice(f"{path}:{doc.front_matter_line}: {front.problem}")
        ignores = front.strings("speclint", "ignore")
        return Spec(path, doc, front, parse_suppressions(doc.comments, ignores))

    @cached_property
    def references(self) -> list[Reference]:
        self._prefetch(self.checked_spec_paths)
        refs: list[Reference] = []
        for path in self.checked_spec_paths:
            parsed = self._parsed(path)
            if parsed is None or path not in self.specs:
                continue
            planned = self._feature_not_started(path)
            refs.extend(r._replace(planned=True) if planned and not r.planned else r for r in parsed.references)
        return refs

    def _feature_not_started(self, path: str) -> bool:
        """A spec in a feature folder whose tasks.md has tasks, none of them done yet; or, with no
        tasks.md, whose Kiro/cc-sdd `spec.json` says its tasks were never generated, or which is an
        OpenSpec change (`openspec/changes/<name>/`, not archived) proposed without tasks."""
        folder = posixpath.dirname(path)
        while folder:
            tasks = f"{folder}/tasks.md"
            if tasks in self.snapshot:
                doc = self.specs[tasks].document if tasks in self.specs else None
                if doc is None:
                    return False
                states = [b.checkbox for b in doc.blocks if b.checkbox is not None]
                return bool(states) and not any(s in DONE_MARKS for s in states)
            if f"{folder}/spec.json" in self.snapshot:
                return _tasks_not_generated(self.snapshot.read(f"{folder}/spec.json"))
            if _is_openspec_change(folder):
                return True  # a proposal without tasks yet: nothing of it is built
            folder = posixpath.dirname(folder)
        return False

    @cached_property
    def resolver(self) -> Resolver:
        def lookup(paths: list[str], names: list[str]) -> dict:
            changes = []
            if self.snapshot.source is not Source.COMMIT:
                # Renames not committed yet are the newest history of all (a pre-commit run).
                changes += git.pending_changes(self.repo.root, cached=self.snapshot.source is Source.INDEX)
            wanted = set(paths)
            changes = [c for c in changes if c.old in wanted or c.old.rsplit("/", 1)[-1] in names]
            changes += git.path_fates(self.repo.root, self.snapshot.commit or "HEAD", paths, names)
            return history_fates([(c.old, c.new, c.commit) for c in changes])

        return Resolver(self.snapshot, lookup)

    @cached_property
    def resolutions(self) -> dict[Reference, Resolution]:
        return self.resolver.resolve_all(self.references)

    @cached_property
    def symbol_references(self) -> list[SymbolRef]:
        self._prefetch(self.checked_spec_paths)
        refs: list[SymbolRef] = []
        for path in self.checked_spec_paths:
            parsed = self._parsed(path)
            if parsed is None or path not in self.specs:
                continue
            planned = self._feature_not_started(path)
            refs.extend(r._replace(planned=True) if planned and not r.planned else r for r in parsed.symbols)
        return refs

    @cached_property
    def symbol_index(self) -> SymbolIndex:
        from speclint.symbols.cache import SymbolCache
        from speclint.symbols.index import cache_salt

        store = open_cache(self.repo.git_dir, "symbols", enabled=self.use_cache, salt=cache_salt())
        return SymbolIndex(self.snapshot, SymbolCache(store), GlobSet(self.config.exclude).match)

    @cached_property
    def symbol_resolutions(self) -> dict[SymbolRef, SymbolResolution]:
        from speclint.symbols import resolve as symbols

        index = self.symbol_index
        refs = self.symbol_references
        # An ambiguous name (`src/app.ts` in two packages) ties the symbol to every candidate.
        found_files = [
            (ref, path)
            for ref, res in self.resolutions.items()
            if ref.kind == FILE and res.status == FOUND
            for path in (res.candidates or (res.path,))
        ]
        by_spec: dict[str, list[tuple[Reference, str]]] = {}
        for ref, path in found_files:
            by_spec.setdefault(ref.spec, []).append((ref, path))
        results: dict[SymbolRef, SymbolResolution] = {}
        parents = {path: {b.id: b for b in self.specs[path].document.blocks} for path in {r.spec for r in refs}}
        by_block = {spec: symbols.source_paths_by_block(found) for spec, found in by_spec.items()}
        # A name tied to no file will be searched for: git greps while the others are tied and
        # resolve. Only a name with no source file in its block or around it can be one (a
        # `path::name` whose path resolves is searched for all the same: one name more).
        index.start_search(
            part
            for ref in refs
            if not ref.plain and not symbols.files_around(ref.block, by_block.get(ref.spec, {}), parents[ref.spec])
            for part in (ref.name, *ref.qualifiers)
        )
        # Lists beside `refs`, not dicts keyed by them: hashing a reference hashes all its fields.
        ties = [
            symbols.tied_files(ref, by_block.get(ref.spec, {}), parents[ref.spec], self.resolver, self.specs[ref.spec].document)
            for ref in refs
        ]
        index.prefetch(path for tie in ties for path in tie.paths)
        rest: list[tuple[SymbolRef, Tie]] = []
        for ref, tie in zip(refs, ties):
            local = symbols.resolve_locally(ref, tie, index)
            if ref.plain and (local is None or local.status != symbols.FOUND or not tie.firm):
                # A plain word counts only as the name of something the file it is tied to defines.
                results[ref] = symbols.SymbolResolution(symbols.UNKNOWN, "a plain word, not tied to a file defining it")
            elif local is None:
                rest.append((ref, tie))
            else:
                results[ref] = local
        if rest:
            # One search of the repository for everything not settled by the file the spec names.
            index.search({part for ref, _ in rest for part in (ref.name, *ref.qualifiers)})
            index.prefetch(path for ref, _ in rest for path in index.mentions(ref.name))
            modules = symbols.module_names(self.snapshot)
            for ref, tie in rest:
                results[ref] = symbols.resolve(ref, tie, index, modules)
        self._confirm_from_history(results)
        for notice in index.notices + index.cache.failures:
            self.notice(notice)
        return results

    def _confirm_from_history(self, results: dict[SymbolRef, SymbolResolution]) -> None:
        """Names defined nowhere now are this repo's (so missing) when git saw them defined here."""
        from speclint.symbols import languages
        from speclint.symbols import resolve as symbols

        # A name the code still mentions was renamed all the same when git saw its definition go
        # (callers not updated yet, or only the definition renamed): history decides.
        pending = [
            r
            for r, res in results.items()
            if res.status in (symbols.MISSING, symbols.PLANNED)
            or res.why in (symbols.NEVER_DEFINED, symbols.MENTIONED_ONLY, symbols.MODULE_NAME)
        ]
        if not pending:
            return
        names = sorted({r.name for r in pending})
        diff = self._uncommitted_diff
        changed = self._uncommitted if diff is not None and diff.succeeded() else None
        removals = symbols.uncommitted_removals(self.snapshot, names, changed)
        # Only code: a removal elsewhere (a data file, a lockfile) never shows a definition going,
        # and the newest few removals of each name are all that is read.
        code = languages.BY_EXTENSION
        rev = self.snapshot.commit or "HEAD"
        for name, found in git.word_removals(self.repo.root, names, rev, extensions=code).items():
            removals.setdefault(name, []).extend(found)
        reader = git.BlobReader(self.repo.root)
        memo: dict = {}
        try:
            for ref in pending:
                res = results[ref]
                fix = symbols.find_fix(ref, res, self.symbol_index, removals, reader, self.snapshot, memo)
                if res.status == symbols.MISSING:
                    results[ref] = symbols.SymbolResolution(res.status, res.why, res.definitions, res.tied, fix)
                elif fix is not None and fix.from_history:
                    if res.status == symbols.PLANNED and self.symbol_index.definitions(ref.name):
                        continue  # planned work on something that exists (maybe moved): not drift
                    if res.why == symbols.MENTIONED_ONLY and not fix.related:
                        # The code still uses the name and git saw only a definition of it go, with
                        # nothing in its place: a same-named local removed, while the name the spec
                        # means (a library's type, a framework's callback) is still in use.
                        continue
                    if fix.commit and self._spec_written_after(ref.spec, fix.commit):
                        # Gone before the spec existed: the spec was not written against it (an
                        # "Expected Interfaces" list matching a test helper deleted months before).
                        continue
                    results[ref] = symbols.SymbolResolution(symbols.MISSING, "defined here before, per git history", (), res.tied, fix)
        finally:
            reader.close()

    def _spec_written_after(self, spec: str, commit: str) -> bool:
        """Was `spec` added (renames followed) in `commit` or after it? A spec not committed yet
        is newer than every commit."""
        key = (spec, commit)
        if key not in self._written_after:
            if spec not in self._spec_added:
                self._spec_added[spec] = git.first_commit(self.repo.root, spec, self.snapshot.commit or "HEAD")
            added = self._spec_added[spec]
            self._written_after[key] = added is None or git.is_ancestor(self.repo.root, commit, added)
        return self._written_after[key]

    def start_symbol_history(self) -> None:
        """`start_history` and `expect_symbols`: what the history rules on symbols read first."""
        self.start_history()
        self.expect_symbols()

    def start_history(self) -> None:
        """Start the git commands the history rules read, so they run while specs are parsed."""
        self._history_loading  # noqa: B018 - the cached property starts them

    @cached_property
    def _history_loading(self) -> Loading | None:
        from speclint import history

        if self.repo.head is None:
            return None
        if self.repo.shallow:
            self.notice("history rules skipped: shallow clone; fetch with depth 0 (git fetch --unshallow)")
            return None
        self._uncommitted_diff  # noqa: B018 - started too: it tells which specs are being edited
        store = open_cache(self.repo.git_dir, "history", enabled=self.use_cache, salt=history.FORMAT)
        rev = self.snapshot.commit or "HEAD"
        return history.Loading(
            self.repo.root, rev, self.checked_spec_paths, cache=store, sha=rev if self.snapshot.commit else self.repo.head
        )

    @cached_property
    def history(self) -> History | None:
        """Baselines and code changes for the history rules; None when history cannot be judged."""
        loading = self._history_loading
        if loading is None:
            return None
        # A spec edited but not committed yet is being updated by the user: a review, now.
        return loading.finish(set(loading.specs) & self._uncommitted)

    @cached_property
    def _uncommitted_diff(self) -> git.Pending | None:
        if self.snapshot.source is Source.COMMIT or self.repo.head is None:
            return None
        args = ["diff", "--name-only", "-z"] + (["--cached"] if self.snapshot.source is Source.INDEX else []) + ["HEAD"]
        return git.Pending(self.repo.root, *args)

    @cached_property
    def _uncommitted(self) -> frozenset[str]:
        pending = self._uncommitted_diff
        if pending is None:
            return frozenset()
        return frozenset(p for p in pending.output(check=False).decode("utf-8", "surrogateescape").split("\0") if p)

    def start_code_links(self) -> None:
        """Start the search for spec links in code comments, read when the roadmap needs them."""
        self._code_link_search  # noqa: B018 - the cached property starts it

    @cached_property
    def _code_link_search(self) -> git.GrepLines:
        from speclint.specs.roadmap import code_links

        return code_links.search(self)

    @cached_property
    def symbol_drift(self) -> list[SymbolDrift]:
        from speclint import drift
        from speclint.symbols.resolve import FOUND as SYMBOL_FOUND

        history = self.history
        if history is None:
            return []
        uncommitted = self._uncommitted
        candidates = []
        seen: set[tuple[str, str, str]] = set()
        for ref, res in self.symbol_resolutions.items():
            if res.status != SYMBOL_FOUND or not res.definitions:
                continue
            chosen = [d for d in res.definitions if d.path in res.tied] or list(res.definitions)
            if len({(d.path, d.symbol.qualified) for d in chosen}) != 1:
                continue  # ambiguous: several definitions could be the one the spec means
            definition = chosen[0]
            key = (ref.spec, definition.path, definition.symbol.qualified)
            if key in seen:
                continue
            seen.add(key)
            baseline = history.baseline(ref.spec)
            if baseline is None:
                continue
            if definition.path not in uncommitted and not history.changed_since(definition.path, baseline):
                continue  # the file is as it was at the baseline: nothing can have drifted
            candidates.append((ref, definition, baseline))
        if not candidates:
            return []
        paths = {definition.path for _, definition, _ in candidates}
        if self.snapshot.source is Source.COMMIT:
            head: Mapping[str, git.Entry] = self.snapshot.entries
        elif self.base_context is not None and self.base_context.snapshot.commit:
            head = self.base_context.snapshot.entries_at(paths)  # a staged change set: its base is HEAD
        else:  # only the files the resolved symbols live in, as HEAD has them
            head = self._head_entries(paths)
        memory = drift.Memory(self.symbol_index.cache.store, history.commits[0].sha if history.commits else "")
        found = []
        for ref, definition, baseline in candidates:
            now = self.symbol_index.symbols_in(definition.path) or []
            entry = head.get(definition.path)
            symbol = definition.symbol
            key = "\0".join(
                (baseline.sha, history.commits[0].sha, definition.path, symbol.qualified, str(symbol.line),
                 symbol.signature_hash, symbol.body_hash, entry.blob if entry else "")
            )
            result = memory.recall(
                hashlib.sha1(key.encode()).hexdigest(),
                lambda: drift.symbol_drift(
                    ref, definition, history, self.symbol_index.symbols_of_blob, now, entry.blob if entry else None,
                    changed_now=definition.path in uncommitted,
                ),
                ref,
                definition,
            )
            if result is not None:
                found.append(result)
        memory.save()
        return found

    def _head_entries(self, paths: Iterable[str]) -> dict[str, git.Entry]:
        """HEAD's entries for these files. A file git does not list as changed since HEAD holds
        HEAD's bytes, whose blob id the symbol index computed already: only the others are
        asked of git (all of them when that diff failed)."""
        pending = self._uncommitted_diff
        if pending is None or not pending.succeeded():
            return git.tree_entries(self.repo.root, "HEAD", paths)
        changed = self._uncommitted
        head: dict[str, git.Entry] = {}
        ask = []
        for path in paths:
            entry = self.snapshot.entries.get(path)
            blob = self.symbol_index.blob_of(path)
            if entry is None or blob is None or path in changed:
                ask.append(path)
            else:
                head[path] = git.Entry(entry.mode, blob)
        if ask:
            head.update(git.tree_entries(self.repo.root, "HEAD", ask))
        return head

    @cached_property
    def file_drift(self) -> list[FileDrift]:
        """Whole-file references to files without a grammar (configuration, scripts, schemas)."""
        from speclint import drift

        history = self.history
        if history is None:
            return []
        with_symbols = {
            (sym.spec, d.path) for sym, res in self.symbol_resolutions.items() for d in res.definitions
        }
        found = []
        seen: set[tuple[str, str]] = set()
        for ref, res in self.resolutions.items():
            if ref.kind != FILE or res.status != FOUND or res.path not in self.snapshot.entries:
                continue
            key = (ref.spec, res.path)
            if key in seen or key in with_symbols:
                continue
            seen.add(key)
            result = drift.file_drift(ref, res.path, history, res.path in self._uncommitted)
            if result is not None and result.commits:
                found.append(result)
        return found

    def excuse(self, ref: Reference | SymbolRef) -> str:
        """Why the words around an unresolved reference say it is not drift ("" if none)."""
        spec = self.specs.get(ref.spec)
        if spec is None:
            return ""
        reason = references.excuse(spec.document, ref)
        if reason or isinstance(ref, SymbolRef):
            return reason
        same_line = self._by_line.get((ref.spec, ref.position.line), [])
        for other in references.alternatives(spec.document, ref, same_line):
            if self.resolutions[other].status == FOUND:
                return "an alternative it names exists"
        name = references.alternative_name(spec.document, ref)
        if name and name in self.resolver.by_name:
            return "an alternative it names exists"
        return ""

    @cached_property
    def _by_line(self) -> dict[tuple[str, int], list[Reference]]:
        index: dict[tuple[str, int], list[Reference]] = {}
        for ref in self.references:
            index.setdefault((ref.spec, ref.position.line), []).append(ref)
        return index

    def feature_folder(self, spec_path: str) -> str:
        """The folder a spec's feature lives in: the nearest with a tasks.md, else its own."""
        folder = posixpath.dirname(spec_path)
        probe = folder
        while probe:
            if f"{probe}/tasks.md" in self.snapshot:
                return probe
            probe = posixpath.dirname(probe)
        return folder

    def missing_anchor(self, ref: Reference, res: Resolution) -> tuple[str, frozenset[str]] | None:
        """For a link with a `#fragment` into markdown: the anchor and the anchors that exist,
        when the fragment names no heading there (GitHub's rules, case-insensitive)."""
        if not ref.fragment or ref.kind != SPEC_LINK:
            return None
        doc = self.document(res.path if ref.candidate is not None else ref.spec)
        if doc is None:
            return None
        anchor = unquote(ref.fragment).lower().removeprefix("user-content-")
        anchors = frozenset(a.lower() for a in doc.anchors)
        return None if anchor in anchors else (anchor, anchors)

    def ignored(self, paths: Sequence[str]) -> set[str]:
        """Paths that are generated or tool-owned, not authored: git-ignored or in excluded folders.

        A spec saying "see `.specify/templates/plan.md`" names the tool's own file, which the
        project need not track.
        """
        excluded = GlobSet(self.config.exclude)
        found = git.ignored(self.repo.root, paths)
        # Ignore rules are read from outside git's view (untracked .gitignore files, the user's
        # excludes): a cached result asks again about these paths before it is used.
        self.ignore_answers.update((p, p in found) for p in paths if p)
        return {p for p in paths if excluded.match(p)} | found

    @cached_property
    def ignore_answers(self) -> dict[str, bool]:
        """Every path asked of git's ignore rules in this check, and the answer."""
        return {}

    @cached_property
    def roadmap(self) -> "speclint.specs.roadmap.graph.Roadmap":  # noqa: F821 - imported on first use
        """Every spec's phases, tasks and requirements joined into one dependency graph."""
        from speclint.specs.roadmap import code_links, graph
        from speclint.specs.roadmap.parse import parse

        self._prefetch(self.spec_paths)

        def plans():  # type: ignore[no-untyped-def]
            for path, spec in self.specs.items():
                parsed = self._parsed(path)
                yield parsed.plan if parsed is not None and parsed.plan is not None else parse(spec.document)

        return graph.build(plans(), code_links=lambda: code_links.scan(self, self._code_link_search))


def _is_openspec_change(folder: str) -> bool:
    parent = posixpath.dirname(folder)
    return (
        posixpath.basename(parent) == "changes"
        and posixpath.basename(posixpath.dirname(parent)) == "openspec"
        and posixpath.basename(folder) != "archive"
    )


def _tasks_not_generated(raw: bytes) -> bool:
    """cc-sdd's `spec.json`: `"approvals": {"tasks": {"generated": false}}` (a design, no work yet)."""
    import json

    try:
        data = json.loads(raw)
        generated = data["approvals"]["tasks"]["generated"]
    except (ValueError, KeyError, TypeError):
        return False
    return generated is False and not data.get("ready_for_implementation", False)


def _parse_spec(item: tuple[str, bytes, str]) -> ParsedSpec:
    from speclint.specs.parsed import compute

    path, data, _ = item
    return compute(path, data)


class _Specs(Mapping[str, Spec]):
    """The specs of a context, parsed on first use: a change set reads only those it checks."""

    def __init__(self, ctx: CheckContext) -> None:
        self._ctx = ctx
        self._known = set(ctx.spec_paths)
        self._parsed: dict[str, Spec | None] = {}

    def _get(self, path: object) -> Spec | None:
        if not isinstance(path, str) or path not in self._known:
            return None
        if path not in self._parsed:
            self._parsed[path] = self._ctx._spec(path)
        return self._parsed[path]

    def __getitem__(self, path: str) -> Spec:
        spec = self._get(path)
        if spec is None:
            raise KeyError(path)
        return spec

    def __contains__(self, path: object) -> bool:
        return self._get(path) is not None

    def __iter__(self) -> Iterator[str]:
        return (path for path in self._ctx.spec_paths if self._get(path) is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)
