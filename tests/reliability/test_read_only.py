"""speclint only reads: every command but `init` and `--write-baseline` leaves the work tree, the
index (its bytes, stat data included) and the git dir as they were; the cache is the only
exception. The commands that write do so atomically (temp file + rename).
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.gitrepo import GitRepo

CACHE = Path(".git") / "speclint"


def fingerprint(repo: GitRepo) -> dict[str, str]:
    """Every file under the root (the git dir too, but for speclint's cache): mode and content,
    plus `git ls-files -s`, computed last so that a git that rewrites the index is caught."""
    found: dict[str, str] = {}
    for path in sorted(repo.root.rglob("*")):
        relative = path.relative_to(repo.root)
        if relative == CACHE or CACHE in relative.parents:
            continue
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            found[str(relative)] = "link:" + os.readlink(path)
        elif stat.S_ISREG(info.st_mode):
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            found[str(relative)] = f"{oct(info.st_mode)}:{digest}:{info.st_mtime_ns}"
        else:
            found[str(relative)] = oct(info.st_mode)
    found["<ls-files -s>"] = hashlib.sha256(repo.git("ls-files", "-s").encode()).hexdigest()
    return found


@pytest.fixture
def busy(repo: GitRepo, tmp_path: Path) -> GitRepo:
    """A repository in the middle of work: staged and unstaged edits, a rename, an untracked file,
    and files whose stat data in the index is stale (what makes `git status` rewrite the index)."""
    repo.commit(
        "add",
        files={
            "src/app.py": "def run(x: int) -> int:\n    return x\n",
            "src/old.py": "OLD = 1\n",
            "specs/app/tasks.md": "- [x] T001 Build `src/app.py` with `run(x)`\n- [x] T002 Keep `src/old.py` (depends on T001)\n",
            "specs/app/design.md": "# Design\n\nSee [tasks](tasks.md#nothing).\n",
            "ROADMAP.md": "## Phase 1: Core\n\n- [ ] 1.1 Start (depends on 9.9)\n",
        },
    )
    repo.commit("edit", files={"src/app.py": "def run(x: int, y: int) -> int:\n    return x + y\n"})
    repo.mv("src/old.py", "src/new.py")  # a staged rename
    repo.write("specs/app/design.md", "# Design\n\nEdited, not staged: `src/gone.py`.\n")
    repo.write("notes.txt", "untracked\n")
    (tmp_path / "baseline.json").write_text('{"version": 1, "findings": []}\n')
    later = 1_800_000_000
    for path in ("src/app.py", "specs/app/tasks.md", "ROADMAP.md"):
        os.utime(repo.root / path, (later, later))  # same content, newer mtime: stat-dirty
    return repo


COMMANDS = [
    ["check"],
    ["check", "--no-cache"],
    ["check", "--staged"],
    ["check", "--head", "HEAD"],
    ["check", "--head", "HEAD~1", "--format", "json"],
    ["check", "specs/app", "--format", "sarif"],
    ["check", "--format", "github"],
    ["check", "--format", "gitlab"],
    ["check", "--format", "junit"],
    ["check", "--format", "markdown"],
    ["check", "--select", "SD1", "--fail-on", "info"],
    ["check", "--baseline", "{tmp}/baseline.json"],
    ["refs"],
    ["refs", "--format", "json", "--staged"],
    ["roadmap"],
    ["roadmap", "--format", "mermaid"],
    ["roadmap", "--format", "dot", "--head", "HEAD"],
    ["roadmap", "--format", "json"],
    ["rules"],
    ["explain", "SD101"],
    ["--version"],
]


def test_every_read_command_leaves_the_repository_untouched(busy: GitRepo, tmp_path: Path) -> None:
    before = fingerprint(busy)
    index = (busy.root / ".git" / "index").read_bytes()
    for command in COMMANDS:
        args = [a.replace("{tmp}", str(tmp_path)) for a in command]
        for attempt in ("cold", "warm") if command in COMMANDS[:4] else ("once",):
            result = run_cli(busy.root, *args)
            assert result.code in (0, 1), (args, result.err)
            assert (busy.root / ".git" / "index").read_bytes() == index, f"{args} ({attempt}) rewrote the index"
            assert fingerprint(busy) == before, f"{args} ({attempt}) changed the repository"


def test_output_file_is_written_atomically(busy: GitRepo, tmp_path: Path) -> None:
    before = fingerprint(busy)
    out = tmp_path / "report.json"
    out.write_text("old report\n")
    inode = out.stat().st_ino
    result = run_cli(busy.root, "check", "--format", "json", "--output", str(out))
    assert result.code == 1, result.err
    assert out.read_text().startswith("{") and out.stat().st_ino != inode  # renamed into place
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    assert fingerprint(busy) == before


def test_write_baseline_is_atomic_and_touches_nothing_else(busy: GitRepo, tmp_path: Path) -> None:
    before = fingerprint(busy)
    target = tmp_path / "baseline.json"
    inode = target.stat().st_ino
    result = run_cli(busy.root, "check", "--write-baseline", str(target))
    assert result.code == 0, result.err
    assert target.stat().st_ino != inode and '"findings"' in target.read_text()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    assert fingerprint(busy) == before
    assert run_cli(busy.root, "check", "--baseline", str(target)).code == 0


def test_init_writes_only_its_config(busy: GitRepo) -> None:
    before = fingerprint(busy)
    result = run_cli(busy.root, "init")
    assert result.code == 0, result.err
    after = fingerprint(busy)
    assert {k for k in after if after.get(k) != before.get(k)} == {"speclint.toml"}
    again = run_cli(busy.root, "init")
    assert again.code == 2 and fingerprint(busy) == after  # never overwrites
