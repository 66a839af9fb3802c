from __future__ import annotations

from tests.conftest import check_repo, positions
from tests.gitrepo import GitRepo

REQUIREMENTS = """\
# Requirements Document

### Requirement 1: One-time codes

#### Acceptance Criteria

1. WHEN a user signs in THEN the system SHALL send a code
2. WHEN a code is older than 5 minutes THEN the system SHALL reject it
"""

TASKS = """\
# Implementation Plan

- [x] 1. Send codes
  - _Requirements: 1.1_
- [ ] 2. Expire codes
  - _Requirements: 1.2, 9.9_
- [ ] 3. Property tests
  - _Requirements: 1.1–1.3_
- [ ] 4. Documentation
  - _Requirements: All_
"""


def test_kiro_task_citing_an_undefined_requirement(repo: GitRepo) -> None:
    repo.commit(files={".kiro/specs/mfa/requirements.md": REQUIREMENTS, ".kiro/specs/mfa/tasks.md": TASKS})
    report = check_repo(repo.root, select=["SD501"])
    assert positions(report) == [
        (".kiro/specs/mfa/tasks.md", 6, 25, "SD501"),
        (".kiro/specs/mfa/tasks.md", 8, 20, "SD501"),
    ]
    assert [f.message for f in report.findings] == [
        "requirement `9.9` is not defined in `.kiro/specs/mfa`",
        "requirement `1.3` (in `1.1–1.3`) is not defined in `.kiro/specs/mfa`; did you mean `1.2`?",
    ]


def test_spec_kit_story_labels_and_gsd_requirement_lists(repo: GitRepo) -> None:
    repo.commit(
        files={
            "specs/001-auth/spec.md": "### User Story 1 - Sign in (Priority: P1)\n\n- **FR-001**: System MUST hash passwords\n",
            "specs/001-auth/tasks.md": (
                "- [ ] T001 [P] [US1] Hash passwords per FR-001\n- [ ] T002 [US2] Reset passwords per FR-009\n"
                "- [ ] T003 Store UTF-8 names\n"
            ),
            # A feature without a spec.md: its labels cannot be checked, and are not.
            "specs/002-todo/tasks.md": "- [ ] T001 [US7] List todos\n",
            ".planning/REQUIREMENTS.md": "- [ ] **AUTH-01**: User can sign in\n",
            ".planning/ROADMAP.md": "### Phase 1: Auth\n**Requirements**: AUTH-01, AUTH-07\n",
        }
    )
    report = check_repo(repo.root, select=["SD501"])
    assert positions(report) == [
        (".planning/ROADMAP.md", 2, 28, "SD501"),
        ("specs/001-auth/tasks.md", 2, 13, "SD501"),
        ("specs/001-auth/tasks.md", 2, 38, "SD501"),
    ]
    assert report.findings[1].message == "requirement `US2` is not defined in `specs/001-auth`; did you mean `User Story 1`?"


def test_code_comment_citing_an_id_no_spec_mentions(repo: GitRepo) -> None:
    repo.commit(
        files={
            "specs/001-auth/spec.md": "- **FR-001**: System MUST hash passwords\n\nSee also NFR-002.\n",
            "src/auth.py": (
                "# @spec FR-001\ndef hash_password(): ...\n\n"
                "# @spec FR-099\ndef reset(): ...\n\n"
                "# @spec NFR-002\ndef audit(): ...\n"
            ),
            "lib/types.ex": "@spec add(integer, integer) :: integer\n",
        }
    )
    report = check_repo(repo.root, select=["SD501"])
    assert positions(report) == [("src/auth.py", 4, 9, "SD501")]
    assert report.findings[0].message == "`FR-099` is not defined in any spec"
