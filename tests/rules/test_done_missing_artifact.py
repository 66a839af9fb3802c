from __future__ import annotations

from tests.conftest import check_repo, positions
from tests.gitrepo import GitRepo

TASKS = """\
# Tasks: Authentication

## Phase 2: Foundational

- [X] T012 [P] [US1] Create User model in src/models/user.py
- [X] T013 [US1] Implement login in src/api/login.py
- [x] T014 Update the README in docs/setup.md
- [ ] T015 [US1] Create Session model in src/models/session.py
- [x] T016 Add `src/models/token.py` (skipped - not needed)
"""


def test_checked_task_whose_file_is_absent(repo: GitRepo) -> None:
    repo.commit(
        files={
            "specs/001-auth/tasks.md": TASKS,
            "src/models/users.py": "class User: ...\n",
            "src/api/login.py": "def login(): ...\n",
            "docs/readme.md": "# Readme\n",
        }
    )
    report = check_repo(repo.root)
    assert positions(report) == [
        ("specs/001-auth/tasks.md", 5, 43, "SD404"),
        ("specs/001-auth/tasks.md", 7, 33, "SD101"),
    ]
    assert report.findings[0].message == (
        "`T012` is marked done, but its file `src/models/user.py` is not tracked; did you mean `src/models/users.py`?"
    )
    assert report.findings[0].target == "src/models/user.py"


def test_a_file_renamed_after_the_task_is_drift_not_a_false_claim(repo: GitRepo) -> None:
    repo.commit(files={"specs/001-auth/tasks.md": TASKS, "src/models/user.py": "class User: ...\n", "src/api/login.py": ""})
    repo.mv("src/models/user.py", "src/models/account.py")
    sha = repo.commit("rename user")[:7]
    report = check_repo(repo.root, select=["SD101", "SD404"])
    assert [(f.location.line, f.rule, f.message) for f in report.findings] == [
        (5, "SD101", f"`src/models/user.py` is not a tracked file; it was renamed to `src/models/account.py` in {sha}"),
    ]


def test_a_file_planned_by_an_open_task_is_never_reported_missing(repo: GitRepo) -> None:
    repo.commit(
        files={
            "specs/001-auth/tasks.md": "- [x] T001 Create project\n- [ ] T002 Create Session model in src/models/session.py\n",
            "specs/001-auth/plan.md": "Sessions live in `src/models/session.py`.\n",
            "src/app.py": "",
            "src/models/__init__.py": "",
        }
    )
    assert positions(check_repo(repo.root)) == []


def test_free_form_task_with_a_creating_verb(repo: GitRepo) -> None:
    repo.commit(
        files={
            "ROADMAP.md": "## Phase 1: Core MFA Service\n- [x] Task 1.1: Create `/src/services/MFAService.ts`\n",
            "src/services/index.ts": "export {}\n",
        }
    )
    report = check_repo(repo.root)
    assert positions(report) == [("ROADMAP.md", 2, 24, "SD404")]
    assert report.findings[0].message == (
        "`Task 1.1` is marked done, but its file `/src/services/MFAService.ts` is not tracked"
    )


def test_notes_after_the_fact(repo: GitRepo) -> None:
    repo.commit(
        files={
            "specs/002-chart/tasks.md": (
                "- [X] T042 [US2] Sync panes in frontend/src/chart/MainPane.tsx - Synchronized in App.tsx\n"
                "- [X] T058 [US4] Add focus border in frontend/src/chart/IndicatorPane.tsx - Not yet implemented\n"
                "- [X] T080 [P] Add CI in `.github/workflows/tests.yml` (pytest) - EXISTING ci.yml already covers it\n"
            ),
            "frontend/src/chart/App.tsx": "export {}\n",
            ".github/workflows/ci.yml": "on: push\n",
        }
    )
    report = check_repo(repo.root)
    assert positions(report) == [("specs/002-chart/tasks.md", 2, 38, "SD404")]
