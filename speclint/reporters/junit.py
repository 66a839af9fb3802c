"""JUnit XML: one failing test case per finding, so CI test views list spec drift like failures.

Written by hand rather than through ElementTree: attribute escaping of newlines differs between
Python versions, and the output must be byte-for-byte stable for every version we support.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from speclint.findings import Finding
from speclint.report import Report
from speclint.reporters import RenderOptions
from speclint.reporters.strings import repair

# Characters XML 1.0 cannot hold at all, not even as character references.
_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ATTR_ENTITIES = {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
_TEXT_ENTITIES = {"\r": "&#13;"}


def render(report: Report, options: RenderOptions) -> str:
    cases = [_failure_case(f) for f in report.findings] or [_passing_case(report)]
    tests, failures = len(cases), len(report.findings)
    counts = f'tests="{tests}" failures="{failures}" errors="0"'
    return "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<testsuites name="speclint" {counts}>',
            f'  <testsuite name="speclint" {counts} skipped="0">',
            *cases,
            "  </testsuite>",
            "</testsuites>",
            "",
        ]
    )


def _failure_case(finding: Finding) -> str:
    loc = finding.location
    where = f"{loc.path}:{loc.line}:{loc.column}"
    body = "\n".join(
        [f"{where}: {finding.rule} [{finding.severity.label}] {finding.message}"]
        + [f"    {rel.path}:{rel.line}: {rel.message}" for rel in finding.related]
    )
    return "\n".join(
        [
            f"    <testcase classname={attr(loc.path)} name={attr(f'{finding.rule} {where}')}>",
            f"      <failure message={attr(finding.message)} type={attr(finding.rule)}>{text(body)}</failure>",
            "    </testcase>",
        ]
    )


def _passing_case(report: Report) -> str:
    # Without any test case some CI views show "no tests ran"; a clean check is a passing test.
    s = report.summary
    name = f"speclint check ({_count(s.specs, 'spec')}, {_count(s.references, 'reference')})"
    return f"    <testcase classname={attr('speclint')} name={attr(name)}/>"


def attr(value: str) -> str:
    """A quoted attribute value; newlines become references so parsers do not fold them to spaces."""
    return f'"{escape(_legal(value), _ATTR_ENTITIES)}"'


def text(value: str) -> str:
    return escape(_legal(value), _TEXT_ENTITIES)


def _legal(value: str) -> str:
    # A control character in a spec must not make the whole report unparseable: show it as \xNN.
    return _ILLEGAL.sub(_visible, repair(value))


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"
