"""## What it does
Flags a symbol a spec names whose signature changed after the spec was last changed (or last
reviewed), and shows the old and new signature and the commit that changed it.

## Why is this bad?
A spec describes an interface. When the code's signature moves on (a parameter added, a return
type changed) and the spec is not touched, the spec still documents the old contract, and the
next reader or AI assistant builds against it.

## Example
The spec names `verify`, last edited in commit `a1b2c3d`; since then `verify(code)` became
`verify(code, user_id)`:

    specs/auth.md:4:7: SD201 `verify` changed its signature after this spec was last edited: was `def verify(code):`, now `def verify(code, user_id):` (9f8e7d6 Check the user too)

The spec's baseline is the last commit that changed it, or a later commit whose message has a
`Spec-Reviewed: specs/auth.md` trailer (a path or glob): a review without an edit. An edit to
the spec not committed yet counts as a review. Code written after the spec (the spec came first,
as spec-driven work goes) is compared from its first version on: implementing the spec is not
drift. Renames of the file are followed. History rules are skipped, with one notice, in a
shallow clone.

## How to fix
Update the spec to the new signature, or, when the spec is still right, record a review with an
empty commit: `git commit --allow-empty -m "Review auth spec" -m "Spec-Reviewed: specs/auth.md"`.

## Options
None.

## Silence it
`<!-- speclint-disable-next-line SD201 -->` on the line before, or `ignore = ["SD201"]` in the
configuration.
"""

from __future__ import annotations

from collections.abc import Iterator
from operator import methodcaller

from speclint.context import CheckContext
from speclint.findings import Location, Problem, Related, Severity
from speclint.rules.rule import NoOptions, Rule


def check(ctx: CheckContext, options: NoOptions) -> Iterator[Problem]:
    for drift in ctx.symbol_drift:
        if drift.signature_commit is None:
            continue
        ref, definition = drift.ref, drift.definition
        pos = ref.position
        when = drift.signature_commit.describe() if drift.signature_commit.sha else drift.signature_commit.subject
        yield Problem(
            Location(ref.spec, pos.line, pos.column, pos.end_line, pos.end_column),
            f"`{ref.qualified}` changed its signature after this spec was last edited: "
            f"was `{drift.old_signature}`, now `{definition.symbol.signature}` ({when})",
            definition.symbol.qualified,
            (Related(definition.path, definition.symbol.line, "the signature now"),),
        )


RULE = Rule(
    "SD201", "stale-signature", Severity.WARNING, check=check, doc=__doc__ or "",
    prefetch=methodcaller("start_symbol_history"),
)
