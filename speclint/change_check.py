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

from speclint import coverage, engine, git
from speclint.changes import ChangeSet
from speclint.config import Config
from speclint.context import CheckContext
from speclint.findings import Finding, Summary, fingerprint_key
from speclint.report import Report
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


def run(repo: git.Repository, config: Config, change: ChangeSet, rules: Sequence[ConfiguredRule], options: Options) -> Report:
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


def _context(repo: git.Repository, config: Config, snap, options: Options) -> CheckContext:  # type: ignore[no-untyped-def]
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
    local = [r for r in rules if r.rule.code.startswith(_LOCAL)]
    graph = [r for r in rules if r.rule.code.startswith(_GRAPH)]
    judged = [r for r in rules if r.rule.code.startswith(_CHANGE)]
    renamed = {c.old_path: c.new_path for c in change.files if c.old_path and c.new_path and c.old_path != c.new_path}

    affected = affected_specs(head, change, judged)
    head.restrict(affected)
    base.restrict({*affected, *(old for old, new in renamed.items() if new in affected)})
    reports = [engine.run(head, [*local, *judged], baseline=options.baseline)]
    findings = _subtract(reports[0].findings, _base_findings(base, local), renamed)

    if graph and _reaches_graph(head, change):
        graph_head = _context(repo, config, change.head, options)
        graph_base = _context(repo, config, change.base, options)
        try:
            reports.append(engine.run(graph_head, graph, baseline=options.baseline))
            findings += _subtract(reports[-1].findings, _base_findings(graph_base, graph), renamed)
            reports[-1] = replace_notices(reports[-1], graph_base.notices)
        finally:
            graph_head.close()
            graph_base.close()
    notices = [n for report in reports for n in report.notices]
    notices += [n for n in base.notices if n not in notices]
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
    basenames = {p.rsplit("/", 1)[-1] for p in touched}
    words = coverage.words(text for path in change.lines for text in change.changed_text(path))
    words |= {p.rsplit("/", 1)[-1].split(".", 1)[0] for p in touched}  # module names
    for tests in {_test_files(c) for c in judged}:
        # A body change names nothing on its changed lines; the symbols it changed do. A new
        # symbol (SD302) is covered by specs naming anything the file defines.
        for code in head.code_changes(tests):
            words.update(part for s in code.symbols for part in s.qualified.split("."))
            if any(c.rule.code == "SD302" for c in judged):
                words.update(code.defined)
    affected = []
    for spec in head.spec_paths:
        if spec in touched:
            affected.append(spec)
            continue
        parsed = head._parsed(spec)
        if parsed is None:
            continue
        if any(_names_a_touched_file(ref.candidate.path if ref.candidate else ref.text, basenames) for ref in parsed.references):
            affected.append(spec)
        elif any(ref.name in words or words.intersection(ref.qualifiers) or (ref.file_hint and _names_a_touched_file(ref.file_hint, basenames)) for ref in parsed.symbols):
            affected.append(spec)
    return affected


def _test_files(configured: ConfiguredRule) -> tuple[str, ...]:
    options = configured.options
    if hasattr(options, "test_files"):
        return (*options.test_files, *options.extend_test_files)
    return coverage.DEFAULT_TEST_FILES


def _names_a_touched_file(text: str, basenames: set[str]) -> bool:
    return text.rstrip("/").rsplit("/", 1)[-1] in basenames


def _reaches_graph(head: CheckContext, change: ChangeSet) -> bool:
    """Roadmap and traceability findings can change only when a spec or a code comment link does."""
    specs = set(head.spec_paths)
    if (change.new_paths | change.old_paths) & specs:
        return True
    if any(p.lower().endswith((".md", ".mdx", ".markdown")) for p in change.new_paths | change.old_paths):
        return True  # a spec in the base snapshot, or a document a spec links to
    return any("spec" in text for path in change.lines for text in change.changed_text(path))


def _base_findings(base: CheckContext, rules: Sequence[ConfiguredRule]) -> tuple[Finding, ...]:
    if not base.snapshot.entries or not rules:
        return ()
    return engine.run(base, rules).findings


def replace_notices(report: Report, extra: Sequence[str]) -> Report:
    from dataclasses import replace

    return replace(report, notices=tuple(dict.fromkeys((*report.notices, *extra))))


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
