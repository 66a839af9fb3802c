"""Turn spec bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, else latin-1.

Never raises: a spec in a legacy encoding is still checked, with a note saying how it was read.
A file holding NUL bytes (and no UTF-16 BOM) is binary and is not read as text at all.
"""

from __future__ import annotations

import codecs
from typing import NamedTuple


class Decoded(NamedTuple):
    text: str | None
    note: str = ""


def decode(data: bytes) -> Decoded:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", "replace")
        return Decoded(_normalize_newlines(text), "decoded as UTF-16")
    if b"\0" in data:
        return Decoded(None, "binary file (contains NUL bytes); not checked")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return _mixed(data, exc.start)
    return Decoded(_normalize_newlines(text))


def _mixed(data: bytes, first_bad: int) -> Decoded:
    """Decode line by line: UTF-8 where it is valid, latin-1 where it is not.

    Files that are mostly UTF-8 with a stray legacy byte keep their UTF-8 text intact; files
    written wholly in latin-1 come out right too.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    lines = []
    legacy = 0
    for raw in data.split(b"\n"):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(raw.decode("latin-1"))
            legacy += 1
    first_line = data.count(b"\n", 0, first_bad) + 1
    note = f"not valid UTF-8 (first at line {first_line}); {legacy} line(s) decoded as latin-1"
    return Decoded(_normalize_newlines("\n".join(lines)), note)


def _normalize_newlines(text: str) -> str:
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")
