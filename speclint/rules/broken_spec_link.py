"""## What it does
Flags a link from a spec to another spec or to a heading (`other.md#section`, `#section`) that
does not resolve: the file is not tracked, or it has no heading with that anchor.

## Why is this bad?
Specs are a web of documents: a plan links the requirements it implements, a task links the
design section it follows. A broken link hides the context the reader (or the AI assistant)
needs, and usually means a heading or a file was renamed without updating its callers.

## Example
```markdown
See [the MFA design](design.md#code-expiry).
```
where `design.md` now calls that heading "Code expiry time" gives

    specs/mfa/plan.md:1:5: SD105 link target `design.md#code-expiry` has no heading with anchor `code-expiry` in `specs/mfa/design.md`; did you mean `#code-expiry-time`?

Anchors follow GitHub's rules: lower case, punctuation dropped, spaces become hyphens, and a
repeated heading gets `-1`, `-2`. Explicit `<a id="…">` anchors count too. Links are resolved
relative to the spec, then from the repository root, as authors often mean.

## How to fix
Point the link at the file's or the heading's new name.

## Options
None.

## Silence it
`<!-- speclint-disable-next-line SD105 -->` on the line before, or `ignore = ["SD105"]` in the
configuration.
"""

from __future__ import annotations

from collections.abc import Iterator

from speclint.context import CheckContext
from speclint.findings import Location, Problem, Severity
from speclint.resolve import FOUND, MISSING, OUTSIDE
from speclint.rules.missing_file import likely_fix
from speclint.rules.rule import NoOptions, Rule
from speclint.specs.references import SPEC_LINK


def check(ctx: CheckContext, options: NoOptions) -> Iterator[Problem]:
    import difflib

    links = [(ref, res) for ref, res in ctx.resolutions.items() if ref.kind == SPEC_LINK]
    missing = [res.path for ref, res in links if res.status == MISSING]
    generated = ctx.ignored(missing)
    for ref, res in links:
        if res.status != FOUND and (ref.planned or ctx.excuse(ref)):
            continue
        pos = ref.position
        location = Location(ref.spec, pos.line, pos.column, pos.end_line, pos.end_column)
        if res.status == OUTSIDE:
            yield Problem(location, f"link target `{ref.text}` points outside the repository", res.path)
            continue
        if res.status == MISSING:
            if res.path not in generated:
                hint, related = likely_fix(ctx, res.path)
                message = f"link target `{ref.text}` does not resolve: `{res.path}` is not a tracked file"
                yield Problem(location, f"{message}; {hint}" if hint else message, res.path, related)
            continue
        if res.status != FOUND:
            continue
        missing = ctx.missing_anchor(ref, res)
        if missing is None:
            continue
        anchor, anchors = missing
        target = res.path if ref.candidate is not None else ref.spec
        close = difflib.get_close_matches(anchor, sorted(anchors), n=1, cutoff=0.6)
        hint = f"; did you mean `#{close[0]}`?" if close else ""
        where = "this spec" if ref.candidate is None else f"`{target}`"
        yield Problem(
            location,
            f"link target `{ref.text}` has no heading with anchor `{anchor}` in {where}{hint}",
            ref.text,
        )


RULE = Rule("SD105", "broken-spec-link", Severity.ERROR, check=check, doc=__doc__ or "")
