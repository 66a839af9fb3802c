"""Links from code back to specs, written in comments: `# spec: specs/auth.md#mfa`, `// @spec FR-001`.

Found with one `git grep` for `spec:` and `@spec` over the tracked files of the snapshot
(markdown left out), so no source file is parsed; each line found is then read with a stricter
pattern. Only a
comment marker directly before `spec:` or `@spec` counts, so an Elixir `@spec` typespec or a
Kubernetes `spec:` key is not a link; and the marker must start the line or follow a space, so a
`# spec:` quoted in a docstring is not one either.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from speclint import git

if TYPE_CHECKING:
    from speclint.context import CheckContext

# What every link holds, for git grep to find fast; `_LINK` decides (a comment marker that starts
# the line or follows a space, so `# spec:` quoted in prose or docs is not a comment).
MARKERS = ("@spec", "spec:")
_LINK = re.compile(r"(?:^|(?<=\s))(?:#|//|/\*|\*|--|;|<!--)\s*(?:@spec\s+|spec:\s*)(?P<value>[^\s`'\"<>()\[\]{}]+)")
_DOC = re.compile(r"(?P<path>[^#\s]+\.(?:md|mdx|markdown))(?:#(?P<anchor>[^\s]*))?$", re.I)
MARKDOWN = ("**/*.md", "**/*.mdx", "**/*.markdown", "*.md", "*.mdx", "*.markdown")


class CodeLink(NamedTuple):
    """One link from a code comment: to a spec file (and anchor), or to a requirement id."""

    path: str
    line: int
    column: int
    end_column: int
    text: str
    target: str = ""  # the spec file, for a path link
    anchor: str = ""
    id: str = ""  # the requirement id, for an id link


def search(ctx: CheckContext) -> git.GrepLines:
    """Start the `git grep` for spec links in code comments (read by `scan`)."""
    from speclint.snapshot import Source

    snapshot = ctx.snapshot
    return git.GrepLines(
        ctx.repo.root,
        MARKERS,
        cached=snapshot.source is Source.INDEX,
        commit=snapshot.commit if snapshot.source is Source.COMMIT else None,
        exclude=(*MARKDOWN, *ctx.config.exclude),
    )


def scan(ctx: CheckContext, started: git.GrepLines | None = None) -> list[CodeLink]:
    links = []
    for path, number, text in (started or search(ctx)).lines():
        if path in ctx.snapshot.entries:
            links.extend(parse_line(path, number, text))
    return links


@lru_cache(maxsize=1)
def _id_pattern() -> re.Pattern[str]:
    """A requirement or task id. Built on first use: `search` starts before the specs are parsed,
    and needs none of the roadmap's id grammar, which the parse imports in its own time."""
    from speclint.specs.roadmap import ids

    return re.compile(rf"(?:{ids.PREFIXED}|US-?\d+|{ids.TASK_T})")


def parse_line(path: str, number: int, text: str) -> list[CodeLink]:
    links = []
    for match in _LINK.finditer(text):
        value = match.group("value").rstrip(".,;:*/-")
        start = match.start("value")
        column, end = start + 1, start + 1 + len(value)
        doc = _DOC.match(value)
        if doc:
            anchor = doc.group("anchor") or ""
            links.append(CodeLink(path, number, column, end, value, doc.group("path"), anchor))
        elif _id_pattern().fullmatch(value):
            links.append(CodeLink(path, number, column, end, value, id=value))
    return links
