"""## What it does
Flags a code symbol named in a spec (`validateCode`, `MFAService.generateCode`,
`auth::mfa::verify`, `generateCode(userId)`) that no tracked source file defines, and says what
it most likely became.

## Why is this bad?
Specs name the functions, classes and methods that implement them. When the code renames or
removes one and the spec keeps the old name, readers and AI assistants build against a contract
that no longer exists.

## Example
```markdown
- [x] Define interface: `generateCode(userId)`, `validateCode(userId, code)` in `src/auth/mfa.py`
```
after `validateCode` is renamed to `verifyCode`:

    specs/mfa.md:1:50: SD102 `validateCode` is not defined in any tracked source file; it became `verifyCode` in 1a2b3c4 (src/auth/mfa.py:12)

Only names that are surely this repository's are reported: git history shows them defined here
and removed after the spec was added (a name gone before the spec existed is no proof the spec
meant it), or their qualifier is a class or module of this repository (`MFAService.generateCode`), or a
done task ties them to a source file. Never reported: names the code mentions without defining
(imports, parameters, fields, inherited methods), external names (`os.path.join`,
`crypto.randomInt()`, `JSON.parse`), keywords and literals, plain words (`Redis`), commands,
format strings, and names in open tasks or features not started. Bare names are checked only
when shaped like code (`snake_case`, `camelCase`, `MFAService`). Files in languages without a
grammar are checked at file level only.

## How to fix
Update the spec to the symbol's new name, or drop the reference if it is gone for good.

## Options
None.

## Silence it
`<!-- speclint-disable-next-line SD102 -->` on the line before, or `ignore = ["SD102"]` in the
configuration.
"""

from __future__ import annotations

from collections.abc import Iterator
from operator import methodcaller

from speclint.context import CheckContext
from speclint.findings import Location, Problem, Related, Severity
from speclint.rules.rule import NoOptions, Rule
from speclint.symbols.resolve import MISSING


def check(ctx: CheckContext, options: NoOptions) -> Iterator[Problem]:
    for ref, res in ctx.symbol_resolutions.items():
        if res.status != MISSING or ctx.excuse(ref):
            continue
        pos = ref.position
        location = Location(ref.spec, pos.line, pos.column, pos.end_line, pos.end_column)
        shown = ref.qualified if ref.qualifiers else ref.name
        if ref.qualifiers and not res.fix or (res.fix and not res.fix.from_history and ref.qualifiers):
            message = f"`{ref.qualifiers[-1]}` has no member `{ref.name}` in any tracked source file"
        else:
            message = f"`{shown}` is not defined in any tracked source file"
        related: tuple[Related, ...] = ()
        if res.fix is not None:
            message += f"; {res.fix.text}"
            related = tuple(Related(path, line, text) for path, line, text in res.fix.related)
        yield Problem(location, message, ref.qualified, related)


RULE = Rule(
    "SD102", "missing-symbol", Severity.ERROR, check=check, doc=__doc__ or "", prefetch=methodcaller("expect_symbols")
)
