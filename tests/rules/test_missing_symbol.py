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


def test_a_name_still_in_use_whose_local_definition_went_is_not_missing(repo: GitRepo) -> None:
    """The spec means the library's `VersionRange`; a same-named local property was removed."""
    code = "from nuget import parse\n\nclass Loader:\n    VersionRange = None\n\n    def load(self, text):\n        return parse(text)\n"
    user = "from nuget import VersionRange\n\ndef check(text):\n    return VersionRange.TryParse(text)\n"
    spec = "# Loader\n\nRanges are read with `VersionRange` from the library.\n"
    repo.commit("loader", files={"src/loader.py": code, "src/check.py": user, "specs/loader.md": spec})
    repo.commit("drop the local", files={"src/loader.py": code.replace("    VersionRange = None\n\n", "")})
    assert [f.rule for f in check_repo(repo.root).findings if f.rule == "SD102"] == []


def test_fields_without_bodies_are_not_renames_of_each_other(repo: GitRepo) -> None:
    make(repo)
    fields = "class Member:\n    on_update = None\n"
    repo.commit("fields", files={"src/auth/member.py": fields, "specs/member.md": "# M\n\n- [x] `Member.on_update` fires on edits.\n"})
    sha = repo.commit("swap", files={"src/auth/member.py": "class Member:\n    region = None\n"})[:7]
    messages = [f.message for f in check_repo(repo.root).findings if f.location.path == "specs/member.md"]
    assert messages == [f"`Member.on_update` is not defined in any tracked source file; it was removed in {sha}"]


def test_a_call_form_is_not_answered_by_a_file_of_the_same_name(repo: GitRepo) -> None:
    """`lib/db/withUserContext.ts` keeps its name when the function in it is renamed, and the
    callers edited in the same commit come first in the diff: the rename is still found."""
    definition = "export async function withUserContext(userId: string, fn: () => void) {\n  return fn()\n}\n"
    callers = {
        f"app/page{i}.tsx": 'import { withUserContext } from "@/lib/db/withUserContext"\n'
        f"export const load{i} = () => withUserContext(\"u\", () => {i})\n"
        for i in range(5)
    }
    spec = "# RLS\n\n- Every query runs in `withUserContext(userId, fn)`.\n- The helper lives in `withUserContext`.\n"
    repo.commit(files={"specs/rls.md": spec, "lib/db/withUserContext.ts": definition, **callers})
    assert positions(check_repo(repo.root)) == []
    renamed = {path: text.replace("withUserContext(", "runAsUser(").replace("{ withUserContext }", "{ runAsUser }")
               for path, text in callers.items()}
    repo.commit("rename", files={"lib/db/withUserContext.ts": definition.replace("withUserContext", "runAsUser"), **renamed})
    report = check_repo(repo.root)
    # Git saw the definition renamed, so the bare mention is reported too (a file of that name no
    # longer proves the symbol exists).
    assert positions(report) == [("specs/rls.md", 3, 23, "SD102"), ("specs/rls.md", 4, 23, "SD102")]
    assert all("it became `runAsUser`" in f.message for f in report.findings)


def test_a_dropped_field_is_no_proof_the_spec_meant_it(repo: GitRepo) -> None:
    """`htmlFor` in a spec is the DOM attribute; a props type that once declared it proves nothing."""
    code = (
        "interface FieldProps {\n  htmlFor: string\n}\n"
        "export function renderLabel(props: FieldProps) {\n  return props\n}\n"
    )
    spec = "- [x] Every input has a `<label>` with `htmlFor`, drawn by `renderLabel(props)`\n"
    repo.commit(files={"specs/forms.md": spec, "src/field.ts": code, "src/other.ts": "export const x = 1\n"})
    assert positions(check_repo(repo.root)) == []
    repo.commit("drop the helper", files={"src/field.ts": "export const y = 2\n"})
    assert positions(check_repo(repo.root)) == [("specs/forms.md", 1, 60, "SD102")]



HELPER = "def retry_with_backoff(operation, retries):\n    return operation()\n"
DESIGN = "# Design\n\n**Expected Interfaces**:\n- `retry_with_backoff()` for database operations\n"


def test_a_definition_gone_before_the_spec_was_written_is_no_proof(repo: GitRepo) -> None:
    """OneMount: a design's "Expected Interfaces" named `RetryWithBackoff()`, which matched a test
    helper deleted seven months before the design was written."""
    repo.commit("helpers", files={"tests/helpers.py": HELPER, "src/db.py": "def connect():\n    return None\n"})
    repo.commit("drop the helper", files={"tests/helpers.py": "def other():\n    return 1\n"})
    repo.commit("design", files={"specs/design.md": DESIGN})
    assert [f.message for f in check_repo(repo.root).findings if f.rule == "SD102"] == []


def test_a_definition_gone_after_the_spec_was_written_is_drift(repo: GitRepo) -> None:
    repo.commit("helpers", files={"tests/helpers.py": HELPER, "src/db.py": "def connect():\n    return None\n"})
    repo.commit("design", files={"specs/design.md": DESIGN})
    sha = repo.commit("drop the helper", files={"tests/helpers.py": "def other():\n    return 1\n"})[:7]
    assert [f.message for f in check_repo(repo.root).findings if f.rule == "SD102"] == [
        f"`retry_with_backoff` is not defined in any tracked source file; it was removed in {sha}"
    ]


def test_only_files_changed_since_head_are_searched_for_an_uncommitted_rename(repo: GitRepo) -> None:
    """A file as HEAD has it removed nothing: with a clean work tree HEAD is not searched, and an
    unchanged file naming the word takes none of the slots a changed one needs."""
    from speclint import git, snapshot
    from speclint.symbols.resolve import uncommitted_removals

    make(repo)
    repo.commit("users", files={f"src/use{i}.py": "from src.auth.mfa import generate_code\n" for i in range(4)})
    worktree = snapshot.worktree(git.open_repository(repo.root))
    assert uncommitted_removals(worktree, ["generate_code"], frozenset()) == {}
    repo.write("src/auth/mfa.py", CODE.replace("generate_code", "make_code"))
    found = uncommitted_removals(worktree, ["generate_code"], frozenset({"src/auth/mfa.py"}))
    assert [r.old_path for r in found["generate_code"]] == ["src/auth/mfa.py"]
