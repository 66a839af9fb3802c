"""## What it does
Flags a symbol that exists, but not in the file the spec ties it to: the spec names it in the
same task, list item or table row as a path (or writes `path::symbol`), and that file neither
defines nor mentions it.

## Why is this bad?
"Add `verify` to `src/auth/mfa.py`" tells the reader where the code lives. When the code moved
to another module and the spec still points at the old file, people and AI assistants look for
(or re-create) the function in the wrong place.

## Example
```markdown
- [x] Implement `verify(code)` in `src/auth/mfa.py`
```
after `verify` moved to `src/auth/otp.py`:

    specs/mfa.md:1:17: SD103 `verify` is not defined in `src/auth/mfa.py`; it is defined in `src/auth/otp.py:12`

A tied file that mentions the name (it calls or imports it) is not a misplacement, nor is a
name defined only as a field (`authorId`): a column or key any file may filter on. In a done
task, names after an aside about the file (`` `migrate.py` (versioned DDL), `init_db()` ``) are
the task's other items, not the file's contents.

## How to fix
Point the spec at the file that now defines the symbol.

## Options
None.

## Silence it
`<!-- speclint-disable-next-line SD103 -->` on the line before, or `ignore = ["SD103"]` in the
configuration.
"""

from __future__ import annotations

from collections.abc import Iterator
from operator import methodcaller

from speclint.context import CheckContext
from speclint.findings import Location, Problem, Related, Severity
from speclint.rules.rule import NoOptions, Rule
from speclint.symbols.resolve import MISPLACED


def check(ctx: CheckContext, options: NoOptions) -> Iterator[Problem]:
    for ref, res in ctx.symbol_resolutions.items():
        if res.status != MISPLACED or ctx.excuse(ref):
            continue
        pos = ref.position
        location = Location(ref.spec, pos.line, pos.column, pos.end_line, pos.end_column)
        tied = " or ".join(f"`{p}`" for p in res.tied)
        first = res.definitions[0]
        elsewhere = f"`{first.path}:{first.symbol.line}`"
        if len(res.definitions) > 1:
            elsewhere += f" (and {len(res.definitions) - 1} more)"
        related = tuple(Related(d.path, d.symbol.line, "defined here") for d in res.definitions[:3])
        related += tuple(Related(p, 1, "the file the spec names") for p in res.tied)
        yield Problem(
            location,
            f"`{ref.qualified}` is not defined in {tied}; it is defined in {elsewhere}",
            ref.qualified,
            related,
        )


RULE = Rule(
    "SD103", "misplaced-symbol", Severity.WARNING, check=check, doc=__doc__ or "", prefetch=methodcaller("expect_symbols")
)
