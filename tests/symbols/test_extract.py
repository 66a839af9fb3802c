"""Every language in the table against its sample; what the hashes ignore and what they notice.

Each `samples/<language>/` holds one realistic source file and `expected.json`, every symbol the
extractor must find in it, as `describe` prints them. After an intended change, regenerate with
`pytest tests/symbols --update-goldens` and review the diff entry by entry against the sample.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from speclint.symbols.extract import Symbol, describe, extract
from speclint.symbols.languages import LANGUAGES, Language, for_path

SAMPLES = Path(__file__).parent / "samples"
BY_NAME = {language.name: language for language in LANGUAGES}


def _sample(language: Language) -> Path:
    (source,) = (p for p in (SAMPLES / language.name).iterdir() if p.name != "expected.json")
    return source


def _dump(symbols: list[Symbol]) -> str:
    """One symbol a line, so a review reads like a table."""
    rows = ",\n".join("  " + json.dumps(describe(s), ensure_ascii=False) for s in symbols)
    return f"[\n{rows}\n]\n"


def test_every_language_has_a_sample() -> None:
    assert sorted(p.name for p in SAMPLES.iterdir() if p.is_dir()) == sorted(BY_NAME)
    for language in LANGUAGES:
        assert (SAMPLES / language.name / "expected.json").is_file(), language.name
        assert for_path(_sample(language).name) is language


def test_tsx_shares_the_typescript_query() -> None:
    queries = Path(__file__).parents[2] / "speclint" / "symbols" / "queries"
    assert (queries / "tsx.scm").read_text("utf-8") == (queries / "typescript.scm").read_text("utf-8")


@pytest.mark.parametrize("language", LANGUAGES, ids=[language.name for language in LANGUAGES])
def test_sample_symbols(language: Language, update_goldens: bool) -> None:
    symbols = extract(language, _sample(language).read_bytes())
    expected = SAMPLES / language.name / "expected.json"
    if update_goldens:
        expected.write_text(_dump(symbols), "utf-8")
    assert [describe(s) for s in symbols] == json.loads(expected.read_text("utf-8"))
