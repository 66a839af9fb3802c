"""## What it does
Flags a function or method a spec names whose body changed in `min-commits` or more commits
since the spec was last changed (or reviewed). Comment-, whitespace- and docstring-only edits do
not count, and neither do classes (their bodies are their members, which specs name on their own).

## Why is this bad?
A function that keeps changing while its spec stays the same is likely to do something the spec
no longer says. One or two edits are usually fixes; several are a new behaviour.

## Example
The spec names `issue`; since the spec's last edit its body changed in five commits:

    specs/auth.md:5:7: SD202 `issue` changed in 5 commits since this spec was last edited (latest: 4d5e6f7 Rotate codes hourly)

Baselines, reviews (`Spec-Reviewed:` trailers), code written after the spec, renames and shallow
clones work as for SD201 stale-signature.

## How to fix
Read the changes (`git log -p <baseline>.. -- <file>`), update the spec if the behaviour
changed, or record a review with a `Spec-Reviewed: <spec path>` trailer.

## Options
`min-commits` (integer, default 3): how many commits that changed the body make it stale.

## Silence it
`<!-- speclint-disable-next-line SD202 -->` on the line before, `ignore = ["SD202"]`, or a higher
`min-commits` in `[tool.speclint.rules.SD202]`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from operator import methodcaller

from speclint.context import CheckContext
from speclint.findings import Location, Problem, Related, Severity
from speclint.rules.rule import Rule


@dataclass(frozen=True)
class Options:
    min_commits: int = 3


def check(ctx: CheckContext, options: Options) -> Iterator[Problem]:
    for drift in ctx.symbol_drift:
        count = len(drift.body_commits)
        if count < options.min_commits:
            continue
        ref, definition = drift.ref, drift.definition
        latest = drift.body_commits[0]
        pos = ref.position
        yield Problem(
            Location(ref.spec, pos.line, pos.column, pos.end_line, pos.end_column),
            f"`{ref.qualified}` changed in {count} commits since this spec was last edited "
            f"(latest: {latest.describe() if latest.sha else latest.subject})",
            definition.symbol.qualified,
            (Related(definition.path, definition.symbol.line, "defined here"),),
        )


RULE = Rule(
    "SD202", "stale-body", Severity.INFO, check=check, doc=__doc__ or "", options=Options,
    prefetch=methodcaller("start_symbol_history"),
)
