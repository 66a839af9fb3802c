"""Choose the rules to run and settle each one's severity and options from config and CLI."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any, NamedTuple

from speclint import catalog
from speclint.config import Config
from speclint.errors import ConfigError
from speclint.findings import SEVERITY_NAMES, Severity
from speclint.rules import BY_KEY, RULES
from speclint.rules.rule import Rule


class ConfiguredRule(NamedTuple):
    rule: Rule
    severity: Severity
    options: Any


def matches(selector: str, rule: Rule) -> bool:
    """`ALL`, a code prefix (`SD1`, `SD10`), a full code or a rule name."""
    return catalog.matches(selector, rule.code, rule.name)


def _explicit(selector: str, rule: Rule) -> bool:
    token = selector.strip()
    return token.upper() == rule.code or token.lower() == rule.name


def configure(
    config: Config,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
) -> list[ConfiguredRule]:
    """The rules to run: CLI `select` replaces config's, CLI `ignore` adds to it."""
    catalog.check_all(config, select=select, ignore=ignore)
    chosen = tuple(select) if select else config.select
    ignored = (*config.ignore, *ignore)
    settings = _settings(config)
    configured = []
    for rule in RULES:
        severity, options, off = settings.get(rule.code, (rule.severity, rule.options(), False))
        if chosen:
            wanted = any(_explicit(s, rule) for s in chosen) or (
                rule.enabled_by_default and any(matches(s, rule) for s in chosen)
            )
        else:
            wanted = rule.enabled_by_default
        if off or not wanted or any(matches(s, rule) for s in ignored):
            continue
        configured.append(ConfiguredRule(rule, severity, options))
    return configured


def _settings(config: Config) -> dict[str, tuple[Severity, Any, bool]]:
    """Per-rule `severity` and options from `[rules.<code or name>]` tables, validated."""
    result: dict[str, tuple[Severity, Any, bool]] = {}
    for key, table in config.rules.items():
        key_path = f"rules.{key}"
        rule = BY_KEY.get(key) or BY_KEY.get(key.upper())
        if rule is None:
            raise ConfigError(f"{config.key_origin(key_path)}: unknown rule (see `speclint rules`)")
        fields = rule.option_fields()
        severity, off = rule.severity, False
        values: dict[str, Any] = {}
        for name, value in table.items():
            where = config.key_origin(f"{key_path}.{name}")
            if name == "severity":
                if value == "off":
                    off = True
                elif value in SEVERITY_NAMES:
                    severity = Severity.parse(value)
                else:
                    raise ConfigError(f'{where}: expected one of "error", "warning", "info", "off", got {value!r}')
                continue
            field = fields.get(name)
            if field is None:
                known = ", ".join(["severity", *fields])
                raise ConfigError(f"{where}: unknown option for {rule.code} (known: {known})")
            expected = type(field.default) if field.default is not dataclasses.MISSING else object
            if expected is tuple:  # a list of strings in TOML
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    raise ConfigError(f"{where}: expected a list of strings, got {value!r}")
                value = tuple(value)
            elif not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
                raise ConfigError(f"{where}: expected {expected.__name__}, got {value!r}")
            choices = getattr(rule.options, "CHOICES", {}).get(field.name)
            if choices and value not in choices:
                listed = ", ".join(f'"{c}"' for c in choices)
                raise ConfigError(f"{where}: expected one of {listed}, got {value!r}")
            values[field.name] = value
        result[rule.code] = (severity, rule.options(**values), off)
    return result


def options_of(config: Config, code: str) -> Any:
    """One rule's options as configured, whether or not the rule is selected."""
    rule = BY_KEY[code]
    return _settings(config).get(rule.code, (rule.severity, rule.options(), False))[1]
