"""Turn spec bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, else latin-1.

Never raises: a spec in a legacy encoding is still checked, with a note saying how it was read.
A file holding NUL bytes (and no UTF-16 BOM) is binary and is not read as text at all.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass


@dataclass(frozen=True)
class Decoded:
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
        return Decoded(
            _normalize_newlines(data.decode("latin-1")),
            f"not valid UTF-8 (byte {exc.start}); decoded as latin-1",
        )
    return Decoded(_normalize_newlines(text))


def _normalize_newlines(text: str) -> str:
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")
