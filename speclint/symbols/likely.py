"""Guess, from raw spec bytes, which code files the symbol rules will read.

A cold check parses the specs, then reads the symbol tables of the files the specs tie symbols
to. Both are CPU work for the two processes of `speclint.parallel`; when the files are known
before the specs are parsed, both kinds of work share one split and neither process waits at
the boundary between them. The guess is a line scan: a line that has a backticked name and
names a tracked code file by its repository path (or by a file name only one tracked file has)
very likely ties that name to that file.

A guess only decides what is extracted early. It never changes a result: symbol tables are a
pure function of a file's bytes, and whatever the guess missed is extracted when it is asked
for, as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from speclint.specs.paths import KNOWN_EXTENSIONS
from speclint.symbols import languages

_EXTENSIONS = sorted({ext[1:] for lang in languages.LANGUAGES for ext in lang.extensions}, key=len, reverse=True)
# A run of path characters that ends in a code file's extension (backticks, spaces and quotes end
# it, and so does `:20` after it; Next.js route groups keep their parentheses and brackets). The
# lookbehind lets a match start only where a run starts, which keeps the scan linear: without it,
# a long run with no extension is tried again from each of its characters.
_CODE_PATH = re.compile(
    rb"(?<![\w@$()\[\]+./-])[\w@$()\[\]+./-]*\.(?:"
    + b"|".join(re.escape(e.encode()) for e in _EXTENSIONS)
    + rb")(?![\w/-])"
)
_SPAN = re.compile(rb"`([^`\n]{1,200})`")
# A code span that opens with a name, plain or qualified, maybe called: a symbol, probably.
_NAME = re.compile(rb"\s*[A-Za-z_$][\w$]*(?:(?:\.|::|#|->)[A-Za-z_$][\w$]*)*\s*(?:\(|$)")
MAX_GUESSES = 4096


def code_files(specs: Iterable[bytes], entries: Mapping[str, object]) -> list[str]:
    """Tracked code files named on a spec line beside a backticked name, in first-seen order."""
    by_name: dict[str, list[str]] | None = None
    found: dict[str, None] = {}
    for data in specs:
        if b"`" not in data:
            continue
        lines: dict[int, bool] = {}  # line start -> does the line name a symbol
        for match in _CODE_PATH.finditer(data):
            token = match.group()
            path = _tracked(token.decode("utf-8", "surrogateescape"), entries)
            if path is None and b"/" not in token:
                if by_name is None:
                    by_name = _by_file_name(entries)
                named = by_name.get(token.decode("utf-8", "surrogateescape").lstrip("(["), ())
                path = named[0] if len(named) == 1 else None
            if path is None or path in found:
                continue
            start = data.rfind(b"\n", 0, match.start()) + 1
            if start not in lines:
                end = data.find(b"\n", match.end())
                lines[start] = _names_symbol(data[start : end if end >= 0 else len(data)])
            if lines[start]:
                found[path] = None
                if len(found) >= MAX_GUESSES:
                    return list(found)
    return list(found)


def _tracked(text: str, entries: Mapping[str, object]) -> str | None:
    """`text` as a tracked path: as written, without a leading `./`, or without an opening
    parenthesis or bracket of the prose around it (Next.js route groups keep theirs)."""
    while text.startswith("./"):
        text = text[2:]
    if text in entries:
        return text
    bare = text.lstrip("([")
    return bare if bare != text and bare in entries else None


def _names_symbol(line: bytes) -> bool:
    return any(_NAME.match(span) and not _is_file_name(span) for span in _SPAN.findall(line))


def _is_file_name(span: bytes) -> bool:
    """`README.md`, `mfa.py`: a name with a file extension is a file, not a symbol."""
    head, dot, extension = span.strip().rpartition(b".")
    return bool(dot) and extension.decode("ascii", "replace").lower() in KNOWN_EXTENSIONS


def _by_file_name(entries: Mapping[str, object]) -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for path in entries:
        if languages.for_path(path) is not None:
            names.setdefault(path.rsplit("/", 1)[-1], []).append(path)
    return names
