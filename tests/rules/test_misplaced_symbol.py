from __future__ import annotations

from tests.conftest import check_repo, positions
from tests.gitrepo import GitRepo


def test_symbol_moved_to_another_file(repo: GitRepo) -> None:
    repo.commit(
        files={
            "src/auth/mfa.py": "def issue(user_id):\n    return 1\n",
            "src/auth/otp.py": "def verify_code(code):\n    return code\n",
            "src/api.py": "from src.auth.otp import verify_code\n\ndef handler(code):\n    return verify_code(code)\n",
            "specs/mfa.md": (
                "- [x] Implement `verify_code(code)` in `src/auth/mfa.py`\n"
                "- [x] `src/api.py` calls `verify_code` to check codes\n"
                "- [x] `src/auth/otp.py::verify_code` and `src/auth/mfa.py::issue`\n"
                "- [x] Update `src/auth/mfa.py`\n"
                "  - add `issue_code` then `verify_code`\n"
            ),
        }
    )
    report = check_repo(repo.root)
    # Line 5 sits under the item naming the file: that tie finds definitions but reports nothing.
    assert positions(report) == [("specs/mfa.md", 1, 17, "SD103")]
    assert report.findings[0].message == (
        "`verify_code` is not defined in `src/auth/mfa.py`; it is defined in `src/auth/otp.py:1`"
    )
