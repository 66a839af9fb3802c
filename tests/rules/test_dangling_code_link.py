from __future__ import annotations

from tests.conftest import check_repo, positions
from tests.gitrepo import GitRepo

SPEC = """\
# Auth

## Code expiry window

- **FR-001**: System MUST expire codes after 5 minutes
"""

CODE = """\
def verify(code: str) -> bool:  # spec: specs/auth.md#code-expiry-window
    return True


# spec: specs/auth.md#code-expiry
def expire() -> None: ...


// @spec specs/auth.md#FR-001
// @spec docs/gone.md
/* spec: ../specs/auth.md */
"""


def test_links_from_code_to_missing_files_and_anchors(repo: GitRepo) -> None:
    repo.commit(files={"specs/auth.md": SPEC, "src/auth/mfa.py": CODE, "docs/going.md": "# Going\n", "k8s/deploy.yaml": "spec:\n  replicas: 1\n"})
    report = check_repo(repo.root, select=["SD503"])
    assert positions(report) == [
        ("src/auth/mfa.py", 5, 9, "SD503"),
        ("src/auth/mfa.py", 10, 10, "SD503"),
    ]
    assert [f.message for f in report.findings] == [
        "`specs/auth.md#code-expiry`: `specs/auth.md` has no heading or id `code-expiry`; did you mean `#code-expiry-window`?",
        "`docs/gone.md`: `docs/gone.md` is not a tracked file; did you mean `docs/going.md`?",
    ]


def test_paths_limit_the_code_checked(repo: GitRepo) -> None:
    repo.commit(files={"specs/auth.md": SPEC, "src/auth/mfa.py": CODE, "lib/x.py": "# spec: specs/nope.md\n"})
    assert positions(check_repo(repo.root, select=["SD503"], paths=["lib"])) == [("lib/x.py", 1, 9, "SD503")]
