from __future__ import annotations

from tests.conftest import check_repo, positions
from tests.gitrepo import GitRepo

ROADMAP = """\
# Roadmap

## Phase 1: Core
- [x] Task 1.1: Create `src/mfa.py`
- [x] Task 1.2: Store codes
- [ ] Task 1.3: Expire codes

## Phase 2: API
Depends on: Phase 1, Task 1.4
- [ ] Task 2.1: Add the verify endpoint (blocked by 2.7)
- [ ] Task 2.2: Rate limiting
  - Dependencies: Task 2.1, Phase 5

## Phase 3: Rollout
Requires: Python 3.11, Node 20
Ships after Phase 9 is reviewed.
"""


def test_unknown_phases_and_tasks_are_reported_where_they_are_named(repo: GitRepo) -> None:
    repo.commit(files={"ROADMAP.md": ROADMAP, "src/mfa.py": "CODE = 1\n"})
    report = check_repo(repo.root, select=["SD401"])
    assert positions(report) == [
        ("ROADMAP.md", 9, 22, "SD401"),
        ("ROADMAP.md", 10, 53, "SD401"),
        ("ROADMAP.md", 12, 29, "SD401"),
    ]
    assert [f.message for f in report.findings] == [
        "unknown dependency `1.4`: no phase or task has this id; did you mean `Task 1.3`?",
        "unknown dependency `2.7`: no phase or task has this id; did you mean `Task 2.2`?",
        "unknown dependency `Phase 5`: no phase or task has this id; did you mean `Phase 3`?",
    ]


SPEC_KIT_TASKS = """\
# Tasks

## Phase 1: Setup
- [x] T001 Create project structure
- [ ] T002 Configure linting

## Phase 2: Foundational
- [ ] T003 Create User model in src/models/user.py

## Dependencies & Execution Order

- **Foundational (Phase 2)**: Depends on Setup completion (T001-T002)
- **Polish (Phase 4)**: Depends on all user stories being complete
- T002 blocks T030
- Phase 2 depends on Phase 7
"""


def test_spec_kit_dependency_section(repo: GitRepo) -> None:
    repo.commit(
        files={
            "specs/001-auth/tasks.md": SPEC_KIT_TASKS,
            # Another feature's T030 is a different task: ids are scoped to their feature.
            "specs/002-billing/tasks.md": "## Phase 1: Setup\n- [ ] T030 Create invoices\n",
        }
    )
    report = check_repo(repo.root, select=["SD401"])
    assert positions(report) == [
        ("specs/001-auth/tasks.md", 14, 15, "SD401"),
        ("specs/001-auth/tasks.md", 15, 22, "SD401"),
    ]
    assert report.findings[0].message == "unknown dependency `T030`: no phase or task has this id; did you mean `T003`?"
    assert report.findings[1].target == "Phase 7"


def test_ids_of_a_kind_the_document_never_defines_are_not_reported(repo: GitRepo) -> None:
    repo.commit(
        files={
            "docs/roadmap.md": (
                "## Phase 1: Core\n- [ ] Write the core\n\n"
                "## Phase 2: API\nDepends on: 2.1, T004, US3\n- [ ] Add the API\n"
            ),
        }
    )
    assert positions(check_repo(repo.root, select=["SD401"])) == []


def test_cross_feature_dependencies_name_their_feature(repo: GitRepo) -> None:
    repo.commit(
        files={
            "specs/001-auth/tasks.md": "## Phase 1: Setup\n- [x] T014 Create sessions\n",
            "specs/002-billing/tasks.md": (
                "## Phase 1: Setup\n- [ ] T001 Create invoices\n  - Depends on: 001-auth:T014, 001-auth:T099\n"
            ),
        }
    )
    report = check_repo(repo.root, select=["SD401"])
    assert positions(report) == [("specs/002-billing/tasks.md", 3, 32, "SD401")]
    assert report.findings[0].message == (
        "unknown dependency `T099` of `001-auth`: no phase or task has this id"
    )
