"""## What it does
Flags a file a spec names that speclint has no grammar for (configuration, scripts, schemas,
SQL, docs) and that changed in `min-commits` or more commits since the spec was last changed (or
reviewed). Source files with a grammar are judged symbol by symbol instead (SD201, SD202): a
module changes all the time without its spec going stale.

## Why is this bad?
Specs point at configuration, scripts, schemas and modules as a whole. When the file keeps
changing and the spec does not, the spec's description of it drifts.

## Example

    specs/deploy.md:3:9: SD203 `deploy/config.yaml` changed in 4 commits since this spec was last edited (latest: 1a2b3c4 Raise the pool size)

Baselines, `Spec-Reviewed:` trailers, renames and shallow clones work as for SD201.

## How to fix
Read the changes, update the spec, or record a review with a `Spec-Reviewed: <spec path>`
trailer.

## Options
`min-commits` (integer, default 3): how many commits that changed the file make it stale.

## Silence it
`<!-- speclint-disable-next-line SD203 -->` on the line before, `ignore = ["SD203"]`, or a higher
`min-commits` in `[tool.speclint.rules.SD203]`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from operator import methodcaller

from speclint.context import CheckContext
from speclint.findings import Location, Problem, Severity
from speclint.rules.rule import Rule


@dataclass(frozen=True)
class Options:
    min_commits: int = 3


def check(ctx: CheckContext, options: Options) -> Iterator[Problem]:
    for drift in ctx.file_drift:
        count = len(drift.commits)
        if count < options.min_commits:
            continue
        latest = drift.commits[0]
        pos = drift.ref.position
        yield Problem(
            Location(drift.ref.spec, pos.line, pos.column, pos.end_line, pos.end_column),
            f"`{drift.path}` changed in {count} commits since this spec was last edited "
            f"(latest: {latest.describe() if latest.sha else latest.subject})",
            drift.path,
        )


RULE = Rule(
    "SD203", "stale-file", Severity.INFO, check=check, doc=__doc__ or "", options=Options,
    prefetch=methodcaller("start_history"),
)
