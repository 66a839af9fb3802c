"""Run the selected rules over a context and turn their problems into a sorted `Report`.

Rules yield plain problems; here they are stamped with code, name and severity, filtered by
inline suppressions and the baseline, fingerprinted so the fingerprint survives line moves,
and sorted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from collections.abc import Collection, Sequence

from speclint.context import CheckContext
from speclint.findings import Finding, Summary, fingerprint, fingerprint_key
from speclint.report import Report
from speclint.selection import ConfiguredRule


def run(
    ctx: CheckContext,
    rules: Sequence[ConfiguredRule],
    *,
    baseline: Collection[str] = (),
) -> Report:
    raw: list[Finding] = []
    for configured in rules:
        if configured.rule.prefetch is not None:
            configured.rule.prefetch(ctx)
    for configured in rules:
        rule = configured.rule
        for problem in rule.check(ctx, configured.options):
            raw.append(
                Finding(
                    rule=rule.code,
                    name=rule.name,
                    severity=configured.severity,
                    location=problem.location,
                    message=problem.message,
                    target=problem.target,
                    related=problem.related,
                )
            )
    raw.sort(key=lambda f: f.sort_key)
    occurrences: Counter[str] = Counter()
    findings = []
    for finding in _unique(raw):
        if _suppressed(ctx, finding):
            continue
        key = fingerprint_key(finding.rule, finding.location.path, finding.target, finding.message)
        occurrences[key] += 1
        stamped = replace(finding, fingerprint=fingerprint(key, occurrences[key]))
        if stamped.fingerprint in baseline:
            continue
        findings.append(stamped)
    by_rule = Counter(f.rule for f in findings)
    summary = Summary(
        files_checked=len(ctx.snapshot.entries),
        specs=len(ctx.checked_spec_paths),
        references=len(ctx.references) + len(ctx.symbol_references),
        by_rule=dict(sorted(by_rule.items())),
    )
    return Report(
        findings=tuple(findings),
        summary=summary,
        rules=tuple(c.rule for c in rules),
        fail_on=ctx.config.fail_on,
        notices=tuple(ctx.notices),
        roadmap_mermaid=_roadmap_graph(ctx, findings),
    )


def _roadmap_graph(ctx: CheckContext, findings: list[Finding]) -> str:
    """A mermaid graph of the roadmap items that roadmap findings are about, for the markdown report."""
    about = [f for f in findings if f.rule.startswith("SD4")]
    if not about or "roadmap" not in ctx.__dict__:
        return ""
    from speclint.reporters import roadmap_mermaid
    from speclint.specs.roadmap import view

    places = {(f.location.path, f.location.line) for f in about}
    places |= {(r.path, r.line) for f in about for r in f.related}
    focus = view.focus(ctx.roadmap, places)
    return roadmap_mermaid.render(view.build(ctx.roadmap, sorted({path for path, _ in places}), focus=focus))


def _unique(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[object, ...]] = set()
    out = []
    for f in findings:
        key = (f.rule, f.location, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _suppressed(ctx: CheckContext, finding: Finding) -> bool:
    spec = ctx.specs.get(finding.location.path) if "specs" in ctx.__dict__ else None
    if spec is None:
        return False
    return spec.suppressions.suppresses(finding.rule, finding.name, finding.location.line)
