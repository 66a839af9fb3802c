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


def test_kiro_criteria_written_as_numbered_lines_of_a_paragraph(repo: GitRepo) -> None:
    # cc-sdd writes criteria as `1.1 The system shall …` lines: not a markdown list, one paragraph.
    requirements = (
        "### Requirement 1: Status\n\n#### Acceptance Criteria\n"
        "1.1 The Repository shall store a `status` field.\n"
        "1.2 When a status changes, the Repository shall record the time.\n"
    )
    tasks = "- [x] 1. Add status\n  - _Requirements: 1.1, 1.2, 1.3_\n"
    repo.commit(files={".kiro/specs/repo/requirements.md": requirements, ".kiro/specs/repo/tasks.md": tasks})
    report = check_repo(repo.root, select=["SD501"])
    assert [f.message for f in report.findings] == [
        "requirement `1.3` is not defined in `.kiro/specs/repo`; did you mean `1.2`?",
    ]


def test_id_whose_lettered_parts_are_defined_names_them_all(repo: GitRepo) -> None:
    # `FR-002` split into `FR-002a` and `FR-002b`: citing `FR-002` cites the pair, not a typo.
    spec = "- **FR-001**: Hash passwords\n- **FR-002a**: Bound the rate\n- **FR-002b**: Only increase the slot\n"
    checklist = "- [x] CHK001 Are the bounds defined? [Spec §FR-002]\n- [x] CHK002 Is it logged? [Spec §FR-003]\n"
    repo.commit(files={"specs/001-fix/spec.md": spec, "specs/001-fix/checklists/audit.md": checklist})
    report = check_repo(repo.root, select=["SD501"])
    assert [(f.location.line, f.message) for f in report.findings] == [
        (2, "requirement `FR-003` is not defined in `specs/001-fix`; did you mean `FR-001`?"),
    ]
