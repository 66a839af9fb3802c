from __future__ import annotations

from tests.conftest import check_repo, positions
from tests.gitrepo import GitRepo

ROADMAP = """\
# MFA

## Phase 1: Core
- [x] Task 1.1: Create `src/mfa.py`
- [ ] Task 1.2: Store codes in Redis

## Phase 2: API
Depends on: Phase 1
- [x] Task 2.1: Add the verify endpoint
- [ ] Task 2.2: Add the resend endpoint

## Phase 3: UI ✅
Depends on: Phase 2
- Task 3.1: Code entry screen (depends on 1.2) ✅
"""


def test_done_items_whose_prerequisites_are_open(repo: GitRepo) -> None:
    repo.commit(files={"ROADMAP.md": ROADMAP, "src/mfa.py": "CODE = 1\n"})
    report = check_repo(repo.root, select=["SD403"])
    # Phase 2 is under way (one task done) while Phase 1 is open: said once, on its first done task.
    assert positions(report) == [
        ("ROADMAP.md", 9, 7, "SD403"),
        ("ROADMAP.md", 12, 4, "SD403"),
        ("ROADMAP.md", 14, 3, "SD403"),
    ]
    assert [f.message for f in report.findings] == [
        "`Task 2.1` is marked done, but its phase `Phase 2` depends on `Phase 1` (line 3), which is in progress",
        "`Phase 3` is marked done, but it depends on `Phase 2` (line 7), which is in progress",
        "`Task 3.1` is marked done, but it depends on `Task 1.2` (line 5), which is open",
    ]
    assert [(r.path, r.line, r.message) for r in report.findings[1].related] == [
        ("ROADMAP.md", 7, "Phase 2 is in progress")
    ]


def test_spec_kit_tasks_and_phases(repo: GitRepo) -> None:
    repo.commit(
        files={
            "specs/001-auth/tasks.md": (
                "## Phase 1: Setup\n- [X] T001 Create project\n- [ ] T002 Configure linting\n\n"
                "## Phase 2: Foundational\n- [X] T003 Create User model\n- [X] T004 Hash passwords\n\n"
                "## Dependencies\n\n- **Foundational (Phase 2)**: Depends on Setup completion (T001-T002)\n"
                "- T004 depends on T003\n"
            )
        }
    )
    report = check_repo(repo.root, select=["SD403"])
    assert positions(report) == [("specs/001-auth/tasks.md", 5, 4, "SD403")]
    assert report.findings[0].message == (
        "`Phase 2` is done, but it depends on `T002` (line 3), which is open"
    )


def test_statuses_nobody_states_are_not_open(repo: GitRepo) -> None:
    repo.commit(
        files={
            "ROADMAP.md": (
                "## Phase 1: Research\nNotes only.\n\n"
                "## Phase 2: Build\nDepends on: Phase 1\n- [x] Task 2.1: Build it\n"
                "- [ ]* Task 2.2: Optional polish\n\n"
                "## Phase 3: Ship\nDepends on: Phase 2\n**Status:** Complete\n"
            )
        }
    )
    assert positions(check_repo(repo.root, select=["SD403"])) == []
