"""## What it does
In a change set, flags a public definition added to a covered code file (one a spec covers, see
SD301) when no spec mentions its name. Off by default.

## Why is this bad?
New public surface in specified code is a decision the spec should record; left out, the spec
describes less and less of what the module offers.

## Example
`specs/auth.md` covers `src/auth.py`; a commit adds `def revoke_all(user):` there and no spec
names `revoke_all`:

    src/auth.py:40:1: SD302 public `revoke_all` is new in `src/auth.py`, which `specs/auth.md` covers, and no spec mentions it

Public means not starting with `_` (in Go, starting with a capital letter). Files matching
SD301's default `test-files` globs are left out.

## How to fix
Describe the new symbol in the covering spec, or make it private.

## Options
None.

## Silence it
Leave it off (the default), or `ignore = ["SD302"]`.
"""

from __future__ import annotations

from collections.abc import Iterator

from speclint import coverage
from speclint.context import CheckContext
from speclint.findings import Location, Problem, Related, Severity
from speclint.rules.rule import NoOptions, Rule

_PUBLIC_KINDS = frozenset({"function", "class", "method", "interface", "struct", "enum", "trait", "type", "module"})


def check(ctx: CheckContext, options: NoOptions) -> Iterator[Problem]:
    if ctx.change_set is None:
        return
    mentioned: set[str] | None = None
    for code in ctx.code_changes(coverage.DEFAULT_TEST_FILES):
        public = [s for s in code.added if s.kind in _PUBLIC_KINDS and _is_public(s.name, code.path)]
        if not public:
            continue
        covers = coverage.covering_specs(ctx, ctx.base_context, code, "file", whole=True)
        specs = sorted({c.spec for c in covers})
        if not specs:
            continue
        if mentioned is None:
            mentioned = coverage.mentioned_names(ctx)
        for symbol in public:
            if symbol.name in mentioned or symbol.qualified in mentioned:
                continue
            names = ", ".join(f"`{s}`" for s in specs)
            yield Problem(
                Location(code.path, symbol.line, 1, symbol.line, 1),
                f"public `{symbol.qualified}` is new in `{code.path}`, which {names} "
                f"{'covers' if len(specs) == 1 else 'cover'}, and no spec mentions it",
                symbol.qualified,
                tuple(Related(s, 1, "covers this file") for s in specs),
            )


def _is_public(name: str, path: str) -> bool:
    if name.startswith("_"):
        return False
    if path.endswith(".go"):
        return name[:1].isupper()
    return True


RULE = Rule("SD302", "unspecced-symbol", Severity.INFO, check=check, doc=__doc__ or "", options=NoOptions, enabled_by_default=False)
