"""A small typed builder for real git repositories in temporary folders.

Identity, dates and git config are fixed and isolated, so commit ids are deterministic and the
developer's own git settings never leak into a test.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

BASE_DATE = 1_700_000_000  # 2023-11-14, fixed so commit ids are the same on every run


def git_env(date: int = BASE_DATE) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="Ada Tester",
        GIT_AUTHOR_EMAIL="ada@example.com",
        GIT_COMMITTER_NAME="Ada Tester",
        GIT_COMMITTER_EMAIL="ada@example.com",
        GIT_AUTHOR_DATE=f"{date} +0000",
        GIT_COMMITTER_DATE=f"{date} +0000",
    )
    return env


@dataclass
class GitRepo:
    root: Path
    commits: int = 0
    env: dict[str, str] = field(default_factory=git_env)

    @classmethod
    def init(cls, root: Path) -> GitRepo:
        root.mkdir(parents=True, exist_ok=True)
        repo = cls(root)
        repo.git("init", "-q", "-b", "main")
        return repo

    def git(self, *args: str, input: str | None = None) -> str:
        proc = subprocess.run(
            ["git", *args],
            cwd=self.root,
            env=self.env,
            input=input,
            capture_output=True,
            text=True,
        )
        if proc.returncode != 0:
            raise AssertionError(f"git {' '.join(args)} failed: {proc.stderr}")
        return proc.stdout

    def write(self, path: str, content: str | bytes) -> Path:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
        return target

    def add(self, *paths: str) -> None:
        self.git("add", "--", *(paths or (".",)))

    def commit(self, message: str = "change", *, files: dict[str, str | bytes] | None = None) -> str:
        """Write `files`, stage everything and commit with the next fixed date; returns the id."""
        for path, content in (files or {}).items():
            self.write(path, content)
        self.git("add", "-A")
        self.commits += 1
        self.env = git_env(BASE_DATE + 3600 * self.commits)
        self.git("commit", "-q", "--allow-empty", "-m", message)
        return self.git("rev-parse", "HEAD").strip()

    def mv(self, old: str, new: str) -> None:
        (self.root / new).parent.mkdir(parents=True, exist_ok=True)
        self.git("mv", old, new)

    def rm(self, path: str) -> None:
        self.git("rm", "-q", path)

    def branch(self, name: str) -> None:
        self.git("checkout", "-q", "-b", name)

    def shallow_clone(self, target: Path, depth: int = 1) -> GitRepo:
        subprocess.run(
            ["git", "clone", "-q", f"--depth={depth}", f"file://{self.root}", str(target)],
            env=self.env,
            check=True,
            capture_output=True,
        )
        return GitRepo(target, env=dict(self.env))
