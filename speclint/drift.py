"""How referenced code moved on since each spec's baseline: signature and body changes per symbol,
content changes per whole-file reference. Rules (SD201-SD203) apply their thresholds to this.

The reference point of a symbol is its version at the spec's baseline, or, when the code came
after the spec (the normal spec-driven order), its first version after the baseline: writing the
code the spec describes is implementation, not drift.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import NamedTuple

from speclint.cache import BlobCache
from speclint.history import Commit, History, Version
from speclint.specs.references import Reference
from speclint.specs.symbol_refs import SymbolRef
from speclint.symbols import languages
from speclint.symbols.extract import Symbol
from speclint.symbols.index import Definition

UNCOMMITTED = Commit("", "uncommitted changes", -1)
NO_SIGNATURE = frozenset({"variable", "field", "const"})
PROSE = (".md", ".mdx", ".markdown", ".rst", ".txt", ".adoc")  # documents, not code, go stale on their own
# Dependency manifests and lock files change with every upgrade, whatever a spec says of them.
MANIFESTS = frozenset(
    """package.json package-lock.json yarn.lock pnpm-lock.yaml npm-shrinkwrap.json poetry.lock
    pipfile.lock uv.lock cargo.lock go.sum go.mod gemfile.lock composer.lock composer.json
    requirements.txt pyproject.toml cargo.toml pom.xml build.gradle build.gradle.kts""".split()
)


class SymbolDrift(NamedTuple):
    ref: SymbolRef
    definition: Definition
    old_signature: str = ""
    signature_commit: Commit | None = None  # the change that made today's signature
    body_commits: tuple[Commit, ...] = ()  # newest first


class FileDrift(NamedTuple):
    ref: Reference
    path: str
    commits: tuple[Commit, ...] = ()  # newest first


Tables = Callable[[str, str], list[Symbol] | None]  # (blob, path) -> symbols


def symbol_drift(
    ref: SymbolRef,
    definition: Definition,
    history: History,
    tables: Tables,
    now: list[Symbol],
    head_blob: str | None,
    changed_now: bool = True,
) -> SymbolDrift | None:
    baseline = history.baseline(ref.spec)
    if baseline is None:
        return None
    versions = history.versions(definition.path, baseline)
    if not versions:
        if not changed_now:
            return None  # untouched since the baseline: nothing can have drifted
        versions = [Version(None, head_blob)]
    states: list[tuple[Commit | None, Symbol | None]] = []
    for version in versions:
        table = tables(version.blob, definition.path) if version.blob else []
        states.append((version.commit, _find(table or [], definition.symbol)))
    current = _find(now, definition.symbol)
    if states and states[-1][1] != current and current is not None:
        latest = states[-1][1]
        if latest is None or (latest.signature_hash, latest.body_hash) != (current.signature_hash, current.body_hash):
            states.append((UNCOMMITTED, current))
    present = [(c, s) for c, s in states if s is not None]
    if not present or current is None:
        return None
    _, reference = present[0]
    signature_commit = None
    if current.kind in NO_SIGNATURE:
        return None  # a variable's "signature" is its value: a change there is not an interface change
    if reference.signature_hash != current.signature_hash:
        for (_, before), (commit, after) in zip(present, present[1:]):
            if before.signature_hash != after.signature_hash:
                signature_commit = commit
    # A class's body is its members, which specs name on their own: only callables have bodies here.
    body_commits = [
        commit
        for (_, before), (commit, after) in zip(present, present[1:])
        if current.params is not None and before.body_hash != after.body_hash and commit is not None
    ]
    return SymbolDrift(
        ref,
        definition,
        reference.signature if signature_commit else "",
        signature_commit,
        tuple(reversed(body_commits)),
    )


class Memory:
    """Drift answers for one history tip, stored as one cache entry: a warm run reads one file.

    Each answer is keyed by what decides it (baseline, file, symbol and its hashes today), so a
    stored answer is only reused when it would be computed the same.
    """

    def __init__(self, cache: BlobCache, tip: str) -> None:
        self.cache = cache
        self.tip = tip
        self.changed = False
        raw = cache.get(tip, "drift")
        try:
            loaded = json.loads(raw) if raw is not None else {}
        except ValueError:
            loaded = {}
        self.answers: dict[str, object] = loaded if isinstance(loaded, dict) else {}

    def recall(
        self, key: str, compute: Callable[[], SymbolDrift | None], ref: SymbolRef, definition: Definition
    ) -> SymbolDrift | None:
        if key in self.answers:
            try:
                return _decode(self.answers[key], ref, definition)
            except (KeyError, TypeError, IndexError, ValueError):
                pass
        result = compute()
        self.answers[key] = _encode(result)
        self.changed = True
        return result

    def save(self) -> None:
        if self.changed:
            self.cache.put(self.tip, "drift", json.dumps(self.answers, separators=(",", ":")).encode())


def _encode(result: SymbolDrift | None) -> object:
    if result is None:
        return None
    sig = result.signature_commit
    return {
        "old": result.old_signature,
        "sig": [sig.sha, sig.subject] if sig else None,
        "body": [[c.sha, c.subject] for c in result.body_commits],
    }


def _decode(data: object, ref: SymbolRef, definition: Definition) -> SymbolDrift | None:
    if data is None:
        return None
    assert isinstance(data, dict)
    sig = data["sig"]
    return SymbolDrift(
        ref,
        definition,
        data["old"],
        Commit(sig[0], sig[1], -2) if sig else None,
        tuple(Commit(sha, subject, -2) for sha, subject in data["body"]),
    )


def file_drift(ref: Reference, path: str, history: History, uncommitted: bool) -> FileDrift | None:
    """Content changes of a file in a language without a grammar (config, scripts, schemas).

    Source files with a grammar are judged symbol by symbol instead (SD201, SD202): a module
    changes all the time without its spec going stale.
    """
    name = path.rsplit("/", 1)[-1].lower()
    if languages.for_path(path) is not None or name.endswith(PROSE) or name in MANIFESTS:
        return None
    baseline = history.baseline(ref.spec)
    if baseline is None:
        return None
    versions = history.versions(path, baseline)
    commits = []
    for before, after in zip(versions, versions[1:]):
        if before.blob == after.blob or after.commit is None:
            continue
        commits.append(after.commit)
    if uncommitted:
        commits.append(UNCOMMITTED)
    return FileDrift(ref, path, tuple(reversed(commits)))


def _find(table: list[Symbol], wanted: Symbol) -> Symbol | None:
    same = [s for s in table if s.qualified == wanted.qualified]
    if len(same) == 1:
        return same[0]
    if same:
        return next((s for s in same if s.kind == wanted.kind and s.params == wanted.params), same[0])
    return None
