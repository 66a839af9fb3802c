from __future__ import annotations

from tests.conftest import check_repo, positions
from tests.gitrepo import GitRepo


def test_a_cycle_is_reported_once_with_its_path(repo: GitRepo) -> None:
    repo.commit(
        files={
            "ROADMAP.md": (
                "## Phase 1: Core\n- [x] Task 1.1: Store codes\n\n"
                "## Phase 2: API\nDepends on: Phase 1, Phase 3\n- [ ] Task 2.1: Verify endpoint\n\n"
                "## Phase 3: UI\nDepends on: Phase 2\n- [ ] Task 3.1: Code entry screen\n"
            )
        }
    )
    report = check_repo(repo.root, select=["SD402"])
    assert positions(report) == [("ROADMAP.md", 5, 22, "SD402")]
    [finding] = report.findings
    assert finding.message == "dependency cycle: `Phase 2` → `Phase 3` → `Phase 2`"
    assert [(r.path, r.line, r.message) for r in finding.related] == [
        ("ROADMAP.md", 9, "Phase 3 depends on Phase 2"),
    ]


def test_spec_kit_tasks_blocking_each_other(repo: GitRepo) -> None:
    repo.commit(
        files={
            "specs/001-auth/tasks.md": (
                "## Phase 1: Setup\n- [ ] T001 Create project\n- [ ] T002 Configure linting\n"
                "- [ ] T003 Configure CI\n\n"
                "## Dependencies\n\n- T001 blocks T002\n- T002 blocks T003\n- T003 blocks T001\n"
            )
        }
    )
    report = check_repo(repo.root, select=["SD402"])
    assert positions(report) == [("specs/001-auth/tasks.md", 10, 3, "SD402")]
    assert report.findings[0].message == "dependency cycle: `T001` → `T003` → `T002` → `T001`"


def test_no_cycle_no_finding(repo: GitRepo) -> None:
    repo.commit(files={"ROADMAP.md": "## Phase 1: A\n- [ ] Task 1.1: a\n## Phase 2: B\nDepends on: Phase 1\n"})
    assert positions(check_repo(repo.root, select=["SD402"])) == []
