from __future__ import annotations

from tests.conftest import check_repo, positions
from tests.gitrepo import GitRepo

CODE = '''\
class MFAService:
    def __init__(self, store):
        self.store = store

    def generate_code(self, user_id):
        return "123456"

    def validate_code(self, user_id, code):
        return code == self.store.get(user_id)


def hash_password(password, salt=None):
    return password
'''

SPEC = """\
# MFA

- [x] Create `src/auth/mfa.py` with `MFAService.generate_code(user_id)` and `validate_code(user_id, code)`
- [x] `hash_password(password)` hashes passwords.
- Library calls stay quiet: `os.path.join`, `json.dumps()`, `crypto.randomInt()`, `Redis`, `user_id`,
  `mfa:{userId}:{code}`, `npm install`, `true`, `self.store`, `JSON.parse(text)`, `useState`.
- [ ] Later: `MFAService.revoke_code(user_id)` and `rotate_secret`.
"""


def make(repo: GitRepo) -> None:
    repo.commit("mfa", files={"src/auth/mfa.py": CODE, "specs/mfa.md": SPEC})


def test_clean_code_gives_no_findings(repo: GitRepo) -> None:
    make(repo)
    assert positions(check_repo(repo.root)) == []


def test_renamed_method_is_reported_with_its_new_name(repo: GitRepo) -> None:
    make(repo)
    sha = repo.commit("rename", files={"src/auth/mfa.py": CODE.replace("validate_code", "verify_code")})[:7]
    report = check_repo(repo.root)
    assert positions(report) == [("specs/mfa.md", 3, 77, "SD102")]
    assert report.findings[0].message == (
        f"`validate_code` is not defined in any tracked source file; it became `MFAService.verify_code` "
        f"in {sha} (src/auth/mfa.py:8)"
    )


def test_uncommitted_rename_is_reported_too(repo: GitRepo) -> None:
    make(repo)
    repo.write("src/auth/mfa.py", CODE.replace("generate_code", "make_code"))
    report = check_repo(repo.root)
    assert [f.message for f in report.findings] == [
        "`MFAService.generate_code` is not defined in any tracked source file; "
        "it became `MFAService.make_code` in the uncommitted changes (src/auth/mfa.py:5)"
    ]


def test_missing_member_of_a_repo_class(repo: GitRepo) -> None:
    make(repo)
    repo.write("specs/mfa.md", SPEC + "- [x] `MFAService.generate_codes()` batches.\n")
    repo.commit("spec")
    report = check_repo(repo.root)
    assert [(f.location.line, f.message) for f in report.findings] == [
        (8, "`MFAService` has no member `generate_codes` in any tracked source file; "
            "did you mean `MFAService.generate_code` (src/auth/mfa.py:5)?"),
    ]


def test_removed_function_is_reported(repo: GitRepo) -> None:
    make(repo)
    sha = repo.commit("drop hashing", files={"src/auth/mfa.py": CODE.split("\n\ndef hash_password")[0] + "\n"})[:7]
    report = check_repo(repo.root)
    assert [(f.location.line, f.location.column, f.message) for f in report.findings] == [
        (4, 7, f"`hash_password` is not defined in any tracked source file; it was removed in {sha}"),
    ]
