"""Check a change set: every rule on the new snapshot, but only the drift the change introduces.

A rename in code breaks specs the change never touched, so rules run on the new snapshot; what
they found at the base snapshot already is left out (matched by fingerprint, so line moves do
not matter), unless `--all`. Only specs the change can affect are checked at all: the specs it
edits, those naming a path it touches, those naming a word on a changed line or a symbol whose
body changed. A change that touches nothing any spec names checks nothing and costs little.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from typing import TYPE_CHECKING

from speclint import git, spec_index
from speclint.changes import ChangeSet, words_in
from speclint.config import SPEC_SUFFIXES, Config
from speclint.findings import Finding, Summary, fingerprint_key
from speclint.globs import GlobSet
from speclint.report import Report
from speclint.spec_index import SpecNames

if TYPE_CHECKING:  # the checking machinery is imported only when a change needs checking
    from speclint.context import CheckContext
    from speclint.selection import ConfiguredRule

# Rule groups by how far a change reaches: spec-local rules follow the affected specs; roadmap
# and traceability rules join every spec into one graph; change rules judge the change itself.
_LOCAL = ("SD1", "SD2")
_GRAPH = ("SD4", "SD5")
_CHANGE = ("SD3",)


@dataclass(frozen=True)
class Options:
    all_findings: bool = False
    use_cache: bool = True
    baseline: Collection[str] = ()
    only: Sequence[str] = ()


def nothing_to_check(repo: git.Repository, config: Config, change: ChangeSet, options: Options) -> bool:
    """True when the change cannot give any finding, decided without loading rules or parsers."""
    if options.all_findings or options.only:
        return False
    return not _may_affect_specs(repo, config, change, options)


def empty_report(config: Config, change: ChangeSet, rules: Sequence[ConfiguredRule]) -> Report:
    return Report(
        findings=(),
        summary=Summary(files_checked=len(change.head.entries), specs=0, references=0),
        rules=tuple(c.rule for c in rules),
        fail_on=config.fail_on,
    )


def run(repo: git.Repository, config: Config, change: ChangeSet, rules: Sequence[ConfiguredRule], options: Options) -> Report:
    from speclint import engine

    head = _context(repo, config, change.head, options)
    head.change_set = change
    base = _context(repo, config, change.base, options)
    head.base_context = base
    try:
        if options.all_findings:
            return engine.run(head, rules, baseline=options.baseline)
        return _new_drift(repo, config, change, rules, head, base, options)
    finally:
        head.close()


def _may_affect_specs(repo: git.Repository, config: Config, change: ChangeSet, options: Options) -> bool:
    """False only when, by the stored table of what specs name, nothing in the change can matter:
    no spec or other markdown touched, no touched path named, declared or mapped, no word of a
    changed file (so no symbol defined there) named, no code comment pointing at a spec."""
    touched = change.new_paths | change.old_paths
    if not touched:
        return False
    if any(p.lower().endswith(SPEC_SUFFIXES) for p in touched):
        return True
    if any(GlobSet(entry.code).match(p) for entry in config.maps for p in touched):
        return True
    candidates = change.head.entries_matching(lambda path: path.lower().endswith(SPEC_SUFFIXES))
    specs = spec_index.select_specs(config, candidates)
    table, _ = spec_index.cached(repo.git_dir, specs, candidates, enabled=options.use_cache)
    if table is None or set(table) != set(specs):
        return True  # not known yet: the full check builds the table
    declared = GlobSet([glob for names in table.values() for glob, _ in names.covers])
    if any(declared.match(p) for p in touched):
        return True
    found: set[str] = set()
    with git.BlobReader(repo.root) as reader:
        for file in change.files:
            for blob in (file.old_blob, file.new_blob):
                data = reader.read_optional(blob) if blob else None
                if data is None:
                    continue
                text = data.decode("utf-8", "replace")
                if "spec" in text.lower():
                    return True  # maybe a `# spec: …` link, or a spec-like document
                found |= words_in(text.splitlines())
    return bool(_naming(table, touched, found))


def _context(repo: git.Repository, config: Config, snap, options: Options) -> CheckContext:  # type: ignore[no-untyped-def]
    from speclint.context import CheckContext

    return CheckContext(repo, config, snap, only=options.only, use_cache=options.use_cache)


def _new_drift(
    repo: git.Repository,
    config: Config,
    change: ChangeSet,
    rules: Sequence[ConfiguredRule],
    head: CheckContext,
    base: CheckContext,
    options: Options,
) -> Report:
    from speclint import engine

    local = [r for r in rules if r.rule.code.startswith(_LOCAL)]
    graph = [r for r in rules if r.rule.code.startswith(_GRAPH)]
    judged = [r for r in rules if r.rule.code.startswith(_CHANGE)]
    renamed = {c.old_path: c.new_path for c in change.files if c.old_path and c.new_path and c.old_path != c.new_path}

    affected = affected_specs(head, change, judged)
    head.restrict(affected)
    base.restrict({*affected, *(old for old, new in renamed.items() if new in affected)})
    reports = [engine.run(head, [*local, *judged], baseline=options.baseline)]
    findings = list(reports[0].findings)
    if any(f.rule.startswith(_LOCAL) for f in findings):
        # The base snapshot is asked only about the rules and specs that found something now.
        found = {f.rule for f in findings}
        base_rules = [r for r in local if r.rule.code in found]
        findings = _subtract(findings, _base_findings(base, base_rules), renamed)

    base_notices: list[str] = []
    if graph and _reaches_graph(change):
        graph_head = _context(repo, config, change.head, options)
        graph_base = _context(repo, config, change.base, options)
        try:
            reports.append(engine.run(graph_head, graph, baseline=options.baseline))
            findings += _subtract(reports[-1].findings, _base_findings(graph_base, graph), renamed)
            base_notices += graph_base.notices
        finally:
            graph_head.close()
            graph_base.close()
    notices = [n for report in reports for n in report.notices] + base.notices + base_notices
    findings.sort(key=lambda f: f.sort_key)
    return Report(
        findings=tuple(findings),
        summary=Summary(
            files_checked=len(head.snapshot.entries),
            specs=len(head.checked_spec_paths),
            references=reports[0].summary.references,
            by_rule=dict(sorted(Counter(f.rule for f in findings).items())),
        ),
        rules=tuple(c.rule for c in rules),
        fail_on=config.fail_on,
        notices=tuple(dict.fromkeys(notices)),
        roadmap_mermaid=next((r.roadmap_mermaid for r in reports if r.roadmap_mermaid), ""),
    )


def affected_specs(head: CheckContext, change: ChangeSet, judged: Sequence[ConfiguredRule]) -> list[str]:
    """The specs this change can give new findings to, or that may cover changed code."""
    touched = change.new_paths | change.old_paths
    if not touched:
        return []
    words = words_in(text for path in change.lines for text in change.changed_text(path))
    for tests in {_test_files(c) for c in judged}:
        # A body change names nothing on its changed lines; the symbols it changed do. A new
        # symbol (SD302) is covered by specs naming anything the file defines.
        for code in head.code_changes(tests):
            words.update(part for s in code.symbols for part in s.qualified.split("."))
            if any(c.rule.code == "SD302" for c in judged):
                words.update(code.defined)
    return _naming(head.spec_names, touched, words)


def _naming(table: dict[str, SpecNames], touched: set[str], words: set[str]) -> list[str]:
    """The specs that are touched, or name a touched file (by base name) or one of `words`."""
    basenames = {p.rsplit("/", 1)[-1] for p in touched}
    words = words | {name.split(".", 1)[0] for name in basenames}  # module names
    return [
        spec
        for spec, names in table.items()
        if spec in touched or not names.files.isdisjoint(basenames) or not names.words.isdisjoint(words)
    ]


def _test_files(configured: ConfiguredRule) -> tuple[str, ...]:
    from speclint import coverage

    options = configured.options
    if hasattr(options, "test_files"):
        return (*options.test_files, *options.extend_test_files)
    return coverage.DEFAULT_TEST_FILES


def _reaches_graph(change: ChangeSet) -> bool:
    """Roadmap and traceability findings can change only when a spec or a code comment link does."""
    if any(p.lower().endswith(SPEC_SUFFIXES) for p in change.new_paths | change.old_paths):
        return True  # a spec, before or after the change, or a document a spec links to
    return any("spec" in text for path in change.lines for text in change.changed_text(path))


def _base_findings(base: CheckContext, rules: Sequence[ConfiguredRule]) -> tuple[Finding, ...]:
    from speclint import engine

    if not base.snapshot.entries or not rules:
        return ()
    return engine.run(base, rules).findings



def _subtract(new: Sequence[Finding], old: Sequence[Finding], renamed: dict[str, str]) -> list[Finding]:
    """`new` without the findings `old` already had (a renamed file's findings follow it)."""
    seen: Counter[str] = Counter()
    for finding in old:
        path = renamed.get(finding.location.path, finding.location.path)
        seen[fingerprint_key(finding.rule, path, finding.target, finding.message)] += 1
    fresh = []
    for finding in new:
        key = fingerprint_key(finding.rule, finding.location.path, finding.target, finding.message)
        if seen[key]:
            seen[key] -= 1
            continue
        fresh.append(finding)
    return fresh
