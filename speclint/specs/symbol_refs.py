"""Find the code symbols a spec names in inline code spans.

Recognised: identifiers shaped like code (`snake_case`, `camelCase`, `MFAService`), qualified
names (`MFAService.generateCode`, `auth::mfa::verify`, `pkg.module.func`), call forms
(`validateCode(userId, code)`), declarations (`def verify(code)`, `func (s *Store) Put(key string)
error`, `fn decode(x: &str)`), and `path::symbol` / `path#symbol`. Everything else in backticks
(commands, literals, format strings, plain words, paths) is not a symbol reference.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from speclint.specs.markdown import CodeSpan, Document, Position
from speclint.specs.paths import KNOWN_EXTENSIONS, parse_path
from speclint.specs.references import OPEN_STATES

_DECLARATION = re.compile(
    r"^(?:(?:export|default|public|private|protected|internal|static|final|abstract|override|virtual|"
    r"async|pub(?:\([\w:]+\))?|unsafe|extern|inline|suspend|open|data|sealed)\s+)*"
    r"(?:def|func|fn|function|fun|class|interface|struct|enum|trait|type|const|let|var|val|module|"
    r"impl|object|record|namespace|void|int|bool|string|String|Task|Promise)\s+",
)
_GO_RECEIVER = re.compile(r"^\(\s*\w+\s+\*?\s*([A-Za-z_]\w*)(?:\[[^\]]*\])?\s*\)\s*")
_NAME = r"[A-Za-z_$][\w$]*"
_QUALIFIED = re.compile(
    rf"^(?P<qual>{_NAME}(?:(?:\.|::|#|->){_NAME})*)(?:<[^()<>]*>)?(?P<call>\((?P<args>[^()]*)\))?(?P<rest>.*)$",
    re.S,
)
_RETURN = re.compile(r"^\s*(?:->|:|=>)?\s*[\w<>\[\]., *&|?:()]*;?\s*$")
_SEGMENT_SPLIT = re.compile(r"\.|::|#|->")
_PARENTHESISED = re.compile(r"\(.*\)", re.S)
_PLAIN_WORD = re.compile(r"[a-z][a-z0-9]{2,}|[A-Z][a-z0-9]{2,}")
_IDENTIFIER = re.compile(r"[A-Za-z_$][\w$]*")
_ACRONYM = re.compile(r"[A-Z]{2,}[a-z]")
_LITERAL_ARG = re.compile(r"^(?:[-+]?\d[\w.]*|\".*\"|'.*'|`.*`|true|false|null|nil|None|True|False|undefined|\[.*\]|\{.*\})$")

KEYWORDS = frozenset(
    """true false null nil none None True False undefined self this cls super return yield async await
    def func fn function class interface struct enum trait type const let var val import from export
    default public private protected static final void int bool string str list dict set map any
    object number boolean if else for while switch case break continue try catch finally throw
    raise new delete in is not and or as with pass lambda match where impl mod use pub crate mut
    ref package go chan select defer range""".split()
)


# Named tuples (and slotted dataclasses where a record changes): a large spec holds hundreds of
# thousands of these; without a per-object __dict__ they take much less memory, and a tuple is the
# quickest record to make, pickle and hash.
class SymbolRef(NamedTuple):
    spec: str
    text: str
    name: str
    qualifiers: tuple[str, ...]
    position: Position
    block: int
    file_hint: str | None = None
    args: tuple[str, ...] | None = None  # parameter names written in a call form; None if none
    comparable: bool = False  # every argument is a plain name, so a signature can be compared
    planned: bool = False
    done: bool = False  # in a checked task: what it names should exist
    plain: bool = False  # a plain word (`issue`): only ever matched in a file the spec names

    @property
    def qualified(self) -> str:
        return ".".join((*self.qualifiers, self.name))


def extract(doc: Document) -> list[SymbolRef]:
    refs = []
    for span in doc.code_spans:
        state = doc.task_state(span.block)
        ref = parse_span(doc.path, span, planned=state in OPEN_STATES, done=state in ("x", "X"))
        if ref is not None:
            refs.append(ref)
    return refs


def parse_span(spec: str, span: CodeSpan, *, planned: bool = False, done: bool = False) -> SymbolRef | None:
    parsed = _parse_text(span.text)
    if parsed is None:
        return None
    name, qualifiers, file_hint, args, comparable, plain = parsed
    return SymbolRef(
        spec, span.text, name, qualifiers, span.position, span.block, file_hint, args, comparable, planned, done, plain
    )


_Parsed = tuple[str, tuple[str, ...], str | None, tuple[str, ...] | None, bool, bool]


@lru_cache(maxsize=16384)  # specs name the same symbols again and again
def _parse_text(raw: str) -> _Parsed | None:
    """What a code span's text names: name, qualifiers, file hint, call arguments, whether they
    compare, and whether it is a plain word; None when it names no symbol."""
    text = raw.strip().rstrip(";").strip()
    if not text or len(text) > 200 or "\n" in text:
        return None
    file_hint = None
    for sep in ("::", "#", ":"):
        head, found, tail = text.partition(sep)
        if found and tail and "/" in head or (found and "." in head and head.rsplit(".", 1)[1].lower() in KNOWN_EXTENSIONS):
            candidate = parse_path(head)
            if candidate is not None and candidate.known:
                file_hint, text = candidate.path, tail.strip()
                break
    outside = _PARENTHESISED.sub("()", text) if "(" in text else text
    if "/" in outside or " " in outside and not _DECLARATION.match(text):
        return None
    declared = bool(_DECLARATION.match(text))
    text = _DECLARATION.sub("", text, count=1)
    receiver = None
    match = _GO_RECEIVER.match(text)
    if match:
        receiver, text = match.group(1), text[match.end() :]
    parsed = _QUALIFIED.match(text)
    if parsed is None:
        return None
    rest = parsed.group("rest")
    is_call = parsed.group("call") is not None
    if rest and not (is_call or declared) or rest and not _RETURN.match(rest):
        return None
    segments = [s for s in _SEGMENT_SPLIT.split(parsed.group("qual")) if s]
    if receiver:
        segments.insert(0, receiver)
    if not segments:
        return None
    name, qualifiers = segments[-1], tuple(segments[:-1])
    if name.lower() in KNOWN_EXTENSIONS and qualifiers:
        return None  # `config.json`, `app.py`: a file name, not Type.member
    plain = not (is_call or qualifiers or declared or file_hint or looks_like_code(name))
    if plain and not _PLAIN_WORD.fullmatch(name):
        return None
    if name in KEYWORDS or all(q in KEYWORDS for q in qualifiers) and qualifiers and name in KEYWORDS:
        return None
    args, comparable = None, False
    if is_call:
        args, comparable = _arguments(parsed.group("args") or "")
    return name, qualifiers, file_hint, args, comparable, plain


def looks_like_code(name: str) -> bool:
    """snake_case with an underscore, camelCase, or PascalCase with two humps or an acronym."""
    core = name.strip("_$")
    if not core or not _IDENTIFIER.fullmatch(name):
        return False
    if "_" in core:
        return any(c.isalpha() for c in core)
    if core[0].islower():
        return any(c.isupper() for c in core[1:])
    humps = sum(1 for i, c in enumerate(core) if c.isupper() and (i == 0 or not core[i - 1].isupper()))
    acronym = _ACRONYM.search(core) is not None
    return (humps >= 2 or acronym) and any(c.islower() for c in core)


def _arguments(raw: str) -> tuple[tuple[str, ...], bool]:
    """Parameter names from a call form's argument list, and whether all were plain names."""
    raw = raw.strip()
    if not raw:
        return (), False  # `f()` means "a function", never "no parameters"
    names = []
    comparable = True
    for part in _split_top(raw):
        part = part.strip()
        if not part or part in ("...", "…") or _LITERAL_ARG.match(part) or (part.isupper() and len(part) > 1):
            comparable = False
            continue
        part = part.lstrip("*&.").strip()
        part = re.split(r"\s*=\s*", part, maxsplit=1)[0]
        if "::" in part or "<" in part:
            # `std::size_t count`, `Vec<u8> bytes`: a typed parameter; the name is the last word.
            words = part.replace("&", " ").replace("*", " ").split()
            if len(words) < 2 or not words[-1].isidentifier():
                comparable = False
                continue
            part = words[-1]
        if ":" in part:
            candidate = part.split(":", 1)[0].strip()
        else:
            words = part.split()
            # Go writes `name type`, Java and C `Type name`: keep both, the rule tries each.
            candidate = " ".join(words)
        if len(candidate) < 2 or not re.fullmatch(r"[A-Za-z_$][\w$]*(?: [\w$.\[\]*<>]+)?", candidate):
            comparable = False
            continue
        names.append(candidate)
    return tuple(names), comparable and bool(names)


def _split_top(raw: str) -> list[str]:
    parts, depth, current = [], 0, []
    for ch in raw:
        if ch in "<[{(":
            depth += 1
        elif ch in ">]})":
            depth -= 1
        if ch == "," and depth <= 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts
