"""Text repairs shared by the machine-readable reporters."""

from __future__ import annotations


def repair(text: str) -> str:
    """Turn lone surrogates back into the bytes they stand for, decoded with U+FFFD where invalid.

    git paths that are not valid UTF-8 reach us through `surrogateescape`; written as they are,
    they make the output unencodable (a crash at print time) or invalid JSON/XML for consumers.
    """
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def printable(text: str) -> str:
    """`repair`, plus control characters shown as escapes so spec text cannot drive a terminal."""
    repaired = repair(text)
    if repaired.isprintable():
        return repaired
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in repaired)
