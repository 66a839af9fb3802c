from __future__ import annotations

from tests.conftest import check_repo, positions
from tests.gitrepo import GitRepo

ROADMAP = """\
## Phase 1: Core
- [x] Task 1.1: Store codes
Acceptance: Unit tests pass, codes expire correctly

## Phase 2: API
- [ ] Task 2.1: Add the verify endpoint

## Phase 3: UI
- [ ] Task 3.1: Code entry screen

### Success Criteria
1. A user signs in with a code

## Phase 4: Research
Notes only, nothing to build.
"""


def test_off_by_default(repo: GitRepo) -> None:
    repo.commit(files={"ROADMAP.md": ROADMAP})
    assert positions(check_repo(repo.root)) == []


def test_phases_with_work_and_no_criteria(repo: GitRepo) -> None:
    repo.commit(files={"ROADMAP.md": ROADMAP})
    report = check_repo(repo.root, select=["SD405"])
    assert positions(report) == [("ROADMAP.md", 5, 4, "SD405")]
    assert report.findings[0].message == "`Phase 2` has no acceptance criteria"
