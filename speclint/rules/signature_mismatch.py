"""## What it does
Flags a call form written in a spec, such as `validateCode(userId, code)`, whose parameters
disagree with the definition in the code: a different count, or different names.

## Why is this bad?
Specs written for AI assistants spell out interfaces. When the code's parameters change and the
spec keeps the old list, the next change is built against the wrong contract.

## Example
```markdown
- [x] Define `validateCode(userId, code)` in `src/auth/mfa.py`
```
when the code says `def validateCode(user_id, code, now):`

    specs/mfa.md:1:14: SD104 `validateCode(userId, code)` does not match the definition `validateCode(user_id, code, now)` at src/auth/mfa.py:12: 2 parameters written, 3 required

Compared: the count (too few required parameters, or more than the definition takes), and the
names when a list of two or more shares no name with the definition at all. Names match up to
case, `_` and abbreviation (`userId`/`user_id`, `nid`/`node_id`, `timer`/`timerId`): specs often
write a call with their own argument names, and a change to a list the spec once matched is
SD201 stale-signature's to report. Ignored: `self`, `cls`, `this` and receivers, types, default
values; parameters with defaults may be left out; variadic parameters take any number; a single
parameter named (`f(threshold)`) points at that parameter. `f()` with empty parentheses means
"a function", never "no parameters". Arguments that are literals or constants (`f("x", 3)`,
`f(MAX)`) are not compared. With several definitions (overloads), one that matches is enough.
A bare call form tied to no file is compared only with functions, or with methods of types the
spec names: `Unmount(mountPoint)` under a planned `MountManager` says nothing about some other
type's `Unmount()`.

## How to fix
Update the spec's parameter list to the code's, or the code to the spec's.

## Options
None.

## Silence it
`<!-- speclint-disable-next-line SD104 -->` on the line before, or `ignore = ["SD104"]` in the
configuration.
"""

from __future__ import annotations

from collections.abc import Iterator
from operator import methodcaller

from speclint.context import CheckContext
from speclint.findings import Location, Problem, Related, Severity
from speclint.rules.rule import NoOptions, Rule
from speclint.symbols.extract import Param
from speclint.symbols.resolve import FOUND


def check(ctx: CheckContext, options: NoOptions) -> Iterator[Problem]:
    for ref, res in ctx.symbol_resolutions.items():
        if res.status != FOUND or ref.args is None or not ref.comparable:
            continue
        callables = [d for d in res.definitions if d.symbol.params is not None]
        if res.tied:
            callables = [d for d in callables if d.path in res.tied] or callables
        elif not ref.qualifiers:
            # A bare `Unmount(mountPoint)` found only as a method: compare it only with methods of
            # types the spec names (OneMount's MountManager list matched a test fixture's Unmount()).
            text = ctx.specs[ref.spec].document.text
            callables = [d for d in callables if not d.symbol.container or d.symbol.container.rsplit(".", 1)[-1] in text]
        if not callables:
            continue
        verdicts = [(d, disagreement(ref.args, d.symbol.params or ())) for d in callables]
        if any(reason is None for _, reason in verdicts):
            continue
        definition, reason = verdicts[0]
        params = ", ".join(p.name for p in definition.symbol.params or ())
        pos = ref.position
        written = f"{ref.qualified}({', '.join(a.split()[0] for a in ref.args)})"
        yield Problem(
            Location(ref.spec, pos.line, pos.column, pos.end_line, pos.end_column),
            f"`{written}` does not match the definition `{definition.symbol.name}({params})` "
            f"at {definition.path}:{definition.symbol.line}: {reason}",
            ref.qualified,
            (Related(definition.path, definition.symbol.line, "defined here"),),
        )


def disagreement(args: tuple[str, ...], params: tuple[Param, ...]) -> str | None:
    """Why a written argument list disagrees with a parameter list, or None when it agrees."""
    args = tuple(a for a in args if a.split()[-1] not in ("self", "cls", "this", "&self", "&mut"))
    required = [p for p in params if not p.optional and not p.variadic]
    variadic = any(p.variadic for p in params)
    names = [p.name for p in params]
    if len(args) < len(required):
        if not _prefix(args, names) and all(any(_same(w, n) for w in a.split() for n in names) for a in args):
            return None  # `f(threshold)`: the spec points at one parameter, not the whole list
        return f"{len(args)} parameter{'s' if len(args) != 1 else ''} written, {len(required)} required"
    if len(args) > len(params) and not variadic:
        return f"{len(args)} parameters written, the definition takes {len(params)}"
    # Names alone are weak evidence (specs write calls with their own argument names), so they
    # count only when a longer list shares no name with the definition at all. Changes to a
    # list the spec once matched are SD201's to report.
    comparable = [(a, p) for a, p in zip(args, params) if not p.variadic and _named(p.name)]
    if len(comparable) >= 2 and not any(any(_same(w, n) for w in a.split() for n in names) for a, _ in comparable):
        written, param = comparable[0]
        return f"`{written.split()[0]}` is written where the definition has `{param.name}`, and no other name matches"
    return None


def _named(name: str) -> bool:
    return name.isidentifier() and name != "_" and name not in ("int", "char", "bool", "float", "double", "long")


def _prefix(args: tuple[str, ...], names: list[str]) -> bool:
    return all(any(_same(w, n) for w in a.split()) for a, n in zip(args, names))


def _same(a: str, b: str) -> bool:
    """The same name up to case, `_` and abbreviation: `timer`/`timerId`, `nid`/`node_id`,
    `ec2_id`/`ec2_instance_id`, `new_id`/`id`. Different names (`candles`/`df`) stay different."""
    x = a.replace("_", "").lower().lstrip("$")
    y = b.replace("_", "").lower().lstrip("$")
    if x == y:
        return True
    short, long = sorted((x, y), key=len)
    if len(short) >= 2 and (long.startswith(short) or long.endswith(short)):
        return True
    return short[:1] == long[:1] and _subsequence(short, long)


def _subsequence(short: str, long: str) -> bool:
    rest = iter(long)
    return all(ch in rest for ch in short)


RULE = Rule(
    "SD104", "signature-mismatch", Severity.WARNING, check=check, doc=__doc__ or "", prefetch=methodcaller("expect_symbols")
)
