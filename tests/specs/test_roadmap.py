"""Roadmaps in each dialect, parsed from files written the way real projects write them."""

from __future__ import annotations

import pytest

from speclint.specs import markdown
from speclint.specs.roadmap import analysis, graph, ids
from speclint.specs.roadmap.model import DocPlan, Mention
from speclint.specs.roadmap.parse import parse


def plan_of(path: str, text: str) -> DocPlan:
    return parse(markdown.parse(path, text))


def items(plan: DocPlan) -> list[tuple[str, str, str, int, int, str | None]]:
    """(key, kind, status, line, column, parent key) for every item."""
    out = []
    for item in plan.items:
        parent = plan.items[item.parent].key if item.parent is not None else None
        out.append((item.key, item.kind, item.status, item.line, item.column, parent))
    return out


def deps(plan: DocPlan) -> dict[str, list[tuple[str, int, int]]]:
    return {i.key: [(m.text, m.line, m.column) for m in i.depends_on] for i in plan.items if i.depends_on}


FREE_FORM = """\
# MFA Roadmap

## Phase 1: Core MFA Service ✅

- [x] Task 1.1: Create `/src/services/MFAService.ts`
- [x] Task 1.2: Define interface: `generateCode(userId)`, `validateCode(userId, code)`
  - Key format: `mfa:{userId}:{code}`

Acceptance: Unit tests pass, codes expire correctly

**Phase 2 — API Integration**

Depends on: Phase 1
Status: in progress

- [x] Task 2.1: Add the `/mfa/verify` endpoint (depends on 1.2)
- [ ] Task 2.2: Rate-limit verification attempts
  - Blocked by: 2.1

### Milestone 3

Dependencies: Phase 2, Task 2.2, Python 3.11
- Task 3.1: Roll out to beta users ❌
- Task 3.2: Write the runbook (after Phase 2)

The API work starts after Phase 2 is reviewed; requires: Node 20.
"""


def test_free_form_roadmap() -> None:
    plan = plan_of("ROADMAP.md", FREE_FORM)
    assert plan.dialect == "free-form"
    assert items(plan) == [
        ("phase:1", "phase", "done", 3, 4, None),
        ("1.1", "task", "done", 5, 7, "phase:1"),
        ("1.2", "task", "done", 6, 7, "phase:1"),
        ("phase:2", "phase", "in-progress", 11, 3, None),
        ("2.1", "task", "done", 16, 7, "phase:2"),
        ("2.2", "task", "open", 17, 7, "phase:2"),
        ("milestone:3", "phase", "unknown", 20, 5, None),
        ("3.1", "task", "open", 23, 3, "milestone:3"),
        ("3.2", "task", "unknown", 24, 3, "milestone:3"),
    ]
    # Prose ("starts after Phase 2", "requires: Node 20") and words ("Python 3.11") are not dependencies.
    assert deps(plan) == {
        "phase:2": [("Phase 1", 13, 13)],
        "2.1": [("1.2", 16, 60)],
        "2.2": [("2.1", 18, 17)],
        "milestone:3": [("Phase 2", 22, 15), ("Task 2.2", 22, 24)],
        "3.2": [("Phase 2", 24, 38)],
    }
    assert [i.acceptance for i in plan.items if i.kind == "phase"] == [True, False, False]


SPEC_KIT_SPEC = """\
# Feature Specification: Authentication

### User Story 1 - Sign in with a password (Priority: P1)

### User Story 2 - Reset a forgotten password (Priority: P2)

## Requirements

- **FR-001**: System MUST hash passwords with bcrypt
- **FR-002**: System MUST lock an account after 5 failed attempts
- **FR-003**: System MUST send reset links that expire after 1 hour
"""

SPEC_KIT_TASKS = """\
# Tasks: Authentication

## Phase 1: Setup (Shared Infrastructure)

- [X] T001 Create project structure per implementation plan
- [X] T002 [P] Configure linting in backend/pyproject.toml

---

## Phase 2: Foundational (Blocking Prerequisites)

- [X] T003 Create User model in backend/src/models/user.py
- [ ] T004 [P] Add password hashing utility in backend/src/auth/hashing.py (FR-001)

## Phase 3: User Story 1 - Sign in with a password (Priority: P1) 🎯 MVP

- [x] T007 [P] [US1] Implement login endpoint in backend/src/api/login.py
- [ ] T010 [US1] Lock accounts after failed attempts per FR-002
- [ ] T010a [US1] Log lockouts in backend/src/auth/audit.py

## Dependencies & Execution Order

### Phase Dependencies

- **Setup (Phase 1)**: No dependencies - can start immediately
- **Foundational (Phase 2)**: Depends on Setup completion (T001-T002) - BLOCKS all user stories
- **User Story 1 (P1)**: Can start after Foundational (Phase 2)
- Phase 3 depends on Phase 2
- T004 blocks T007
- T010 depends on T003 and T004
"""


def test_spec_kit_tasks_and_spec() -> None:
    tasks = plan_of("specs/001-auth/tasks.md", SPEC_KIT_TASKS)
    spec = plan_of("specs/001-auth/spec.md", SPEC_KIT_SPEC)
    assert (tasks.dialect, tasks.feature) == ("spec-kit", "specs/001-auth")
    assert items(tasks) == [
        ("phase:1", "phase", "unknown", 3, 4, None),
        ("T001", "task", "done", 5, 7, "phase:1"),
        ("T002", "task", "done", 6, 7, "phase:1"),
        ("phase:2", "phase", "unknown", 10, 4, None),
        ("T003", "task", "done", 12, 7, "phase:2"),
        ("T004", "task", "open", 13, 7, "phase:2"),
        ("phase:3", "phase", "unknown", 15, 4, None),
        ("T007", "task", "done", 17, 7, "phase:3"),
        ("T010", "task", "open", 18, 7, "phase:3"),
        ("T010a", "task", "open", 19, 7, "phase:3"),
    ]
    assert tasks.items[6].aliases == ("US1",)
    assert [i.parallel for i in tasks.items if i.kind == "task"] == [False, True, False, True, True, False, False]
    assert [(m.text, m.line, m.column) for m in tasks.items[5].cites] == [("FR-001", 13, 77)]
    assert [(m.text, m.line, m.column) for m in tasks.items[8].cites] == [("US1", 18, 13), ("FR-002", 18, 58)]
    assert [((a.text, a.line, a.column), (b.text, b.line, b.column)) for a, b in tasks.statements] == [
        (("Phase 2", 26, 19), ("T001-T002", 26, 60)),
        (("Phase 3", 28, 3), ("Phase 2", 28, 22)),
        (("T007", 29, 15), ("T004", 29, 3)),
        (("T010", 30, 3), ("T003", 30, 19)),
        (("T010", 30, 3), ("T004", 30, 28)),
    ]
    assert items(spec) == [
        ("US1", "story", "unknown", 3, 5, None),
        ("US2", "story", "unknown", 5, 5, None),
        ("FR-001", "requirement", "unknown", 9, 5, None),
        ("FR-002", "requirement", "unknown", 10, 5, None),
        ("FR-003", "requirement", "unknown", 11, 5, None),
    ]
    roadmap = graph.build([tasks, spec])
    node = {roadmap.nodes[n].key: n for n in range(len(roadmap.nodes))}
    assert sorted((roadmap.nodes[e.src].key, roadmap.nodes[e.dst].key) for e in roadmap.edges) == [
        ("T007", "T004"), ("T010", "T003"), ("T010", "T004"),
        ("phase:2", "T001"), ("phase:2", "T002"), ("phase:3", "phase:2"),
    ]
    assert [roadmap.status(node[k]) for k in ("phase:1", "phase:2", "phase:3")] == ["done", "in-progress", "in-progress"]
    assert roadmap.unknown_citations == []
    assert sorted(roadmap.nodes[n].key for n in roadmap.cited) == ["FR-001", "FR-002", "US1"]
    assert [roadmap.nodes[n].key for n in analysis.ready(roadmap, roadmap.work_items(tasks.path))] == ["T004"]


KIRO_REQUIREMENTS = """\
# Requirements Document

## Requirements

### Requirement 1: One-time codes

**User Story:** As a user, I want a second factor, so that a stolen password is not enough.

#### Acceptance Criteria

1. WHEN a user signs in THEN the system SHALL send a six-digit code
2. WHEN a code is older than 5 minutes THEN the system SHALL reject it
3. The system SHALL allow three attempts per code

### Requirement 2: Recovery

#### Acceptance Criteria

1. WHEN a user loses their device THEN the system SHALL accept a recovery code
2. The system SHALL show recovery codes once
"""

KIRO_TASKS = """\
# Implementation Plan

- [x] 1. Set up the MFA module
  - Create `src/mfa/__init__.py`
  - _Requirements: 1.1_

- [-] 2. Implement code verification
  - [x] 2.1 Write `verify_code` in `src/mfa/verify.py`
    - _Requirements: 1.1–1.3_
  - [ ]* 2.2 Write property tests for expiry
    - **Validates: Requirements 1.2**
  - [ ] 2.3 Lock out after three attempts
    - Depends on task 2.1
    - _Requirements: 1.3, 9.9_

- [ ] 3. Recovery codes
  - _Requirements: 2.1, 2.2_
"""


def test_kiro_requirements_and_tasks() -> None:
    reqs = plan_of(".kiro/specs/mfa/requirements.md", KIRO_REQUIREMENTS)
    tasks = plan_of(".kiro/specs/mfa/tasks.md", KIRO_TASKS)
    assert (tasks.dialect, tasks.feature) == ("kiro", ".kiro/specs/mfa")
    assert items(reqs) == [
        ("1", "requirement", "unknown", 5, 5, None),
        ("1.1", "requirement", "unknown", 11, 1, "1"),
        ("1.2", "requirement", "unknown", 12, 1, "1"),
        ("1.3", "requirement", "unknown", 13, 1, "1"),
        ("2", "requirement", "unknown", 15, 5, None),
        ("2.1", "requirement", "unknown", 19, 1, "2"),
        ("2.2", "requirement", "unknown", 20, 1, "2"),
    ]
    assert items(tasks) == [
        ("1", "task", "done", 3, 7, None),
        ("2", "task", "in-progress", 7, 7, None),
        ("2.1", "task", "done", 8, 9, "2"),
        ("2.2", "task", "optional", 10, 10, "2"),
        ("2.3", "task", "open", 12, 9, "2"),
        ("3", "task", "open", 16, 7, None),
    ]
    assert deps(tasks) == {"2.3": [("task 2.1", 13, 18)]}
    cites = {i.key: [(m.text, m.line, m.column) for m in i.cites] for i in tasks.items if i.cites}
    assert cites == {
        "1": [("1.1", 5, 20)],
        "2.1": [("1.1–1.3", 9, 22)],
        "2.2": [("1.2", 11, 33)],
        "2.3": [("1.3", 14, 22), ("9.9", 14, 27)],
        "3": [("2.1", 17, 20), ("2.2", 17, 25)],
    }
    roadmap = graph.build([reqs, tasks])
    assert [(u.mention.text, u.mention.line, u.mention.column, u.missing, u.hint) for u in roadmap.unknown_citations] == [
        ("9.9", 14, 27, "9.9", "")
    ]
    assert len(roadmap.cited) == 7  # every requirement and criterion is traced


def test_lettered_requirement_numbers_in_either_case() -> None:
    """Kiro's `### Requirement 2A:` once stopped the whole run with an internal error."""
    reqs = plan_of(
        ".kiro/specs/sync/requirements.md",
        "# Requirements\n\n### Requirement 2A: Initial sync\n\n### Requirement 2b: Caching\n",
    )
    assert [i.key for i in reqs.items] == ["2a", "2b"]
    assert ids.normal_num("02A.1") == "2a.1"


def test_a_struck_through_heading_withdraws_its_id() -> None:
    """OneMount's `## ~~Phase 17: …~~ DEFERRED` was reported as a second Phase 17."""
    plan = plan_of(
        "ROADMAP.md",
        "# Roadmap\n\n## Phase 16: Sync\n\n## ~~Phase 17: Accounts~~ deferred\n\n- [ ] Add accounts\n\n"
        "## Phase 17: Packaging\n",
    )
    assert [i.key for i in plan.items if i.kind == "phase"] == ["phase:16", "phase:17"]
    assert plan.duplicates == []


OPENSPEC_TASKS = """\
## 1. Schema
- [x] 1.1 Add the `mfa_codes` table in `db/migrations/0003_mfa.sql`
- [x] 1.2 Generate the model

## 2. API
- [ ] 2.1 Add the verify endpoint (depends on 1.2)
- [ ] 2.2 Document the endpoint
"""


def test_openspec_change_and_change_dependencies() -> None:
    tasks = plan_of("openspec/changes/add-mfa/tasks.md", OPENSPEC_TASKS)
    proposal = plan_of("openspec/changes/add-mfa/proposal.md", "# Add MFA\n\nDepends on: `add-sessions`\n")
    other = plan_of("openspec/changes/add-sessions/tasks.md", "## 1. Sessions\n- [ ] 1.1 Store sessions\n")
    assert (tasks.dialect, tasks.feature) == ("openspec", "openspec/changes/add-mfa")
    assert items(tasks) == [
        ("1", "phase", "unknown", 1, 4, None),
        ("1.1", "task", "done", 2, 7, "1"),
        ("1.2", "task", "done", 3, 7, "1"),
        ("2", "phase", "unknown", 5, 4, None),
        ("2.1", "task", "open", 6, 7, "2"),
        ("2.2", "task", "open", 7, 7, "2"),
    ]
    assert [(m.text, m.key, m.line, m.column) for m in proposal.loose_depends] == [
        ("add-sessions", "feature:add-sessions", 3, 14)
    ]
    roadmap = graph.build([tasks, proposal, other])
    edges = [(roadmap.nodes[e.src].label, roadmap.nodes[e.dst].label, roadmap.status(e.dst)) for e in roadmap.edges]
    assert edges == [("Task 2.1", "Task 1.2", "done"), ("add-mfa", "add-sessions", "open")]


GSD_ROADMAP = """\
# Roadmap: Sentinel Chatbot

## Phases

- [x] **Phase 1: Foundation** - Azure resources and scaffolding
- [ ] **Phase 2: Data Access** - KQL templates and the Sentinel client

## Phase Details

### Phase 1: Foundation
**Goal**: Resources are provisioned and the project is scaffolded
**Depends on**: Nothing (first phase)
**Requirements**: None (infrastructure prerequisite)
**Success Criteria** (what must be TRUE):
  1. `python -m src.config` validates the environment

Plans:
- [x] 01-01-PLAN.md -- Azure resource provisioning

### Phase 2: Data Access
**Goal**: The client runs every KQL template
**Depends on**: Phase 1
**Requirements**: QUERY-01, QUERY-02
"""


def test_gsd_roadmap_merges_the_summary_with_the_details() -> None:
    plan = plan_of(".planning/ROADMAP.md", GSD_ROADMAP)
    requirements = plan_of(".planning/REQUIREMENTS.md", "- [x] **QUERY-01**: User can list incidents\n")
    assert plan.dialect == "gsd"
    assert items(plan) == [
        ("phase:1", "phase", "done", 5, 9, None),
        ("phase:2", "phase", "open", 6, 9, None),
        ("#18", "task", "done", 18, 7, "phase:1"),
    ]
    assert plan.duplicates == []
    assert deps(plan) == {"phase:2": [("Phase 1", 22, 17)]}
    assert [(m.text, m.line, m.column) for m in plan.items[1].cites] == [("QUERY-01", 23, 19), ("QUERY-02", 23, 29)]
    assert [i.acceptance for i in plan.items[:2]] == [True, False]
    roadmap = graph.build([plan, requirements])
    assert [(u.missing, u.mention.line, u.hint) for u in roadmap.unknown_citations] == [("QUERY-02", 23, "QUERY-01")]


def test_duplicates_are_reported_but_repeats_of_the_same_item_are_not() -> None:
    plan = plan_of(
        "specs/002-x/tasks.md",
        "## Phase 1: A\n- [ ] T001 Create the model in src/model.py\n- [ ] T001 Add the login endpoint\n"
        "- [ ] T002 Write the docs\n\n## Phase 1: B\n\n## Verification\n- [ ] T002: The docs are written\n",
    )
    assert [(d.item.key, d.item.line, d.first.line) for d in plan.duplicates] == [
        ("T001", 3, 2), ("phase:1", 6, 1)
    ]


def test_phase_lists_under_different_headings_are_ambiguous_not_duplicates() -> None:
    plan = plan_of(
        "docs/plan.md",
        "# Plan\n## Implementation\n### Phase 1: Backend\n### Phase 2: UI\nDepends on: Phase 1\n"
        "## Rollout\n### Phase 1: Beta\n",
    )
    assert plan.duplicates == []
    assert plan.ambiguous == {"phase:1"}
    roadmap = graph.build([plan])
    # "Phase 1" from a phase of the Implementation list means that list's Phase 1.
    assert [(roadmap.nodes[e.src].title, roadmap.nodes[e.dst].title) for e in roadmap.edges] == [("UI", "Backend")]
    assert roadmap.unknown_dependencies == []


def test_cycles_are_found_once_with_their_path() -> None:
    plan = plan_of(
        "ROADMAP.md",
        "## Phase 1: A\nDepends on: Phase 3\n## Phase 2: B\nDepends on: Phase 1\n## Phase 3: C\nDepends on: Phase 2\n",
    )
    roadmap = graph.build([plan])
    [cycle] = analysis.cycles(roadmap)
    assert [roadmap.nodes[n].label for n in cycle.nodes] == ["Phase 1", "Phase 3", "Phase 2"]
    assert (cycle.edges[0].mention.line, cycle.edges[0].mention.column) == (2, 13)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Phase 1, Task 2.3", [("Phase 1", "phase:1", ""), ("Task 2.3", "2.3", "")]),
        ("T001-T006", [("T001-T006", "T001", "T006")]),
        ("1.1–1.7, 2.3", [("1.1–1.7", "1.1", "1.7"), ("2.3", "2.3", "")]),
        ("Setup completion (T001-T003)", [("T001-T003", "T001", "T003")]),
        ("User Stories 2 and 3", [("User Stories 2", "US2", ""), ("3", "US3", "")]),
        ("US-1 + US2 completion", [("US-1", "US1", ""), ("US2", "US2", "")]),
        ("task 1 (`rfc1035_peer_discovery`)", [("task 1", "1", "")]),
        ("002-auth:T014", [("002-auth:T014", "T014", "")]),
        ("`add-zod-validation`", [("add-zod-validation", "feature:add-zod-validation", "")]),
        ("Python 3.11, React 18", []),
        ("all user stories being complete", []),
        ("Nothing (first phase)", []),
        ("22.7.1", [("22.7.1", "22.7.1", "")]),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_id_lists(text: str, expected: list[tuple[str, str, str]]) -> None:
    found: list[Mention] = ids.parse_list(text, 1, 0)
    assert [(m.text, m.key, m.until) for m in found] == expected
