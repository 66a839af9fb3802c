"""Property tests: arbitrary text never crashes parsing, and positions stay inside the file."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speclint.specs import references, symbol_refs
from speclint.specs.decode import decode
from speclint.specs.markdown import parse
from speclint.specs.paths import find_bare_paths, parse_path
from speclint.specs.roadmap.parse import parse as plan

MARKDOWN_BITS = st.sampled_from(
    ["`", "``", "[", "]", "(", ")", "<", ">", "!", "*", "_", "~~", "#", "- [ ] ", "- [x] ", "1. ", "> ",
     "|", "---", "\n", "\n\n", "  ", "\t", "src/a.py", "T001", "Phase 2", "Depends on: ", "<!--", "-->",
     "speclint-disable-next-line", "foo(bar, baz)", "a::b", "é", "\r\n", "\\", "http://x/y.py", "#L3"]
)
TEXT = st.one_of(st.text(max_size=300), st.lists(MARKDOWN_BITS, max_size=80).map("".join))
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(TEXT)
def test_documents_parse_and_positions_stay_in_the_file(text: str) -> None:
    doc = parse("specs/x.md", text)
    lines = text.split("\n")
    for ref in references.extract(doc):
        assert 1 <= ref.position.line <= len(lines)
        assert ref.position.column >= 1
    for sym in symbol_refs.extract(doc):
        assert 1 <= sym.position.line <= len(lines)
    plan(doc)
    for number in range(len(lines) + 2):
        doc.line(number)


@FAST
@given(st.binary(max_size=400))
def test_any_bytes_decode(data: bytes) -> None:
    decoded = decode(data)
    assert decoded.text is None or "\r" not in decoded.text


@FAST
@given(st.text(max_size=200))
def test_path_shapes_never_raise(text: str) -> None:
    parse_path(text)
    parse_path(text, link=True)
    find_bare_paths(text)


TOML_BITS = st.sampled_from(
    ["specs", "exclude", "select", "ignore", "fail-on", "rules", "map", "[rules.SD101]", "[[map]]", "code",
     "severity", "min-commits", "=", " ", "\n", '"', "'", "[", "]", "{", "}", ",", "1", "true", "error", "SD1",
     "off", "x", "[tool.speclint]", "#", ".", "extend-specs"]
)


@FAST
@given(st.lists(TOML_BITS, max_size=40).map("".join))
def test_any_config_text_is_a_config_or_one_config_error(text: str) -> None:
    import tempfile
    from pathlib import Path

    from speclint.config import load
    from speclint.errors import ConfigError
    from speclint.selection import configure

    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "speclint.toml").write_text(text, "utf-8")
        try:
            configure(load(Path(folder)))
        except ConfigError as error:
            assert "\n" not in str(error)


def _plain_glob_regex(pattern: str) -> str:
    """The straightforward translation (backtracks on crafted input): the reference semantics."""
    import re

    pat = pattern.strip().removeprefix("./")
    anchored = "/" in pat.rstrip("/")
    pat = pat.lstrip("/")
    pat += "**" if pat.endswith("/") else ""
    out, i = [], 0
    while i < len(pat):
        if pat.startswith("**/", i):
            out.append("(?:[^/]*/)*"); i += 3  # noqa: E702
        elif pat.startswith("/**", i) and i + 3 == len(pat):
            out.append("(?:/.*)?"); i += 3  # noqa: E702
        elif pat.startswith("**", i):
            out.append(".*"); i += 2  # noqa: E702
        elif pat[i] == "*":
            out.append("[^/]*"); i += 1  # noqa: E702
        elif pat[i] == "?":
            out.append("[^/]"); i += 1  # noqa: E702
        else:
            out.append(re.escape(pat[i])); i += 1  # noqa: E702
    body = "".join(out) + "(?:/.*)?"
    return body if anchored else f"(?:[^/]*/)*{body}"


GLOB_BITS = st.sampled_from(["*", "**", "**/", "/", "a", "b", "?", "a/", "/**"])
PATH_BITS = st.sampled_from(["a", "b", "/", "ab", "ba", "a/", "x"])


@settings(max_examples=400, deadline=None)
@given(st.lists(GLOB_BITS, min_size=1, max_size=8).map("".join), st.lists(PATH_BITS, max_size=10).map("".join))
def test_linear_globs_match_exactly_like_the_plain_translation(pattern: str, path: str) -> None:
    import re

    from speclint.globs import GlobSet

    plain = re.compile(f"(?:{_plain_glob_regex(pattern)})\\Z", re.DOTALL).match(path) is not None
    assert GlobSet((pattern,)).match(path) == plain, (pattern, path)


@FAST
@given(st.binary(max_size=600))
def test_any_bytes_through_the_whole_spec_pipeline(data: bytes) -> None:
    """Bytes as they come from git: decoded, parsed, references, plan; positions inside the text."""
    from speclint.cache import BlobCache
    from speclint.specs.parsed import parse as parse_spec

    parsed = parse_spec("specs/x.md", data, blob=None, cache=BlobCache(None))
    if parsed.document is None:
        return
    lines = parsed.document.text.split("\n")
    for ref in parsed.references:
        assert 1 <= ref.position.line <= ref.position.end_line <= len(lines)
        assert 1 <= ref.position.column <= len(lines[ref.position.line - 1]) + 1
    for sym in parsed.symbols:
        assert 1 <= sym.position.line <= len(lines)
    for item in parsed.plan.items if parsed.plan else ():
        assert 1 <= item.line <= len(lines)


@FAST
@given(st.binary(max_size=300))
def test_any_config_bytes_are_a_config_or_one_config_error(data: bytes) -> None:
    import tempfile
    from pathlib import Path

    from speclint.config import load
    from speclint.errors import ConfigError
    from speclint.selection import configure

    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "speclint.toml").write_bytes(b"[rules]\n" + data if data[:1] == b"x" else data)
        try:
            configure(load(Path(folder)))
        except ConfigError as error:
            assert "\n" not in str(error)


@FAST
@given(TEXT)
def test_the_code_span_shortcut_gives_markdown_its_own_answer(text: str) -> None:
    """Blocks whose inline content can only hold code spans skip markdown-it's inline pass."""
    from speclint.specs import markdown

    fast = parse("specs/x.md", text)
    shortcut = markdown._Builder._only_code_spans
    try:
        markdown._Builder._only_code_spans = lambda self, content, block: False  # type: ignore[method-assign]
        full = parse("specs/x.md", text)
    finally:
        markdown._Builder._only_code_spans = shortcut  # type: ignore[method-assign]
    assert (fast.code_spans, fast.links, fast.blocks, fast.headings) == (full.code_spans, full.links, full.blocks, full.headings)
