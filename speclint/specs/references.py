"""Find the references a spec makes to repository files and to other specs.

A reference records what was written, where and in which block, and whether it is `planned`
(named by an open task or in a feature not yet started, so it may not exist yet). `excuse()`
reads the words around an unresolved reference for removal or rename instructions, struck-through
text and prose that describes the path as future or generated. Rules decide what to report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple, Protocol

from speclint.specs.markdown import CodeSpan, Document, Link, Position
from speclint.specs.paths import KNOWN_EXTENSIONS, KNOWN_NAMES, PathText, find_bare_paths, parse_path, strip_line_suffix

FILE = "file"
SPEC_LINK = "spec-link"

OPEN_STATES = frozenset(" -~")

# Words that, shortly before a path, say it is being removed or renamed (so its absence is the point).
_REMOVAL_BEFORE = (
    r"(?i)\b(?:remove[sd]?|removing|delete[sd]?|deleting|drop(?:s|ped)?|deprecated?|rename[sd]?|renaming|"
    r"replace[sd]?|replacing|formerly|legacy|obsolete|no longer|instead of|moved? from|migrat\w* from|"
    r"retire[sd]?|previously|originally|was called)\b")
_REMOVAL_AFTER = (
    r"(?i)^[^.;!?]{0,60}?\b(?:was|were|is|are|has been|have been|got|gets|will be|to be)\s+"
    r"(?:removed|deleted|dropped|deprecated|renamed|replaced|retired|gone|merged)\b|^\s*(?:→|->|=>|⇒)")
# Words that, shortly before a path, say it does not exist yet, or exists elsewhere (an example,
# a file another program writes at run time).
_PLANNED_BEFORE = (
    r"(?i)\b(?:will|would|should|could|might|may|to be|planned|proposed|future|todo|tbd|"
    r"generates?|generated|generating|creates?|creating|writes?|writing|produces?|emits?|"
    r"persist\w*|stores?|saved? (?:to|as|in)|scaffold\w*|e\.g\.|for example|for instance|such as|"
    r"if (?:needed|present|any|exists?)|optional(?:ly)?|alternatively|either|sketched|considered|"
    r"a dedicated|a standalone|a separate|a new|new file)\b")
# A note later on the same line saying the named file was deliberately not made.
_DEVIATION_AFTER = (
    r"(?i)\b(?:skipped|not needed|not required|unnecessary|built[- ]in|already (?:exists?|implemented|covered|present)|"
    r"deferred|postponed|n/a|not applicable|cancel+ed|superseded|won't|will not|not (?:implemented|included|created)|"
    r"out of scope|descoped|once implemented|if needed|\(optional\)|\((?:new|planned|future|proposed|tbd)\)|"
    r"(?:folded|merged|consolidated|combined|absorbed) into)")
# Spec Kit task notes after the fact: "… in src/x.tsx - Updated existing Chart.tsx".
_NOTE_AFTER = (
    r"(?i)\s[-–—]\s+(?:updated|added|integrated|implemented|handled|done|covered|enhanced|extended|"
    r"used|reused|built|moved|kept|placed|put)\b")
_NEGATION_BEFORE = r"(?i)\b(?:not|never|avoid|without|rather than|don't use|do not use)\W{0,3}$"
# The same in Chinese and Japanese specs, where words are not separated by spaces: "MUST 不依赖
# `x`" (must not depend on), "删除 `x`" (delete), "`x` を削除" (delete), "`x` は不要" (not needed).
_NEGATION_BEFORE_CJK = r"(?:不|无需|无须|禁止|避免|勿)[\u4e00-\u9fff]{0,3}\W{0,3}$"
_REMOVAL_BEFORE_CJK = r"删除|移除|去掉|去除|废弃|弃用|替换|重命名|不再|削除|廃止|置き換え|置換|名前変更|リネーム"
_REMOVAL_AFTER_CJK = r"^\W{0,3}(?:を|は|が|已|已经|被)?\s*(?:削除|廃止|使用しない|使わない|不要|置き換え|リネーム|删除|移除|废弃|弃用|不再使用)"
# "Move `a` to `b`": `a` is where the file was.
_MOVE_BEFORE = r"(?i)\b(?:move|moving|copy|migrate|relocate|split)\b"
_MOVE_AFTER = r"(?i)^\W{0,3}(?:to|into|→|->)\s"
_ALTERNATIVE = re.compile(r"^[\s,;:()*_`\[\]]*(?:\w+\s+){0,2}?or\b[\s\w]{0,24}$", re.I)
_BEFORE_WINDOW = 80


_CONTEXT = 200
SENTENCE_BREAKS = (". ", "; ", "! ", "? ", "。", "；", "！", "？")


class SymbolRefLike(Protocol):
    """Anything with a place in a spec: the words around it are read the same way."""

    @property
    def position(self) -> Position: ...

    @property
    def block(self) -> int: ...


# Named tuples (and slotted dataclasses where a record changes): a large spec holds hundreds of
# thousands of these; without a per-object __dict__ they take much less memory, and a tuple is the
# quickest record to make, pickle and hash.
class Reference(NamedTuple):
    kind: str
    spec: str
    text: str
    position: Position
    block: int
    via: str
    candidate: PathText | None = None
    fragment: str = ""
    planned: bool = False
    in_task: bool = False  # in a checkbox task (or an item under one)


def extract(doc: Document) -> list[Reference]:
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
    refs.extend(_bare_paths(doc))
    return [_classify(doc, ref) for ref in _dedupe(refs)]


def _bare_paths(doc: Document) -> list[Reference]:
    """Paths written without backticks, found in the raw source lines of each block.

    The raw line is read, not markdown-it's text runs, because emphasis splits runs: an
    unquoted `src/__init__.py` parses as bold. Code spans, links and comments are masked first.
    """
    owners: dict[int, int] = {}
    for block in doc.blocks:
        if block.kind == "heading":
            continue
        for number in range(block.line, block.end_line + 1):
            owners[number] = block.id  # nested blocks come later and win
    masks: dict[int, list[tuple[int, int]]] = {}
    for pos in [s.position for s in doc.code_spans] + [l.position for l in doc.links]:
        if pos.line == pos.end_line:
            masks.setdefault(pos.line, []).append((pos.column - 1, pos.end_column - 1))
    refs = []
    for number, block_id in sorted(owners.items()):
        if number in doc.code_lines:
            continue
        line = doc.line(number)
        if "." not in line:
            continue  # every path shape has a dot before its extension
        if number in masks or "<!--" in line:
            line = _masked(line, masks.get(number, ()))
            if "." not in line:
                continue
        for offset, text in find_bare_paths(line):
            candidate = parse_path(text)
            if candidate is not None:
                pos = Position(number, offset + 1, number, offset + 1 + len(text))
                refs.append(Reference(FILE, doc.path, text, pos, block_id, "text", candidate))
    return refs


def _masked(line: str, spans: Iterable[tuple[int, int]]) -> str:
    masked = line
    for start, end in spans:
        start, end = max(0, start), min(end, len(masked))
        if start < end:
            masked = masked[:start] + " " * (end - start) + masked[end:]
    start = masked.find("<!--")
    while start >= 0:
        end = masked.find("-->", start)
        stop = len(masked) if end < 0 else end + 3
        masked = masked[:start] + " " * (stop - start) + masked[stop:]
        start = masked.find("<!--", stop)
    return masked


def _from_code(doc: Document, span: CodeSpan) -> Reference | None:
    text = span.text.strip()
    # `path::symbol` and `path:symbol` name a symbol in a file; the file part is a reference.
    for sep in ("::", "#", ":"):
        head, found, tail = text.partition(sep)
        if found and tail and not tail[0].isdigit() and not tail.startswith("L"):
            candidate = parse_path(head)
            if candidate is not None and candidate.known:
                return Reference(FILE, doc.path, head, span.position, span.block, "code", candidate)
    if "/" not in text and not _known_file_name(text):
        return None  # `Service.handle`, `os.path`: dotted code, not a file name
    candidate = parse_path(text)
    if candidate is None:
        return None
    if not candidate.has_dir and not candidate.known:
        return None
    return Reference(FILE, doc.path, text, span.position, span.block, "code", candidate)


def _known_file_name(text: str) -> bool:
    """`PathText.known` for a name without a folder, without parsing it as a path first."""
    name = strip_line_suffix(text.strip())
    extension = name.rsplit(".", 1)[1].lower() if "." in name.strip(".") else ""
    return extension in KNOWN_EXTENSIONS or name in KNOWN_NAMES


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


def _classify(doc: Document, ref: Reference) -> Reference:
    state = doc.task_state(ref.block)
    planned = state is not None and state in OPEN_STATES
    if not planned and state is None:
        return ref
    return Reference(
        ref.kind, ref.spec, ref.text, ref.position, ref.block, ref.via,
        ref.candidate, ref.fragment, planned=planned, in_task=state is not None,
    )


def excuse(doc: Document, ref: Reference | SymbolRefLike) -> str:
    """Why the words around a reference say it is not drift, or "" when they don't.

    Only asked for references that did not resolve, so its regexes never run on the many
    references that are fine; they are compiled (and kept in `re`'s cache) on first use, so a
    check where everything resolves never compiles them.
    """
    before, after = _surroundings(doc, ref)
    near = before[-_BEFORE_WINDOW:]
    if before.count("~~") % 2 == 1:
        return "struck through"
    if re.search(_REMOVAL_BEFORE, near) or re.search(_REMOVAL_AFTER, after):
        return "removal or rename instruction"
    if re.search(_REMOVAL_BEFORE_CJK, near) or re.match(_REMOVAL_AFTER_CJK, after):
        return "removal or rename instruction"
    if re.search(_NEGATION_BEFORE, near) or re.search(_NEGATION_BEFORE_CJK, near):
        return "named as what not to use"
    if re.search(_MOVE_BEFORE, near) and re.match(_MOVE_AFTER, after):
        return "removal or rename instruction"
    if re.search(_DEVIATION_AFTER, after) or re.search(_NOTE_AFTER, after):
        return "noted as not made"
    if doc.task_state(ref.block) is None and re.search(_PLANNED_BEFORE, near):
        return "described as planned, generated or an example"
    return ""


def _surroundings(doc: Document, ref: Reference | SymbolRefLike) -> tuple[str, str]:
    """The sentence before a reference and the text after it, across its block's wrapped lines.

    Bounded slices keep this linear on very long lines.
    """
    block = doc.block(ref.block)
    number = ref.position.line
    line = doc.line(number)
    start = ref.position.column - 1
    before = line[max(0, start - _CONTEXT) : start]
    for previous in range(number - 1, max(block.line, number - 3) - 1, -1):
        if _sentence_end(before):
            break
        before = doc.line(previous).strip()[-_CONTEXT:] + " " + before
    end = ref.position.end_column - 1
    after = line[end : end + _CONTEXT] if ref.position.end_line == number else ""
    for following in range(number + 1, min(block.end_line, number + 2) + 1):
        if following in doc.code_lines:
            break
        after += " " + doc.line(following).strip()[:_CONTEXT]
    return _sentence_tail(before[-_CONTEXT:]), after[:_CONTEXT]


def _sentence_end(text: str) -> bool:
    return any(mark in text for mark in SENTENCE_BREAKS)


_OR_NAME = re.compile(r"^\s+or\s+([\w\-]+\.[A-Za-z]\w{0,9})\b")


def alternative_name(doc: Document, ref: Reference) -> str:
    """A bare file name offered as an alternative right after a path: "`a.toml` or setup.cfg"."""
    line = doc.line(ref.position.line)
    match = _OR_NAME.match(line[ref.position.end_column - 1 : ref.position.end_column + 80])
    return match.group(1) if match else ""


def alternatives(doc: Document, ref: Reference, others: list[Reference]) -> list[Reference]:
    """References on the same line joined to `ref` by "or": `a.toml` or `b.ini`."""
    line = doc.line(ref.position.line)
    found = []
    for other in others:
        if other is ref or other.position.line != ref.position.line:
            continue
        first, second = sorted((ref, other), key=lambda r: r.position.column)
        between = line[first.position.end_column - 1 : second.position.column - 1]
        if len(between) <= 40 and _ALTERNATIVE.match(between):
            found.append(other)
    return found


def _sentence_tail(text: str) -> str:
    """The part of `text` after its last sentence break, bounded to keep matching linear."""
    tail = text[-200:]
    cut = max(tail.rfind(mark) for mark in SENTENCE_BREAKS)
    return tail[cut + 1 :] if cut >= 0 else tail
