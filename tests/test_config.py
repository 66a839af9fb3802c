from __future__ import annotations

from pathlib import Path

import pytest

from speclint.config import DEFAULT_SPECS, Config, load
from speclint.errors import ConfigError
from speclint.findings import Severity
from speclint.selection import configure


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_config_file(tmp_path: Path) -> None:
    config = load(tmp_path)
    assert config == Config()
    assert "specs/**" in config.specs and ".kiro/specs/**" in config.specs


def test_pyproject_table_is_found_and_read(tmp_path: Path) -> None:
    write(
        tmp_path,
        "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.speclint]\nextend-specs = ["design/**"]\nfail-on = "warning"\n'
        'ignore = ["SD105"]\n\n[tool.speclint.rules.missing-file]\nseverity = "warning"\n',
    )
    config = load(tmp_path)
    assert config.specs == (*DEFAULT_SPECS, "design/**")
    assert config.fail_on is Severity.WARNING
    rules = {c.rule.code: c.severity for c in configure(config)}
    assert rules == {
        "SD101": Severity.WARNING,
        "SD102": Severity.ERROR,
        "SD103": Severity.WARNING,
        "SD104": Severity.WARNING,
        "SD201": Severity.WARNING,
        "SD202": Severity.INFO,
        "SD203": Severity.INFO,
        "SD301": Severity.ERROR,
        "SD401": Severity.ERROR,
        "SD402": Severity.ERROR,
        "SD403": Severity.ERROR,
        "SD404": Severity.WARNING,
        "SD406": Severity.ERROR,
        "SD501": Severity.ERROR,
        "SD503": Severity.ERROR,
    }


def test_pyproject_without_table_falls_through_to_speclint_toml(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[project]\nname = "x"\n')
    write(tmp_path, ".speclint.toml", 'specs = ["only/**"]\n')
    assert load(tmp_path).specs == ("only/**",)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        pytest.param(
            "speclint.toml",
            'spec = ["x"]\n',
            "speclint.toml:1: spec: unknown key (known keys: exclude, extend-exclude, extend-specs, "
            "fail-on, ignore, map, rules, select, specs)",
            id="unknown-key",
        ),
        pytest.param(
            "pyproject.toml",
            '[tool.speclint]\n\nfail-on = "fatal"\n',
            'pyproject.toml:3: tool.speclint.fail-on: expected one of "error", "warning", "info", got "fatal"',
            id="bad-fail-on",
        ),
        pytest.param(
            "speclint.toml",
            "specs = 3\n",
            "speclint.toml:1: specs: expected a list of strings, got 3",
            id="wrong-type",
        ),
        pytest.param(
            "speclint.toml",
            "specs = [\n",
            "speclint.toml: invalid TOML: Cannot declare ('specs',) twice",
            id="invalid-toml",
        ),
        pytest.param(
            "speclint.toml",
            '[[map]]\ncode = "src/**"\n',
            "speclint.toml:1: map[0].specs: expected a glob or a non-empty list of globs, got None",
            id="map-missing-specs",
        ),
    ],
)
def test_config_errors_name_file_line_and_key(tmp_path: Path, name: str, text: str, message: str) -> None:
    write(tmp_path, name, text)
    with pytest.raises(ConfigError) as error:
        load(tmp_path)
    if "invalid TOML" in message:
        assert str(error.value).startswith(f"{tmp_path / name}: invalid TOML:")
    else:
        assert str(error.value) == f"{tmp_path}/{message}"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("[rules.SD999]\nseverity = 'error'\n", "speclint.toml:1: rules.SD999: unknown rule (see `speclint rules`)", id="unknown-rule"),
        pytest.param("[rules.SD101]\nlevel = 3\n", "speclint.toml:2: rules.SD101.level: unknown option for SD101 (known: severity)", id="unknown-option"),
        pytest.param("[rules.SD101]\nseverity = 'loud'\n", "speclint.toml:2: rules.SD101.severity: expected one of \"error\", \"warning\", \"info\", \"off\", got 'loud'", id="bad-severity"),
        pytest.param("select = ['SD9']\n", "speclint.toml:1: select: unknown rule selector 'SD9' (see `speclint rules`)", id="bad-select"),
    ],
)
def test_rule_settings_are_validated(tmp_path: Path, text: str, message: str) -> None:
    write(tmp_path, "speclint.toml", text)
    with pytest.raises(ConfigError) as error:
        configure(load(tmp_path))
    assert str(error.value) == f"{tmp_path}/{message}"


def test_severity_off_disables_a_rule(tmp_path: Path) -> None:
    write(tmp_path, "speclint.toml", "[rules.SD105]\nseverity = 'off'\n")
    assert [c.rule.code for c in configure(load(tmp_path))] == [
        "SD101", "SD102", "SD103", "SD104", "SD201", "SD202", "SD203", "SD301",
        "SD401", "SD402", "SD403", "SD404", "SD406", "SD501", "SD503",
    ]


def test_select_prefix_and_name(tmp_path: Path) -> None:
    config = load(tmp_path)
    assert [c.rule.code for c in configure(config, select=["SD10"])] == ["SD101", "SD102", "SD103", "SD104", "SD105"]
    assert [c.rule.code for c in configure(config, select=["broken-spec-link"])] == ["SD105"]
    assert [c.rule.code for c in configure(config, ignore=["SD1", "SD3", "SD4", "SD5"])] == ["SD201", "SD202", "SD203"]
    assert [c.rule.code for c in configure(config, select=["SD4"])] == ["SD401", "SD402", "SD403", "SD404", "SD406"]
    assert [c.rule.code for c in configure(config, select=["SD4", "SD405"])] == [
        "SD401", "SD402", "SD403", "SD404", "SD405", "SD406"
    ]
