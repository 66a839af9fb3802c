"""Find and validate the configuration into one frozen `Config`.

Looked up at the repository root, first match wins: `pyproject.toml` with a `[tool.speclint]`
table, then `speclint.toml`, then `.speclint.toml` (these two hold the keys at top level). Strict:
an unknown key or a value of the wrong type is a `ConfigError` naming the file, the line when it
can be found, the key path and what was expected.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from speclint.errors import ConfigError
from speclint.findings import SEVERITY_NAMES, Severity

CONFIG_FILES = ("pyproject.toml", "speclint.toml", ".speclint.toml")

DEFAULT_SPECS = (
    "specs/**",
    "spec/**",
    "docs/specs/**",
    "docs/spec/**",
    "docs/adr/**",
    "docs/adrs/**",
    "docs/decisions/**",
    "docs/architecture/decisions/**",
    "docs/architecture/decision-records/**",
    "doc/adr/**",
    ".kiro/specs/**",
    ".specify/**",
    "openspec/**",
    ".planning/**",
    ".specs/**",
    ".sdd/specs/**",
    "/ROADMAP.md",
    "/roadmap.md",
    "docs/roadmap*.md",
    "docs/ROADMAP*.md",
    "*.spec.md",
)

DEFAULT_EXCLUDE = (
    ".specify/templates/**",
    ".claude/**",
    ".github/prompts/**",
    ".cursor/**",
    # Written by the OpenSpec tool itself, full of example paths; archived changes are history.
    "openspec/AGENTS.md",
    "openspec/changes/archive/**",
    "**/node_modules/**",
)

SPEC_SUFFIXES = (".md", ".markdown", ".mdx")


class CoverageMap(NamedTuple):
    """A `[[tool.speclint.map]]` entry: code matching `code` is covered by `specs`."""

    code: tuple[str, ...]
    specs: tuple[str, ...]


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    specs: tuple[str, ...] = DEFAULT_SPECS
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    # Keyed by rule code or name as written; checked against the registry by `rules.settings`.
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    maps: tuple[CoverageMap, ...] = ()
    key_prefix: str = ""

    def key_origin(self, key: str) -> str:
        """`file:line: key.path`, for errors found after loading (unknown rule, bad option)."""
        key_path = self.key_prefix + key
        if self.path is None:
            return key_path
        return f"{_where(self.path, key_path)}: {key_path}"


_TOP_KEYS = {
    "specs",
    "extend-specs",
    "exclude",
    "extend-exclude",
    "select",
    "ignore",
    "fail-on",
    "rules",
    "map",
}


def find(root: Path) -> Path | None:
    for name in CONFIG_FILES:
        candidate = root / name
        if not candidate.is_file():
            continue
        if name != "pyproject.toml":
            return candidate
        if "speclint" in _read_toml(candidate).get("tool", {}):
            return candidate
    return None


def load(root: Path, explicit: Path | None = None) -> Config:
    path = explicit if explicit is not None else find(root)
    if path is None:
        return Config()
    if not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    data = _read_toml(path)
    prefix = ""
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("speclint", {}) if isinstance(tool, dict) else {}
        prefix = "tool.speclint."
    return _validate(path, data, prefix)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    if sys.version_info >= (3, 11):  # imported here: most repositories have no config file
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def _validate(path: Path, data: Mapping[str, Any], prefix: str) -> Config:
    def fail(key: str, expected: str, value: object) -> ConfigError:
        key_path = prefix + key
        return ConfigError(f"{_where(path, key_path)}: {key_path}: expected {expected}, got {_show(value)}")

    for key in data:
        if key not in _TOP_KEYS:
            known = ", ".join(sorted(_TOP_KEYS))
            key_path = prefix + key
            raise ConfigError(f"{_where(path, key_path)}: {key_path}: unknown key (known keys: {known})")

    def strings(key: str, default: tuple[str, ...]) -> tuple[str, ...]:
        value = data.get(key)
        if value is None:
            return default
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(key, "a list of strings", value)
        return tuple(value)

    specs = strings("specs", DEFAULT_SPECS) + strings("extend-specs", ())
    exclude = strings("exclude", DEFAULT_EXCLUDE) + strings("extend-exclude", ())
    fail_on_value = data.get("fail-on", "error")
    if fail_on_value not in SEVERITY_NAMES:
        raise fail("fail-on", 'one of "error", "warning", "info"', fail_on_value)
    rules = data.get("rules", {})
    if not isinstance(rules, dict) or not all(isinstance(v, dict) for v in rules.values()):
        raise fail("rules", "a table of rule tables, e.g. [tool.speclint.rules.SD202]", rules)
    return Config(
        path=path,
        specs=specs,
        exclude=exclude,
        select=strings("select", ()),
        ignore=strings("ignore", ()),
        fail_on=Severity.parse(fail_on_value),
        rules=rules,
        maps=_maps(data.get("map", []), fail),
        key_prefix=prefix,
    )


def _maps(value: object, fail: Any) -> tuple[CoverageMap, ...]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise fail("map", "an array of tables ([[tool.speclint.map]])", value)
    maps = []
    for i, entry in enumerate(value):
        unknown = set(entry) - {"code", "specs"}
        if unknown:
            raise fail(f"map[{i}].{sorted(unknown)[0]}", 'only the keys "code" and "specs"', entry)
        parts = []
        for key in ("code", "specs"):
            item = entry.get(key)
            if isinstance(item, str):
                item = [item]
            if not isinstance(item, list) or not item or not all(isinstance(v, str) for v in item):
                raise fail(f"map[{i}].{key}", "a glob or a non-empty list of globs", item)
            parts.append(tuple(item))
        maps.append(CoverageMap(code=parts[0], specs=parts[1]))
    return tuple(maps)


def _show(value: object) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        kind = "a table" if isinstance(value, dict) else "an array"
        return kind
    return repr(value)


def _where(path: Path, key_path: str) -> str:
    """`path:line` of the key (or, failing that, its nearest parent), by a plain text scan."""
    try:
        lines = path.read_text("utf-8", "replace").splitlines()
    except OSError:
        return str(path)
    for segment in reversed(key_path.split(".")):
        name = segment.split("[", 1)[0]
        pattern = re.compile(
            rf'^\s*["\']?{re.escape(name)}["\']?\s*=|^\s*\[+[^\]]*\b{re.escape(name)}["\']?\]'
        )
        for number, line in enumerate(lines, 1):
            if pattern.search(line):
                return f"{path}:{number}"
    return str(path)
