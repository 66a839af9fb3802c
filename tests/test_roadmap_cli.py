"""`speclint roadmap` in every format, and the roadmap graph in the markdown report."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.gitrepo import GitRepo

ROADMAP = """\
# MFA Roadmap

## Phase 1: Core MFA Service
- [x] Task 1.1: Create `src/mfa.py`
- [ ] Task 1.2: Store codes in "Redis" <fast> & #safe

## Phase 2: API
Depends on: Phase 1
- [ ] Task 2.1: Add the verify endpoint
- [ ] Task 2.2: Rate limiting (depends on 2.1)

## Phase 3: UI
Depends on: Phase 2, Phase 4
- [ ] Task 3.1: Code entry screen

## Phase 4: Docs
Depends on: Phase 3, Phase 9
- [ ] Task 4.1: Write the runbook
"""

TEXT = """\
ROADMAP.md (free-form, 1/6 tasks done)
  [~] Phase 1: Core MFA Service
    [x] Task 1.1 Create `src/mfa.py`
    [ ] Task 1.2 Store codes in "Redis" <fast> & #safe
  [ ] Phase 2: API  (after Phase 1)
    [ ] Task 2.1 Add the verify endpoint
    [ ] Task 2.2 Rate limiting (depends on 2.1)  (after Task 2.1)
  [ ] Phase 3: UI  (after Phase 2, Phase 4)
    [ ] Task 3.1 Code entry screen
  [ ] Phase 4: Docs  (after Phase 3, Phase 9?)
    [ ] Task 4.1 Write the runbook

Ready to start (1):
  ROADMAP.md:5  Task 1.2 Store codes in "Redis" <fast> & #safe
Critical path (2 open items): Phase 1 -> Phase 2
Cycle: Phase 3 -> Phase 4 -> Phase 3
"""


@pytest.fixture
def roadmap_repo(repo: GitRepo) -> GitRepo:
    repo.commit(files={"ROADMAP.md": ROADMAP, "src/mfa.py": "CODE = 1\n"})
    return repo


def test_text_shows_the_tree_what_is_ready_and_the_critical_path(roadmap_repo: GitRepo) -> None:
    result = run_cli(roadmap_repo.root, "roadmap")
    assert (result.code, result.err) == (0, "")
    assert result.out == TEXT


def test_json(roadmap_repo: GitRepo) -> None:
    data = json.loads(run_cli(roadmap_repo.root, "roadmap", "--format", "json").out)
    [document] = data["documents"]
    assert document["path"] == "ROADMAP.md"
    assert [(i["id"], i["status"], i["line"]) for i in document["items"][:3]] == [
        ("ROADMAP.md#phase:1", "in-progress", 3),
        ("ROADMAP.md#1.1", "done", 4),
        ("ROADMAP.md#1.2", "open", 5),
    ]
    assert document["items"][3]["depends_on"] == ["ROADMAP.md#phase:1"]
    assert data["unknown_dependencies"] == [
        {"path": "ROADMAP.md", "line": 17, "column": 22, "text": "Phase 9", "missing": "Phase 9"}
    ]
    assert data["cycles"] == [["ROADMAP.md#phase:3", "ROADMAP.md#phase:4"]]
    assert data["ready"] == ["ROADMAP.md#1.2"]
    assert data["critical_path"] == ["ROADMAP.md#phase:1", "ROADMAP.md#phase:2"]


def test_dot(roadmap_repo: GitRepo) -> None:
    out = run_cli(roadmap_repo.root, "roadmap", "--format", "dot").out
    assert out.startswith("digraph roadmap {\n")
    assert '[label="Task 1.2 Store codes in \\"Redis\\" <fast> & #safe", fillcolor="#ffffff"];' in out
    assert '[color="#cf222e", penwidth=2];' in out  # the cycle
    assert 'x0 [label="Phase 9?", color="#cf222e", style="dashed"];' in out
    if shutil.which("dot"):
        subprocess.run(["dot", "-Tsvg"], input=out, text=True, check=True, capture_output=True)


def test_mermaid_structure(roadmap_repo: GitRepo) -> None:
    out = run_cli(roadmap_repo.root, "roadmap", "--format", "mermaid").out
    lines = out.splitlines()
    assert lines[:3] == ["flowchart TD", '  subgraph d0["ROADMAP.md"]', '    subgraph n0["Phase 1: Core MFA Service"]']
    assert '      n2["Task 1.2 Store codes in #quot;Redis#quot; #lt;fast#gt; & #35;safe"]:::open' in lines
    assert '  x0["Phase 9?"]:::missing' in lines
    assert "  x0 -.-> n8" in lines
    assert "  linkStyle 3,4 stroke:#cf222e,stroke-width:3px" in lines


def test_paths_limit_the_documents(roadmap_repo: GitRepo) -> None:
    roadmap_repo.commit(files={"specs/001-a/tasks.md": "## Phase 1: Setup\n- [ ] T001 Create project\n"})
    out = run_cli(roadmap_repo.root, "roadmap", "specs").out
    assert out.startswith("specs/001-a/tasks.md (spec-kit, 0/1 tasks done)\n")
    assert "ROADMAP.md" not in out


def test_no_roadmap(repo: GitRepo) -> None:
    repo.commit(files={"specs/a.md": "# Notes\n\n- [ ] remember the milk\n"})
    assert run_cli(repo.root, "roadmap").out == "No roadmap found: no phases or tasks in the specs checked.\n"


def test_markdown_report_embeds_the_graph_only_for_roadmap_findings(roadmap_repo: GitRepo) -> None:
    out = run_cli(roadmap_repo.root, "check", "--format", "markdown").out
    assert "### Roadmap\n\n```mermaid\nflowchart TD\n" in out
    assert 'x0["Phase 9?"]:::missing' in out
    roadmap_repo.commit(files={"ROADMAP.md": "## Phase 1: Core\n- [ ] Task 1.1: Create `src/mfa.py`\n"})
    assert "mermaid" not in run_cli(roadmap_repo.root, "check", "--format", "markdown", "--exit-zero").out


# -- mermaid's own parser --------------------------------------------------------------------

MERMAID_DIR = Path(__file__).parent / "mermaid"


@pytest.fixture(scope="session")
def mermaid_parser() -> Path:
    """mermaid's parser under node (jsdom, no browser), installed once into a cache folder.

    Skipped when node or npm is absent, or when the npm registry cannot be reached.
    """
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.skip("node and npm are needed to run mermaid's parser")
    lock = (MERMAID_DIR / "package-lock.json").read_bytes()
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    target = cache / "speclint-tests" / f"mermaid-{hashlib.sha256(lock).hexdigest()[:12]}"
    if not (target / "node_modules" / "mermaid").is_dir():
        target.mkdir(parents=True, exist_ok=True)
        for name in ("package.json", "package-lock.json"):
            shutil.copy(MERMAID_DIR / name, target / name)
        proc = subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=target, capture_output=True, text=True
        )
        if proc.returncode != 0:
            pytest.skip(f"could not install mermaid from the npm registry: {proc.stderr.strip()[:200]}")
    shutil.copy(MERMAID_DIR / "validate.mjs", target / "validate.mjs")
    return target / "validate.mjs"


def parse_mermaid(validator: Path, chart: str) -> str:
    proc = subprocess.run(["node", str(validator)], input=chart, capture_output=True, text=True, timeout=120)
    return proc.stdout.strip()


def test_the_validator_rejects_a_broken_chart(mermaid_parser: Path) -> None:
    assert parse_mermaid(mermaid_parser, 'flowchart TD\n  a["x" --> b\n').startswith("error Parse error")


def test_mermaid_output_parses(roadmap_repo: GitRepo, mermaid_parser: Path) -> None:
    roadmap_repo.commit(
        files={
            "specs/001-auth/tasks.md": (
                "## Phase 1: Setup `x` {y} [z] (w) | ; %% end\n- [X] T001 Create `a|b` --> \"c\" end\n"
                "- [ ] T002 Add the `--force` flag; see #12\n\n## Dependencies\n\n- T002 depends on T001, T009\n"
            )
        }
    )
    out = run_cli(roadmap_repo.root, "roadmap", "--format", "mermaid").out
    assert parse_mermaid(mermaid_parser, out) == "ok flowchart-v2"
    report = run_cli(roadmap_repo.root, "check", "--format", "markdown").out
    chart = report.split("```mermaid\n", 1)[1].split("\n```", 1)[0]
    assert parse_mermaid(mermaid_parser, chart) == "ok flowchart-v2"
