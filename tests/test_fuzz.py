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
