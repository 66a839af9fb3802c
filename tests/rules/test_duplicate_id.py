from __future__ import annotations

from tests.conftest import check_repo, positions
from tests.gitrepo import GitRepo


def test_two_tasks_and_two_phases_with_one_id(repo: GitRepo) -> None:
    repo.commit(
        files={
            "specs/001-auth/tasks.md": (
                "# Tasks\n\n## Phase 1: Setup\n- [ ] T012 Create the User model in src/models/user.py\n"
                "- [ ] T012 Add the login endpoint in src/api/login.py\n\n"
                "## Phase 1: Polish\n- [ ] T013 Write the docs\n\n"
                "## Verification\n- [ ] T013: The docs are written\n"
            ),
            # T012 in another feature is another task.
            "specs/002-billing/tasks.md": "- [ ] T012 Create invoices\n",
        }
    )
    report = check_repo(repo.root, select=["SD406"])
    assert positions(report) == [
        ("specs/001-auth/tasks.md", 5, 7, "SD406"),
        ("specs/001-auth/tasks.md", 7, 4, "SD406"),
    ]
    assert [f.message for f in report.findings] == [
        "`T012` is already defined at line 4",
        "`Phase 1` is already defined at line 3",
    ]
    assert [(r.line, r.message) for r in report.findings[0].related] == [(4, "first definition")]


def test_kiro_criteria_numbered_twice(repo: GitRepo) -> None:
    repo.commit(
        files={
            ".kiro/specs/mfa/requirements.md": (
                "### Requirement 2: Recovery\n\n#### Acceptance Criteria\n\n"
                "1. WHEN a device is lost THEN the system SHALL accept a recovery code\n"
                "2. The system SHALL show recovery codes once\n"
                "2. The system SHALL let an admin reset the second factor\n"
            )
        }
    )
    report = check_repo(repo.root, select=["SD406"])
    assert positions(report) == [(".kiro/specs/mfa/requirements.md", 7, 1, "SD406")]
    assert report.findings[0].message == "requirement `2.2` is already defined at line 6"


def test_gsd_summary_and_details_are_one_phase(repo: GitRepo) -> None:
    repo.commit(
        files={
            ".planning/ROADMAP.md": (
                "- [x] **Phase 1: Foundation** - scaffolding\n\n### Phase 1: Foundation\n**Depends on**: Nothing\n"
            )
        }
    )
    assert positions(check_repo(repo.root, select=["SD406"])) == []


def test_a_struck_through_heading_defines_no_id(repo: GitRepo) -> None:
    """OneMount: `## ~~Phase 17: Multi-Account Support~~ DEFERRED` was a second Phase 17."""
    tasks = (
        "# Tasks\n\n## Phase 1: Setup\n- [ ] T001 Create the User model\n\n"
        "## ~~Phase 2: Multi-account support~~ deferred\n- [ ] T002 Add accounts\n\n"
        "## Phase 2: Polish\n- [ ] T003 Write the docs\n"
    )
    repo.commit(files={"specs/001-auth/tasks.md": tasks})
    assert positions(check_repo(repo.root, select=["SD406"])) == []
    repo.commit(files={"specs/001-auth/tasks.md": tasks.replace("~~Phase 2: Multi-account support~~", "Phase 2: Multi-account support")})
    assert positions(check_repo(repo.root, select=["SD406"])) == [("specs/001-auth/tasks.md", 9, 4, "SD406")]
