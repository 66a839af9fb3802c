"""The id grammar: what a phase, task, story or requirement id looks like, and lists of them.

Precision first: a list is only read part by part, and a part counts only when the whole of it
is an id or a range of ids (`Phase 1`, `T004`, `1.1–1.7`, `FR-001`, `US1`), perhaps with a
note in parentheses or a trailing "completion". "Python 3.11" or "all user stories" are words,
not ids, and are never reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from speclint.specs.roadmap.model import Mention

NUM = r"\d+(?:\.\d+)*[a-z]?"
PREFIXED = r"[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d+[a-z]?"  # FR-001, REQ-AUTH-3, QUERY-01, US-1
TASK_T = r"T\d{2,4}[a-z]?(?:-[A-Z]\d?)?"  # T012, T010a, T000-A
PHASE_WORDS = ("phase", "milestone", "stage", "sprint", "wave", "epic")
_KEYWORD = (
    r"(?:phases?|milestones?|stages?|sprints?|waves?|epics?|tasks?|steps?|requirements?|reqs?|"
    r"user\s+stories|user\s+story|stories|story)"
)
_SINGULAR = {"stories": "story", "user stories": "user story"}

_SINGLE = re.compile(
    rf"(?:(?P<word>{_KEYWORD})\s+(?P<wnum>{NUM}|{TASK_T})|(?P<story>US-?\d+)|(?P<t>{TASK_T})|(?P<pre>{PREFIXED})|(?P<num>{NUM}))",
    re.I,
)
_RANGE_SEP = re.compile(r"\s*(?:–|—|-|\.\.|\bto\b|\bthrough\b)\s*", re.I)
_TRAILING = re.compile(
    r"\s+(?:completion|complete|completed|being complete|to be complete|is done|done|finished|tasks?)$", re.I
)
_PAREN = re.compile(r"\([^()]*\)")
_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\+)\s*", re.I)
_CLAUSE_END = re.compile(r"\s[-–—]\s|\.\s|\.$")
_SCOPED = re.compile(r"^(?P<scope>[\w.\-/]+?)(?:'s\s+|\s*[:#]\s*|/|\s+)(?P<rest>\S.*)$")
_LEADING_KEYWORD = re.compile(rf"({_KEYWORD})\s+\S", re.I)
_KEBAB = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")
_NUMBERED_PART = re.compile(r"(\d+)([A-Za-z]*)")


def normal_num(value: str) -> str:
    """`01.2` → `1.2`: numeric components compare as numbers."""
    out = []
    for part in value.split("."):
        # `2A` and `2a` are one id (Kiro's "Requirement 2A"); a part that is not digits then
        # letters is kept as written, lower-cased.
        match = _NUMBERED_PART.fullmatch(part)
        out.append(str(int(match.group(1))) + match.group(2).lower() if match else part.lower())
    return ".".join(out)


@lru_cache(maxsize=65536)
def single_key(text: str, *, reqs: bool = False) -> str | None:
    """The normalized key of one id as written, or None when `text` is not wholly an id."""
    match = _SINGLE.fullmatch(text.strip())
    if match is None:
        return None
    if match.group("word"):
        word = " ".join(match.group("word").lower().split())
        word = _SINGULAR.get(word, word.removesuffix("s"))
        value = match.group("wnum")
        if word in PHASE_WORDS:
            return f"{word}:{normal_num(value)}" if not re.fullmatch(TASK_T, value, re.I) else None
        if word in ("story", "user story"):
            return f"US{int(value)}" if value.isdigit() else None
        if re.fullmatch(TASK_T, value, re.I):
            return _task_key(value)
        return normal_num(value)
    if match.group("story"):
        return "US" + str(int(match.group("story")[2:].lstrip("-")))
    if match.group("t"):
        return _task_key(match.group("t"))
    if match.group("pre"):
        return match.group("pre")
    num = match.group("num")
    return normal_num(num)


def _task_key(value: str) -> str:
    """`t010A` → `T010a`: the letter after the number is lower case, a `-A` suffix upper case."""
    head, _, suffix = value.partition("-")
    return "T" + head[1:].lower() + (f"-{suffix.upper()}" if suffix else "")


@lru_cache(maxsize=65536)
def family(key: str) -> str:
    """Which kind of id a key is: `phase`, `T`, `US`, `num`, or a requirement prefix (`FR`)."""
    if ":" in key:
        return key.split(":", 1)[0]
    if re.fullmatch(TASK_T, key):
        return "T"
    if key.startswith("US"):
        return "US"
    if re.fullmatch(PREFIXED, key):
        return key.rsplit("-", 1)[0]
    return "num"


def _range(text: str, reqs: bool) -> tuple[str, str] | None:
    for sep in _RANGE_SEP.finditer(text):
        left, right = text[: sep.start()], text[sep.end() :]
        lo = single_key(left, reqs=reqs)
        if lo is None:
            continue
        if ":" in lo and re.fullmatch(NUM, right.strip()):
            hi: str | None = f"{lo.split(':', 1)[0]}:{normal_num(right.strip())}"  # "Phase 1-3"
        else:
            hi = single_key(right, reqs=reqs)
        if hi is None and family(lo) == "num" and re.fullmatch(NUM, right.strip()):
            hi = normal_num(right.strip())
        if hi is None or family(lo) != family(hi):
            continue
        if sep.group().strip() == "-" and family(lo) not in ("T", "num") and ":" not in lo:
            continue  # FR-001-FR-003 is too easily misread
        if family(lo) == "num" and hi.count(".") < lo.count("."):
            hi = lo.rsplit(".", 1)[0] + "." + hi  # "1.1-7" means 1.1 to 1.7
        return lo, hi
    return None


def parse_list(text: str, line: int, offset: int, *, reqs: bool = False) -> list[Mention]:
    """The ids in a comma-separated list that starts at 0-based `offset` of source line `line`."""
    clause = _CLAUSE_END.search(text)
    if clause:
        text = text[: clause.start()]
    mentions: list[Mention] = []
    keyword = ""
    for start, part in _parts(text):
        found = _part(part, line, offset + start, reqs, keyword)
        word = _LEADING_KEYWORD.match(part.strip(" *_`"))
        keyword = word.group(1) if word and found else (keyword if found else "")
        mentions.extend(found)
    return mentions


def _parts(text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    depth_free = _PAREN.sub(lambda m: "\0" * len(m.group()), text)  # do not split inside parentheses
    for sep in _SPLIT.finditer(depth_free):
        if "\0" in depth_free[sep.start() : sep.end()]:
            continue
        yield pos, text[pos : sep.start()]
        pos = sep.end()
    yield pos, text[pos:]


def _part(part: str, line: int, start: int, reqs: bool, keyword: str = "") -> list[Mention]:
    found: list[Mention] = []
    for paren in _PAREN.finditer(part):
        inner = paren.group()[1:-1]
        inner_mentions = parse_list(inner, line, start + paren.start() + 1, reqs=reqs)
        if inner_mentions and all(_whole_list(inner)):
            found.extend(inner_mentions)
    base = _PAREN.sub(lambda m: " " * len(m.group()), part)
    stripped = base.rstrip()
    trailing = _TRAILING.search(stripped)
    if trailing:
        stripped = stripped[: trailing.start()]
    lead = len(stripped) - len(stripped.lstrip(" *_`"))
    body = stripped.strip(" *_`")
    if not body:
        return found
    column = start + lead + 1
    if keyword and re.fullmatch(NUM, body):  # "Phases 1, 2 and 3": the word carries over
        key = single_key(f"{keyword} {body}", reqs=reqs)
        if key is not None:
            return [Mention(body, key, line, column, column + len(body)), *found]
    mention = _mention(body, line, column, reqs)
    if mention is not None:
        return [mention, *found]
    scoped = _SCOPED.match(body)
    if scoped and not reqs:
        scope = scoped.group("scope")
        name = scope.rsplit("/", 1)[-1].removesuffix(".md")
        target = _mention(scoped.group("rest").strip(" *_`"), line, column + scoped.start("rest"), reqs)
        if target is not None and (scope.endswith(".md") or _KEBAB.fullmatch(name)):
            end = column + len(body)
            return [Mention(body, target.key, line, column, end, target.until, scope), *found]
    if not reqs and _KEBAB.fullmatch(body):
        return [Mention(body, f"feature:{body}", line, column, column + len(body)), *found]
    return found


def _whole_list(text: str) -> Iterator[bool]:
    for _, part in _parts(text):
        body = _TRAILING.sub("", part.strip(" *_`"))
        yield bool(body) and (single_key(body) is not None or _range(body, False) is not None)


def _mention(body: str, line: int, column: int, reqs: bool) -> Mention | None:
    key = single_key(body, reqs=reqs)
    if key is not None:
        return Mention(body, key, line, column, column + len(body))
    bounds = _range(body, reqs)
    if bounds is not None:
        return Mention(body, bounds[0], line, column, column + len(body), until=bounds[1])
    return None


@lru_cache(maxsize=65536)
def sort_key(key: str) -> tuple[object, ...]:
    """Natural order within a family: 1.2 < 1.10 < 2, T009 < T010 < T010a."""
    body = key.split(":", 1)[-1]
    body = body[1:] if re.fullmatch(TASK_T, body) else body
    if re.fullmatch(PREFIXED, body):
        body = body.rsplit("-", 1)[1]
    parts: list[object] = []
    for chunk in re.split(r"[.\-]", body):
        digits = chunk.rstrip("abcdefghijklmnopqrstuvwxyz")
        parts.append((int(digits) if digits.isdigit() else 0, chunk[len(digits):]))
    return tuple(parts)


def in_range(key: str, lo: str, hi: str) -> bool:
    if family(key) != family(lo):
        return False
    if family(key) not in ("T", "num", "US") and ":" not in key and key.rsplit("-", 1)[0] != lo.rsplit("-", 1)[0]:
        return False
    return sort_key(lo) <= sort_key(key) <= sort_key(hi)


def display(key: str) -> str:
    """A key as a reader writes it: `phase:2` → `Phase 2`, `feature:add-x` → `add-x`."""
    if ":" in key:
        word, value = key.split(":", 1)
        return value if word == "feature" else f"{word.capitalize()} {value}"
    return key
