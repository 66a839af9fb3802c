"""Extract definitions from one source file with its language's tree-sitter query.

Each query captures `@definition.<kind>` on a definition node, `@name` on its name, optionally
`@params` on its parameter list (or `@callable` on a node whose `parameters` field holds it) and
`@receiver` on the type a definition outside it belongs to (Go's receiver, C++'s
`Ledger<T>::append`, a Kotlin extension); `@comment` marks comments (left out of the hashes, as is
layout whitespace). Containers (classes, structs, traits, impls, …) qualify the names they enclose:
`Class.method`, `Store.Put` for Go's `func (s *Store) Put`, `Ledger::append` in Rust.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from speclint.symbols.languages import Language

if TYPE_CHECKING:
    from tree_sitter import Node

CONTAINER_KINDS = frozenset(
    {"class", "interface", "struct", "trait", "enum", "impl", "module", "namespace", "object", "record"}
)
# Kinds that only qualify what they hold and are not symbols themselves.
QUALIFIER_ONLY = frozenset({"impl"})
RECEIVER_NAMES = frozenset({"self", "cls", "this", "&self", "&mut self", "mut self"})
MAX_SIGNATURE = 400
# Bump when extraction changes in a way that makes cached symbol tables wrong.
EXTRACTOR_VERSION = 2


# Named tuples: a cold check makes thousands of each, in the child that extracts them and again
# in the parent that unpickles them, and a frozen dataclass is three times slower to make.
class Param(NamedTuple):
    name: str
    optional: bool = False
    variadic: bool = False


class Symbol(NamedTuple):
    name: str
    qualified: str
    kind: str
    params: tuple[Param, ...] | None  # None: not callable
    line: int
    end_line: int
    signature: str
    signature_hash: str
    body_hash: str

    @property
    def container(self) -> str:
        return self.qualified[: -len(self.name) - 1] if self.qualified != self.name else ""


def extract(language: Language, source: bytes) -> list[Symbol]:
    from tree_sitter import Parser, QueryCursor

    tree = Parser(language.grammar()).parse(source)
    cursor = QueryCursor(language.query())
    definitions: list[tuple[Node, str, Node, Node | None, Node | None]] = []
    comments: list[tuple[int, int]] = []
    for _pattern, captures in cursor.matches(tree.root_node):
        if "comment" in captures:
            comments.extend((n.start_byte, n.end_byte) for n in captures["comment"])
            continue
        if "name" not in captures:
            continue
        capture = next((k for k in captures if k.startswith("definition.")), None)
        if capture is None:
            continue
        kind = capture[11:]  # after "definition."
        node = captures[capture][0]
        params = captures.get("params", [None])[0]
        if params is None and "callable" in captures:
            callable_node = captures["callable"][0]
            params = callable_node.child_by_field_name("parameters") or callable_node.child_by_field_name("parameter")
        receiver = captures.get("receiver", [None])[0]
        definitions.append((node, kind, captures["name"][0], params, receiver))
    # Where two patterns define one name at one place (`const f = () => …` is a const and a
    # function, `const K = class {…}` a const and a class), the more specific reading wins: a
    # callable (it carries the parameters), then a container.
    definitions.sort(key=lambda d: (d[3] is None, d[1] not in CONTAINER_KINDS))
    containers = {
        node.id: _text(source, name)
        for node, kind, name, _, _ in definitions
        if kind in CONTAINER_KINDS
    }
    comments.sort()
    symbols = []
    seen: set[tuple[str, int]] = set()
    for node, kind, name_node, params_node, receiver in definitions:
        if kind in QUALIFIER_ONLY:
            continue
        name = _text(source, name_node)
        if name_node.type == "simple_symbol":  # Ruby's `attr_reader :entries` names `entries`
            name = name[1:]
        # A receiver (Go's `func (s *Store) Put`, C++'s `int Ledger<T>::append`) names the type
        # the definition belongs to, inside whatever encloses it (a C++ namespace).
        outer = _containers(node, containers)
        if receiver is not None:
            outer.append(_text(source, receiver))
        qualified = ".".join([*outer, name])
        key = (qualified, node.start_point[0])
        if key in seen:
            continue
        seen.add(key)
        body = _body(node, kind)
        head_end = body.start_byte if body is not None else node.end_byte
        signature = _normalize(source, node.start_byte, head_end, comments)[:MAX_SIGNATURE]
        body_text = _normalize(source, body.start_byte, body.end_byte, comments) if body is not None else ""
        symbols.append(
            Symbol(
                name=name,
                qualified=qualified,
                kind=kind,
                params=_params(source, params_node) if params_node is not None else _no_params(kind),
                line=node.start_point[0] + 1,
                end_line=node.end_point[0] + 1,
                signature=signature,
                signature_hash=_digest(signature),
                body_hash=_digest(_strip_docstring(body_text)),
            )
        )
    symbols.sort(key=lambda s: (s.line, s.qualified))
    return symbols


def significant_digest(language: Language, source: bytes) -> str:
    """A digest of a whole file that comment, whitespace and docstring edits leave alone, so a
    change set can tell a real code change from a tidy-up."""
    from tree_sitter import Parser, QueryCursor

    tree = Parser(language.grammar()).parse(source)
    skipped: list[tuple[int, int]] = []
    for _pattern, captures in QueryCursor(language.query()).matches(tree.root_node):
        skipped.extend((n.start_byte, n.end_byte) for n in captures.get("comment", ()))
    if language.name == "python":
        skipped.extend(_python_docstrings(tree.root_node))
    skipped.sort()
    return _digest(_normalize(source, 0, len(source), skipped))


def _python_docstrings(root: Node) -> list[tuple[int, int]]:
    """The string statements that open a module, class or function body."""
    found = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type in ("module", "block"):
            first = node.named_children[0] if node.named_children else None
            if first is not None and first.type == "expression_statement" and first.named_child_count == 1:
                if first.named_children[0].type in ("string", "concatenated_string"):
                    found.append((first.start_byte, first.end_byte))
        stack.extend(node.named_children)
    return found


def _body(node: Node, kind: str) -> Node | None:
    body = node.child_by_field_name("body")
    if body is None and (kind == "function" or kind in CONTAINER_KINDS):
        # A function or class bound to a name (`const f = (a) => …`, `exports.f = function …`,
        # `const K = class {…}`): the body is the bound value's.
        value = node.child_by_field_name("value") or node.child_by_field_name("right")
        if value is not None:
            body = value.child_by_field_name("body")
        else:
            # Grammars without a `body` field (Kotlin's function_body, class_body).
            body = next((c for c in node.named_children if c.type.endswith("body")), None)
    return body


def _no_params(kind: str) -> tuple[Param, ...] | None:
    """A function whose definition has no parameter list (Ruby's `def size`) takes none."""
    return () if kind == "function" else None


def _text(source: bytes, node: Node) -> str:
    return source[node.start_byte : node.end_byte].decode("utf-8", "replace")


def _containers(node: Node, containers: dict[int, str]) -> list[str]:
    names = []
    parent = node.parent
    while parent is not None:
        if parent.id in containers:
            names.append(containers[parent.id])
        parent = parent.parent
    names.reverse()
    return names


_WHITESPACE = re.compile(r"\s+")


def _normalize(source: bytes, start: int, end: int, comments: list[tuple[int, int]]) -> str:
    """The text between two offsets without comments, whitespace runs folded to one space."""
    parts = []
    cursor = start
    for c_start, c_end in comments:
        if c_end <= cursor or c_start >= end:
            continue
        parts.append(source[cursor:c_start])
        cursor = max(cursor, c_end)
    parts.append(source[cursor:end])
    # str.split() splits on exactly the characters `\s` matches, and is several times faster.
    return " ".join(b"".join(parts).decode("utf-8", "replace").split())


_DOCSTRING = re.compile(r'^:?\s*(?:[rRbBuU]{0,2})("""|\'\'\'|"|\')')


def _strip_docstring(body: str) -> str:
    """Drop a leading Python docstring so documentation edits are not body changes."""
    match = _DOCSTRING.match(body)
    if not match:
        return body
    quote = match.group(1)
    end = body.find(quote, match.end())
    return body[end + len(quote) :].strip() if end >= 0 else body


def _digest(text: str) -> str:
    """A short hash of normalised text (`_normalize`) that ignores layout: a space only
    separates two words, so next to punctuation it is dropped (`f(a, b)` is `f( a,b )`)."""
    kept = _WORD_SPACE.sub("\0", text).replace(" ", "").replace("\0", " ")
    return hashlib.sha1(kept.encode("utf-8")).hexdigest()[:16]


# A space between two words: kept, as a marker, while the rest go. (`\b \b`, written to start
# with the space, so the regular expression engine skips to each space instead of trying every
# position: twice as fast.)
_WORD_SPACE = re.compile(r" (?<=\w )(?=\w)")


EMPTY_BODY = _digest("")  # the body hash of a definition without a body (a field, a prototype)

_OPTIONAL_TYPES = ("default", "optional", "assignment", "block_parameter")
_VARIADIC_TYPES = ("splat", "variadic", "rest", "spread")
_VARIADIC_KEYWORDS = frozenset({"params", "vararg"})
_SKIPPED_TYPES = frozenset(
    {"comment", "keyword_separator", "positional_separator", "self_parameter", "receiver_parameter",
     "type_parameters", "attribute", "decorator", "annotation", "marker_annotation", "line_comment",
     "block_comment", "this"}
)
# `_`, `self` and `this` are names too: Rust's `_: u8`, a receiver written as a pattern (Rust's
# `self: Box<Self>`, TypeScript's `this: Window`), which RECEIVER_NAMES then leaves out.
_NAME_TYPES = frozenset(
    {"identifier", "simple_identifier", "variable_name", "shorthand_property_identifier_pattern",
     "_", "self", "this"}
)
# A destructured parameter is one positional slot: its name is the pattern as written.
_PATTERN_TYPES = frozenset(
    {"object_pattern", "array_pattern", "tuple_pattern", "struct_pattern", "slice_pattern",
     "destructured_parameter"}
)


def _params(source: bytes, params: Node) -> tuple[Param, ...]:
    found: list[Param] = []
    # A lone unparenthesised parameter (`x => x`) is captured as the name itself.
    children = [params] if params.type in _NAME_TYPES else params.children
    # Some grammars put a parameter's parts in the list itself: C#'s `params string[] tags`
    # (keyword, type, name), Kotlin's `vararg xs: Int` (modifiers, parameter) and `b: Int = 0`
    # (parameter, `=`, default).
    marked = False
    defaulted = False
    for index, child in enumerate(children):
        node_type = child.type  # a property that makes a new string each time: read once
        if not child.is_named:
            marked = marked or node_type in _VARIADIC_KEYWORDS
            if node_type == "=" and found:
                found[-1] = Param(found[-1].name, True, found[-1].variadic)
                defaulted = True
            continue
        if defaulted:
            defaulted = False
            continue
        if node_type.endswith("modifiers"):
            marked = marked or not _VARIADIC_KEYWORDS.isdisjoint(_text(source, child).split())
            continue
        if node_type in _SKIPPED_TYPES or node_type.endswith("comment"):
            continue
        if child is not params and params.field_name_for_child(index) == "type":
            continue
        if node_type in _NAME_TYPES:  # a bare name, the common case: nothing more to read
            name = _text(source, child)
            if not (name in RECEIVER_NAMES and not found):
                found.append(Param(name, False, marked))
            marked = False
            continue
        optional = (
            _is_optional_type(node_type)
            or child.child_by_field_name("value") is not None
            # a default without a field name (C#); reading the text first spares listing children
            or (b"=" in source[child.start_byte : child.end_byte] and any(c.type == "=" for c in child.children))
        )
        # The marker may sit one level down: `*args: int` (Python), `...rest: T[]` (TypeScript).
        inner = child.child_by_field_name("pattern") or (child.named_child(0) if child.named_child_count else child)
        variadic = marked or _is_variadic_type(node_type) or _is_variadic_type(inner.type)
        marked = False
        names = _param_names(source, child)
        if not names:
            # Unnamed: C's and Rust's `...`, a prototype's `int`, Go's `Get(string)`; C's `(void)`
            # is no parameter at all.
            text = _WHITESPACE.sub(" ", _text(source, child))
            names = ["..."] if variadic else [] if text == "void" else [text]
        for name in names:
            if name in RECEIVER_NAMES and not found:
                continue
            found.append(Param(name, optional, variadic))
    return tuple(found)


@lru_cache(maxsize=None)
def _is_optional_type(node_type: str) -> bool:
    return any(t in node_type for t in _OPTIONAL_TYPES)


@lru_cache(maxsize=None)
def _is_variadic_type(node_type: str) -> bool:
    return any(t in node_type for t in _VARIADIC_TYPES)


def _param_names(source: bytes, node: Node) -> list[str]:
    if node.type in _NAME_TYPES:
        return [_text(source, node)]
    if node.type in _PATTERN_TYPES:
        return [_WHITESPACE.sub(" ", _text(source, node))]
    names = node.children_by_field_name("name")
    if names:
        return [_text(source, n) for n in names]
    for field in ("pattern", "left", "declarator"):
        inner = node.child_by_field_name(field)
        if inner is not None:
            return _param_names(source, inner)
    for child in node.named_children:
        if child.type in _NAME_TYPES:
            return [_text(source, child)]
    for child in node.named_children:
        names = _param_names(source, child)
        if names:
            return names
    return []


def describe(symbol: Symbol) -> dict[str, Any]:
    """The fields a sample's expected.json lists for one symbol."""
    return {
        "name": symbol.name,
        "qualified": symbol.qualified,
        "kind": symbol.kind,
        "params": None if symbol.params is None else [p.name for p in symbol.params],
        "line": symbol.line,
    }
