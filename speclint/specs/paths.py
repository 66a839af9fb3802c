"""Decide whether a piece of spec text is confidently a repository path, and normalise it.

Pure string logic, no repository access: `parse_path` answers "is this shaped like a path, and
which path?"; whether it exists is `resolve`'s business. Precision first: URLs, commands, globs,
placeholders, version numbers and dotted code names are never paths.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import unquote

SOURCE_EXTENSIONS = frozenset(
    """py pyi pyx js jsx mjs cjs ts tsx mts cts go rs java kt kts scala groovy gradle c h cc cpp
    cxx hpp hh hxx cs fs vb rb erb php swift m mm dart lua pl pm r jl ex exs erl hrl hs elm clj
    cljs ml mli zig nim sol vue svelte astro sh bash zsh fish ps1 bat sql prisma graphql gql
    proto thrift tf hcl nix""".split()
)
OTHER_EXTENSIONS = frozenset(
    """md mdx markdown rst adoc txt json jsonc json5 yaml yml toml ini cfg conf properties xml
    xsd html htm css scss sass less csv tsv lock mod sum plist png jpg jpeg gif svg webp ico pdf
    scm j2 jinja tmpl tpl""".split()
)
KNOWN_EXTENSIONS = SOURCE_EXTENSIONS | OTHER_EXTENSIONS
KNOWN_NAMES = frozenset(
    """Dockerfile Makefile Procfile Gemfile Rakefile Jenkinsfile Vagrantfile CODEOWNERS
    Containerfile Justfile""".split()
)
DOC_EXTENSIONS = frozenset({"md", "mdx", "markdown"})

_LINE_SUFFIX = re.compile(r"(?::\d+(?:[-:]\d+)?|#L\d+(?:C\d+)?(?:-L?\d+(?:C\d+)?)?)$")
_FORBIDDEN = set(" \t\n*?[]{}<>|;=,\"'`()!$%^&\\") | {"…"}
_FORBIDDEN_IN_LINKS = _FORBIDDEN - {" ", "(", ")", "'", "!", "&", ","}
_SEGMENT = r"[\w@+.\-]+"
_LINK_SEGMENT = r"[\w@+.\-][\w@+.\- (),'!&]*"
# Every `/`-separated segment, none empty, matching the segment shape.
_SEGMENTS = re.compile(rf"{_SEGMENT}(?:/{_SEGMENT})*")
_LINK_SEGMENTS = re.compile(rf"{_LINK_SEGMENT}(?:/{_LINK_SEGMENT})*")
_PLACEHOLDER_SEGMENTS = frozenset(
    {"path", "to", "your", "my", "foo", "bar", "baz", "example", "xxx", "nnn", "yyyy", "some",
     "absolute", "relative"}
)
# Whole link targets that stand for "any target" where a spec describes markdown syntax.
_PLACEHOLDER_TARGETS = frozenset({"url", "uri", "link", "href", "path", "target", "src"})
_PLACEHOLDER_WORDS = re.compile(r"^(?:x{3,}|n{3,}|#+)(?:[-_]|$)|^(?:_+|\.\.\.?)$|^(?:your|my|some)[-_]|-(?:name|here)$", re.I)
_ROUTE_SEGMENT = re.compile(r"^(?:\([\w\-.]+\)|\[{1,2}(?:\.\.\.)?[\w\-]+\]{1,2})(\.\w+)?$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


# Named tuples (and slotted dataclasses where a record changes): a large spec holds hundreds of
# thousands of these; without a per-object __dict__ they take much less memory, and a tuple is the
# quickest record to make, pickle and hash.
class PathText(NamedTuple):
    """A candidate path: `path` is normalised (no `./`, no line suffix); `anchored` = leading `/`."""

    path: str
    anchored: bool
    is_dir: bool
    extension: str

    @property
    def has_dir(self) -> bool:
        return "/" in self.path

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    @property
    def known(self) -> bool:
        return self.extension in KNOWN_EXTENSIONS or self.name in KNOWN_NAMES

    @property
    def is_doc(self) -> bool:
        return self.extension in DOC_EXTENSIONS


def strip_line_suffix(text: str) -> str:
    return _LINE_SUFFIX.sub("", text)


@lru_cache(maxsize=16384)  # specs name the same files again and again
def parse_path(text: str, *, link: bool = False) -> PathText | None:
    """A path if `text` is shaped like one; `link` targets may be percent-encoded."""
    raw = text.strip()
    if not raw or len(raw) > 400:
        return None
    if link:
        raw = unquote(raw.split("?", 1)[0])
    if _SCHEME.match(raw) or raw.startswith(("//", "~", "-", "@")):
        return None
    if link and "@" in raw and "/" not in raw:
        return None  # an e-mail autolink
    if link and raw.lower() in _PLACEHOLDER_TARGETS:
        return None  # `[text](url)`: prose describing link syntax, not a file
    raw = strip_line_suffix(raw)  # before routes too: `app/(app)/page.tsx:20`
    if ("(" in raw or "[" in raw) and any(_ROUTE_SEGMENT.match(s) for s in raw.split("/")):
        return _route_path(raw)
    forbidden = _FORBIDDEN_IN_LINKS if link else _FORBIDDEN
    if not raw or not forbidden.isdisjoint(raw):
        return None
    anchored = raw.startswith("/")
    body = raw.lstrip("/")
    while body.startswith("./"):
        body = body[2:]
    is_dir = body.endswith("/")
    body = body.rstrip("/")
    if not body or "//" in body:
        return None
    if not (_LINK_SEGMENTS if link else _SEGMENTS).fullmatch(body):
        return None
    segments = body.split("/")
    if "." in segments:
        return None
    if _looks_placeholder(segments):
        return None
    name = segments[-1]
    extension = ""
    if "." in name.strip("."):
        extension = name.rsplit(".", 1)[1].lower()
        if extension.isdigit():
            return None
    return PathText(body, anchored, is_dir, extension)


def _route_path(raw: str) -> PathText | None:
    """Next.js-style route folders: `app/(marketing)/page.tsx`, `api/[...all]/route.ts`."""
    def mask(segment: str) -> str:
        match = _ROUTE_SEGMENT.match(segment)
        return segment if match is None else "route" + (match.group(1) or "")

    masked = "/".join(mask(s) for s in raw.split("/"))
    shape = parse_path(masked)
    if shape is None:
        return None
    anchored = raw.startswith("/")
    body = raw.lstrip("/")
    while body.startswith("./"):
        body = body[2:]
    return PathText(body.rstrip("/"), anchored, shape.is_dir, shape.extension)


def _looks_placeholder(segments: list[str]) -> bool:
    lowered = [s.lower() for s in segments]
    if "path" in lowered and "to" in lowered:
        return True
    if len(segments) > 1 and all(s in _PLACEHOLDER_SEGMENTS for s in lowered[:-1]):
        return True
    if any(len(s) > 2 and s.isupper() and "_" in s for s in segments[:-1]):
        return True  # `ASSESS_DIR/problem.md`: a variable standing for a folder
    return any(_PLACEHOLDER_WORDS.search(s.rsplit(".", 1)[0]) for s in segments if s != "..")


def is_confident(candidate: PathText) -> bool:
    """Shaped like a file path with no repository knowledge: a known extension or file name."""
    return candidate.known


_BARE_PATH = re.compile(
    r"(?<![\w/.:@\-])((?:\.{1,2}/)*(?:[\w@+\-][\w@+.\-]*/)+[\w@+\-][\w@+.\-]*\.[A-Za-z][A-Za-z0-9]{0,9})"
    r"(?::\d+(?:-\d+)?)?(?![\w/])"
)
_BARE_NAME_AFTER_VERB = re.compile(
    r"\b(?:in|at|create|creates|update|modify|edit|implement|add|extend|refactor|file)\s+"
    r"([A-Za-z_][\w\-]*\.[A-Za-z][A-Za-z0-9]{0,5})(?![\w/.])",
    re.I,
)


_AT_PATH = re.compile(r"(?<![\w@])@((?:\.{0,2}/)?[\w.\-]+(?:/[\w.\-]+)+\.[A-Za-z][A-Za-z0-9]{0,9})(?![\w/])")


def find_bare_paths(text: str) -> list[tuple[int, str]]:
    """Paths written without backticks in prose: (offset, text) pairs.

    Includes `@path` mentions (GSD plans write `@src/x.py` to pull a file into context).
    """
    if "/" not in text:  # both path shapes have a folder
        found = []
    else:
        found = [(m.start(1), m.group(1)) for m in _BARE_PATH.finditer(text)]
        if "@" in text:
            found += [(m.start(1), m.group(1)) for m in _AT_PATH.finditer(text)]
    taken = {offset for offset, _ in found}
    for m in _BARE_NAME_AFTER_VERB.finditer(text):
        ext = m.group(1).rsplit(".", 1)[1].lower()
        if m.start(1) not in taken and ext in SOURCE_EXTENSIONS:
            found.append((m.start(1), m.group(1)))
    found.sort()
    return found
