from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.gitrepo import GitRepo, git_env


@pytest.fixture(autouse=True)
def _isolated_git(monkeypatch: pytest.MonkeyPatch) -> None:
    """speclint itself runs git too: give it the same isolated config as the builder."""
    for key, value in git_env().items():
        if key.startswith("GIT_CONFIG"):
            monkeypatch.setenv(key, value)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    return GitRepo.init(tmp_path / "repo")


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


def run_cli(cwd: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    """Run the real console entry point in a subprocess, as a user would."""
    proc = subprocess.run(
        [sys.executable, "-m", "speclint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def speclint():  # type: ignore[no-untyped-def]
    return run_cli


def check_repo(root: Path, **request: object):  # type: ignore[no-untyped-def]
    """Run a check through the library entry point and return the report."""
    from speclint import runner

    return runner.check(runner.Request(cwd=root, **request))  # type: ignore[arg-type]


def positions(report) -> list[tuple[str, int, int, str]]:  # type: ignore[no-untyped-def]
    return [(f.location.path, f.location.line, f.location.column, f.rule) for f in report.findings]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="Rewrite golden output files from the current output instead of comparing with them.",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))
