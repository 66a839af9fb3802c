"""What one source line of a roadmap says: a dependency, a status, requirement citations, criteria.

Every pattern is anchored to an explicit position (the start of a line or list item, or a
parenthesis on an item's own line), so prose that merely mentions "after Phase 2" is not read
as a dependency. Columns are kept: each mention points at the characters that name it.
"""

from __future__ import annotations

import re

from speclint.specs.roadmap import ids
from speclint.specs.roadmap.model import (
    BLOCKED,
    DONE,
    IN_PROGRESS,
    OPEN,
    OPTIONAL,
    UNKNOWN,
    Mention,
)

# Blockquote, list marker and checkbox before the text of a line.
CHECKBOX_PREFIX = re.compile(r"\[[ xX~\-]\]\*?\s*")
PREFIX = re.compile(r"\s*(?:>\s*)*(?:(?:[-*+]|\d+[.)])\s+)?(?:\[[ xX~\-]\]\*?\s*)?")
_EMPH = r"(?:\*\*|__|\*|_)?"
DEPENDS = re.compile(
    rf"{_EMPH}(?:depends\s+on|depend\s+on|blocked\s+by|(?:dependencies|dependency|requires|prerequisites?)(?={_EMPH}\s*:))"
    rf"{_EMPH}\s*:?\s*{_EMPH}\s*",
    re.I,
)
PAREN_DEPENDS = re.compile(r"\((?:depends\s+on|after|blocked\s+by|requires)\s*:?\s+([^()]+)\)", re.I)
SUBJECT_DEPENDS = re.compile(
    r"(?P<subject>[^:]{1,80}?)\s*(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?\s*"
    r"\b(?P<verb>depends\s+on|depend\s+on|is\s+blocked\s+by|blocked\s+by|requires|blocks)\b\s*:?\s*",
    re.I,
)
STATUS = re.compile(rf"{_EMPH}status{_EMPH}\s*:\s*{_EMPH}\s*(?P<value>.+)", re.I)
REQUIREMENTS_LINE = re.compile(
    rf"{_EMPH}(?:(?:requirements?|reqs?){_EMPH}\s*:|validates\s*:?\s*(?:requirements?\b\s*:?)?{_EMPH}\s*:?)\s*{_EMPH}\s*",
    re.I,
)
REQUIREMENTS_INLINE = (
    re.compile(r"(?<![\w*])_(?:requirements?|reqs?)\s*:\s*([^_]+)_", re.I),
    re.compile(r"\*\*validates:?\s*requirements?\s*:?\s*([^*]+)\*\*", re.I),
    re.compile(r"(?<![\w*])_validates:?\s*requirements?\s*:?\s*([^_]+)_", re.I),
)
ACCEPTANCE = re.compile(
    rf"{_EMPH}(?:acceptance(?:\s+criteria)?|success\s+criteria|definition\s+of\s+done|done\s+when|exit\s+criteria|"
    rf"checkpoint|independent\s+test|verification|verify)\b",
    re.I,
)
ACCEPTANCE_HEADING = re.compile(
    r"^[^\w]*(?:\d+(?:\.\d+)*\.?\s+)?(?:acceptance(?:\s+criteria)?|success\s+criteria|definition\s+of\s+done|exit\s+criteria|verification)\b", re.I
)
DEPENDENCY_HEADING = re.compile(
    r"^[^\w]*(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:phase|task|story|user\s+story|feature|milestone|execution|implementation)\s+)?"
    r"dependenc(?:y|ies)\b",
    re.I,
)
_SUBJECT_PHASE = re.compile(rf"\(\s*((?:{'|'.join(ids.PHASE_WORDS)})\s+{ids.NUM})\s*\)", re.I)
_SUBJECT_NOTE = re.compile(r"\s*\((?:P\d+|priority[^)]*)\)|\s+[-–—:]\s.*$", re.I)

_STATUS_WORDS = (
    (DONE, r"done|complete|completed|finished|shipped|delivered|merged|implemented|closed|✅|✔️?|☑️?"),
    (IN_PROGRESS, r"in[\s-]progress|wip|ongoing|started|active|underway|partial(?:ly\s+complete)?|🚧"),
    (BLOCKED, r"blocked|on\s+hold|stalled"),
    (OPEN, r"todo|to\s+do|not\s+started|planned|pending|open|backlog|next|⏳|❌"),
)
_STATUS_VALUE = [(status, re.compile(rf"^[\W_]*(?:{words})(?![\w-])", re.I)) for status, words in _STATUS_WORDS]
_MARKS = ((DONE, ("✅", "✔", "☑")), (IN_PROGRESS, ("🚧",)), (OPEN, ("❌", "⏳")))
CHECKBOX_STATUS = {"x": DONE, "X": DONE, " ": OPEN, "-": IN_PROGRESS, "~": IN_PROGRESS}


_MAY_DEPEND = re.compile(r"depend|blocked|requires|prerequisite", re.I)  # cheap filters before the real patterns
_MAY_CITE = re.compile(r"req|validates", re.I)
# A word every pattern of `depends_line`, `status_line`, `requirement_citations` and
# `acceptance_line` holds (lower case), for a substring test of each line first.
_KEYWORDS = ("depend", "blocked", "req", "prerequisite", "validates", "status", "accept", "success",
             "definition", "done", "exit", "checkpoint", "independent", "verif")


def may_say_something(line: str) -> bool:
    """Could the line hold a dependency, a status, requirement citations or criteria? Substring
    tests of the lower-cased line are far cheaper than the four patterns on the many lines
    that hold none of their words."""
    low = line.lower()
    return any(word in low for word in _KEYWORDS)


def status_word(value: str) -> str:
    """The status a `Status:` value names, or UNKNOWN for anything else."""
    value = value.strip().strip("*_`").strip()
    for status, pattern in _STATUS_VALUE:
        if pattern.match(value):
            return status
    return UNKNOWN


def mark_status(text: str) -> str:
    """✅ / 🚧 / ❌ written on an item's own line."""
    for status, marks in _MARKS:
        if any(mark in text for mark in marks):
            return status
    return UNKNOWN


_CHECKBOX_LINE = re.compile(r"\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s+\[([ xX~\-])\](\*)?")


def checkbox_status(line: str) -> str | None:
    match = _CHECKBOX_LINE.match(line)
    if match is None:
        return None
    if match.group(1) == " " and match.group(2):
        return OPTIONAL
    return CHECKBOX_STATUS[match.group(1)]


def depends_line(line: str) -> list[Mention] | None:
    """Targets of a `Depends on: …` / `Blocked by: …` / `Dependencies: …` line, else None."""
    if not _MAY_DEPEND.search(line):
        return None
    start = PREFIX.match(line)
    pos = start.end() if start else 0
    match = DEPENDS.match(line, pos)
    if match is None:
        return None
    return ids.parse_list(line[match.end() :], 0, match.end())


def paren_depends(line: str) -> list[Mention]:
    if "(" not in line:
        return []
    found = []
    for match in PAREN_DEPENDS.finditer(line):
        found += ids.parse_list(match.group(1), 0, match.start(1))
    return found


def subject_depends(line: str) -> list[tuple[Mention, Mention]]:
    """`T010 depends on T003`, `**Foundational (Phase 2)**: Depends on T001`, `T004 blocks T007`.

    Pairs of (dependent, prerequisite). Only read inside a "Dependencies" section.
    """
    start = PREFIX.match(line)
    pos = start.end() if start else 0
    match = SUBJECT_DEPENDS.match(line, pos)
    if match is None:
        return []
    subject = _subject(line, match.start("subject"), match.group("subject"))
    if subject is None:
        return []
    targets = ids.parse_list(line[match.end() :], 0, match.end())
    if match.group("verb").lower() == "blocks":
        return [(target, subject) for target in targets]
    return [(subject, target) for target in targets]


def _subject(line: str, start: int, text: str) -> Mention | None:
    phase = _SUBJECT_PHASE.search(text)
    if phase:
        key = ids.single_key(phase.group(1))
        column = start + phase.start(1) + 1
        return Mention(phase.group(1), key, 0, column, column + len(phase.group(1))) if key else None
    lead = len(text) - len(text.lstrip(" *_`"))
    body = _SUBJECT_NOTE.sub("", text.strip(" *_`")).strip(" *_`")
    key = ids.single_key(body)
    if key is None:
        return None
    column = start + lead + 1
    return Mention(body, key, 0, column, column + len(body))


def requirement_citations(line: str) -> tuple[list[Mention], bool]:
    """Requirement ids cited on a line, and whether it cites "All" of them."""
    if not _MAY_CITE.search(line):
        return [], False
    start = PREFIX.match(line)
    pos = start.end() if start else 0
    lists: list[tuple[int, str]] = []
    match = REQUIREMENTS_LINE.match(line, pos)
    if match is not None:
        lists.append((match.end(), line[match.end() :].rstrip().rstrip("*_").rstrip()))
    for pattern in REQUIREMENTS_INLINE:
        for inline in pattern.finditer(line):
            if match is None or inline.start() >= match.end() or inline.end() <= pos:
                lists.append((inline.start(1), inline.group(1)))
    mentions: list[Mention] = []
    cites_all = False
    for offset, text in lists:
        if re.match(r"\s*all\b", text, re.I):
            cites_all = True
            continue
        mentions += ids.parse_list(text, 0, offset, reqs=True)
    return mentions, cites_all


def acceptance_line(line: str, start: int | None = None) -> bool:
    """`start`: where the text after the line's list marker begins, if the caller knows."""
    return ACCEPTANCE.match(line, text_start(line) if start is None else start) is not None


def status_line(line: str, start: int | None = None) -> str | None:
    match = STATUS.match(line, text_start(line) if start is None else start)
    return status_word(match.group("value")) if match else None


def text_start(line: str) -> int:
    """Where a line's text starts after blockquote marks, a list marker and a checkbox."""
    start = PREFIX.match(line)
    return start.end() if start else 0
