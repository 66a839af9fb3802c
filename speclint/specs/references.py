"""Find the references a spec makes to repository files and to other specs.

A reference records what was written, where and in which block, and whether it is `planned`
(named by an open task or in a feature not yet started, so it may not exist yet). `excuse()`
reads the words around an unresolved reference for removal or rename instructions, struck-through
text and prose that describes the path as future or generated. Rules decide what to report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from speclint.specs.markdown import CodeSpan, Document, Link, Position
from speclint.specs.paths import PathText, find_bare_paths, parse_path

FILE = "file"
SPEC_LINK = "spec-link"

OPEN_STATES = frozenset(" -~")

_REMOVAL_BEFORE = re.compile(
    r"\b(?:remove[sd]?|removing|delete[sd]?|deleting|drop(?:s|ped)?|deprecated?|rename[sd]?|renaming|"
    r"replace[sd]?|replacing|formerly|legacy|obsolete|no longer|instead of|moved? from|migrat\w* from|"
    r"retire[sd]?|old)\b",
    re.I,
)
_REMOVAL_AFTER = re.compile(
    r"^[^.;!?]{0,60}?\b(?:was|were|is|are|has been|have been|got|gets)\s+"
    r"(?:removed|deleted|dropped|deprecated|renamed|replaced|retired|gone)\b|^\s*(?:→|->|=>|⇒)",
    re.I,
)
_PLANNED_BEFORE = re.compile(
    r"\b(?:will|would|to be|planned|proposed|future|todo|tbd|new|generate[sd]?|generating|"
    r"creates?|creating|writes?|produces?|emits?|outputs?|scaffold\w*)\b",
    re.I,
)


_CONTEXT = 200


@dataclass(frozen=True)
class Reference:
    kind: str
    spec: str
    text: str
    position: Position
    block: int
    via: str
    candidate: PathText | None = None
    fragment: str = ""
    planned: bool = False


def extract(doc: Document, *, feature_planned: bool = False) -> list[Reference]:
    """Every file and spec-link reference in `doc`, in document order."""
    refs: list[Reference] = []
    for span in doc.code_spans:
        ref = _from_code(doc, span)
        if ref is not None:
            refs.append(ref)
    for link in doc.links:
        ref = _from_link(doc, link)
        if ref is not None:
            refs.append(ref)
    for run in doc.texts:
        if doc.block(run.block).kind == "heading":
            continue
        for offset, text in find_bare_paths(run.text):
            candidate = parse_path(text)
            if candidate is None:
                continue
            col = run.column + offset
            pos = Position(run.line, col, run.line, col + len(text))
            refs.append(Reference(FILE, doc.path, text, pos, run.block, "text", candidate))
    return [_classify(doc, ref, feature_planned) for ref in _dedupe(refs)]


def _from_code(doc: Document, span: CodeSpan) -> Reference | None:
    text = span.text.strip()
    # `path::symbol` and `path:symbol` name a symbol in a file; the file part is a reference.
    for sep in ("::", "#", ":"):
        head, found, tail = text.partition(sep)
        if found and tail and not tail[0].isdigit() and not tail.startswith("L"):
            candidate = parse_path(head)
            if candidate is not None and candidate.known:
                return Reference(FILE, doc.path, head, span.position, span.block, "code", candidate)
    candidate = parse_path(text)
    if candidate is None:
        return None
    return Reference(FILE, doc.path, text, span.position, span.block, "code", candidate)


def _from_link(doc: Document, link: Link) -> Reference | None:
    target = link.target.strip()
    if not target:
        return None
    path_part, _, fragment = target.partition("#")
    if not path_part:
        return Reference(SPEC_LINK, doc.path, target, link.position, link.block, "link", None, fragment)
    candidate = parse_path(path_part, link=True)
    if candidate is None:
        return None
    kind = SPEC_LINK if candidate.is_doc else FILE
    if kind == FILE and fragment and not re.fullmatch(r"L\d+(?:C\d+)?(?:-L?\d+(?:C\d+)?)?", fragment):
        fragment = ""
    return Reference(kind, doc.path, target, link.position, link.block, "link", candidate, fragment)


def _dedupe(refs: list[Reference]) -> list[Reference]:
    """A bare path inside link text or a code span found twice keeps its first, richest form."""
    seen: set[tuple[int, int, str]] = set()
    out = []
    for ref in sorted(refs, key=lambda r: (r.position.line, r.position.column, r.via != "code")):
        key = (ref.position.line, ref.position.column, ref.text)
        if key in seen:
            continue
        seen.add(key)
        out.append(ref)
    return out


def _classify(doc: Document, ref: Reference, feature_planned: bool) -> Reference:
    state = doc.task_state(ref.block)
    planned = feature_planned or (state is not None and state in OPEN_STATES)
    if not planned:
        return ref
    return Reference(
        ref.kind, ref.spec, ref.text, ref.position, ref.block, ref.via,
        ref.candidate, ref.fragment, planned=True,
    )


def excuse(doc: Document, ref: Reference) -> str:
    """Why the words around a reference say it is not drift, or "" when they don't.

    Only asked for references that did not resolve, so its regexes never run on the many
    references that are fine.
    """
    line = doc.line(ref.position.line)
    # Only the words near a reference say how it is meant; bounded slices keep long lines linear.
    start = ref.position.column - 1
    before = _sentence_tail(line[max(0, start - _CONTEXT) : start])
    end = ref.position.end_column - 1
    after = line[end : end + _CONTEXT] if ref.position.end_line == ref.position.line else ""
    if before.count("~~") % 2 == 1:
        return "struck through"
    if _REMOVAL_BEFORE.search(before) or _REMOVAL_AFTER.search(after):
        return "removal or rename instruction"
    if doc.task_state(ref.block) is None and _PLANNED_BEFORE.search(before):
        return "described as planned or generated"
    return ""


def _sentence_tail(text: str) -> str:
    """The part of `text` after its last sentence break, bounded to keep matching linear."""
    tail = text[-200:]
    cut = max(tail.rfind(". "), tail.rfind("; "), tail.rfind("! "), tail.rfind("? "))
    return tail[cut + 1 :] if cut >= 0 else tail
