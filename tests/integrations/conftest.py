"""Shared by the integration tests: speclint's current source as a committed git repository.

pre-commit installs a hook repository from a commit, and the GitHub Action installs speclint from
its own checkout; both must see this working tree, uncommitted edits included, so the package is
copied (tracked and new, not ignored files) into a fresh repository with one commit.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.gitrepo import GitRepo

SOURCE = Path(__file__).resolve().parents[2]
# What installing speclint needs, and the two integration manifests.
PACKAGE_FILES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "action.yml")
PACKAGE_DIRS = ("speclint/",)


@dataclass(frozen=True)
class HookRepo:
    path: Path
    rev: str


def package_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=SOURCE,
        capture_output=True,
        check=True,
    ).stdout.decode()
    names = sorted({name for name in listed.split("\0") if name})
    return [
        name
        for name in names
        if (name in PACKAGE_FILES or name.startswith(PACKAGE_DIRS)) and (SOURCE / name).is_file()
    ]


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> HookRepo:
    repo = GitRepo.init(tmp_path_factory.mktemp("speclint-src") / "speclint")
    for name in package_files():
        target = repo.root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(SOURCE / name, target)
    rev = repo.commit("speclint as in the working tree")
    return HookRepo(repo.root, rev)
