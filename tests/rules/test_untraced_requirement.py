from __future__ import annotations

from tests.conftest import check_repo, positions
from tests.gitrepo import GitRepo

REQUIREMENTS = """\
### Requirement 1: One-time codes

#### Acceptance Criteria

1. WHEN a user signs in THEN the system SHALL send a code
2. WHEN a code is older than 5 minutes THEN the system SHALL reject it

### Requirement 2: Recovery

#### Acceptance Criteria

1. WHEN a device is lost THEN the system SHALL accept a recovery code
"""


def test_off_by_default(repo: GitRepo) -> None:
    repo.commit(files={".kiro/specs/mfa/requirements.md": REQUIREMENTS, ".kiro/specs/mfa/tasks.md": "- [ ] 1. Codes\n  - _Requirements: 1.1_\n"})
    assert positions(check_repo(repo.root)) == []


def test_criteria_no_task_and_no_code_cites(repo: GitRepo) -> None:
    repo.commit(
        files={
            ".kiro/specs/mfa/requirements.md": REQUIREMENTS,
            ".kiro/specs/mfa/tasks.md": "- [ ] 1. Codes\n  - _Requirements: 1.1_\n",
            "src/recovery.py": "# @spec FR-001\n",
            "specs/001-auth/spec.md": "- **FR-001**: System MUST hash passwords\n- **FR-002**: System MUST lock accounts\n",
            "specs/001-auth/tasks.md": "- [ ] T001 Hash passwords\n",
            # No task in this feature cites anything: it does not trace, so it is not flooded.
            "specs/002-todo/spec.md": "- **FR-001**: System MUST list todos\n",
        }
    )
    report = check_repo(repo.root, select=["SD502"])
    assert positions(report) == [
        (".kiro/specs/mfa/requirements.md", 6, 1, "SD502"),
        (".kiro/specs/mfa/requirements.md", 12, 1, "SD502"),
        ("specs/001-auth/spec.md", 2, 5, "SD502"),
    ]
    assert report.findings[0].message == "requirement `1.2` is cited by no task and no code"


def test_citing_all_traces_the_feature(repo: GitRepo) -> None:
    repo.commit(
        files={
            ".kiro/specs/mfa/requirements.md": REQUIREMENTS,
            ".kiro/specs/mfa/tasks.md": "- [ ] 1. Codes\n  - _Requirements: 1_\n- [ ] 2. Docs\n  - _Requirements: All_\n",
        }
    )
    assert positions(check_repo(repo.root, select=["SD502"])) == []
