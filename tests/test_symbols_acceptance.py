"""Issue acceptance: six languages, twenty symbols, five renames, one move, one new parameter."""

from __future__ import annotations

from tests.conftest import check_repo, positions
from tests.gitrepo import GitRepo

PYTHON = '''\
class MFAService:
    def generate_code(self, user_id):
        return "123456"

    def validate_code(self, user_id, code):
        return code == "123456"


def hash_password(password, salt=None):
    return password
'''
TYPESCRIPT = '''\
export class SessionStore {
  put(key: string, value: string): void {}
  get(key: string): string | undefined { return undefined; }
}

export function createSession(userId: string): SessionStore {
  return new SessionStore();
}
'''
JAVASCRIPT = '''\
export function fetchUser(id) {
  return fetch(`/users/${id}`);
}

export class ApiClient {
  request(path, options) {
    return fetch(path, options);
  }
}
'''
GO = '''\
package store

type Store struct {
	path string
}

func (s *Store) Put(key string, value []byte) error {
	return nil
}

func NewStore(path string) *Store {
	return &Store{path: path}
}
'''
RUST = '''\
pub struct Ledger {
    entries: Vec<u32>,
}

impl Ledger {
    pub fn append(&mut self, entry: u32) -> usize {
        self.entries.push(entry);
        self.entries.len()
    }
}

pub fn open_ledger(path: &str) -> Ledger {
    Ledger { entries: Vec::new() }
}
'''
JAVA = '''\
package com.example;

public class AuthController {
    public String login(String user, String password) {
        return user;
    }

    public void logout(String user) {
    }
}
'''
SPEC = """\
# Login across services

- [x] `MFAService.generate_code(user_id)` and `validate_code(user_id, code)` live in `src/auth/mfa.py`
- [x] `hash_password(password)` is in `src/auth/mfa.py`
- [x] `SessionStore.put(key, value)`, `SessionStore.get` and `createSession(userId)` in `web/src/session.ts`
- [x] `fetchUser(id)` and `ApiClient.request(path, options)` in `web/src/api.js`
- [x] `Store.Put(key, value)` and `NewStore(path)` in `store/store.go`
- [x] `Ledger::append(entry)` and `open_ledger(path)` in `ledger/src/lib.rs`
- [x] `AuthController.login(user, password)` and `AuthController.logout` in `app/src/main/java/com/example/AuthController.java`
- External names stay quiet: `os.path.join`, `JSON.parse()`, `fmt.Println`, `Vec::new`, `useState`.
"""
FILES = {
    "src/auth/mfa.py": PYTHON,
    "web/src/session.ts": TYPESCRIPT,
    "web/src/api.js": JAVASCRIPT,
    "store/store.go": GO,
    "ledger/src/lib.rs": RUST,
    "app/src/main/java/com/example/AuthController.java": JAVA,
    "specs/login.md": SPEC,
}


def test_clean_code_has_no_findings(repo: GitRepo) -> None:
    repo.commit("all", files=FILES)
    report = check_repo(repo.root, select=["SD1"])
    assert positions(report) == []
    assert report.summary.references >= 20


def test_renames_a_move_and_a_new_parameter(repo: GitRepo) -> None:
    repo.commit("all", files=FILES)
    sha = repo.commit(
        "rename, move and extend",
        files={
            "src/auth/mfa.py": PYTHON.replace("validate_code", "verify_code").split("\n\ndef hash_password")[0] + "\n",
            "src/auth/crypto.py": "def hash_password(password, salt=None):\n    return password\n",
            "web/src/session.ts": TYPESCRIPT.replace("createSession", "startSession"),
            "web/src/api.js": JAVASCRIPT.replace("fetchUser", "loadUser"),
            "store/store.go": GO.replace("NewStore", "OpenStore"),
            "ledger/src/lib.rs": RUST.replace("open_ledger", "load_ledger"),
            "app/src/main/java/com/example/AuthController.java": JAVA.replace(
                "String user, String password)", "String user, String password, String otp)"
            ),
        },
    )[:7]
    report = check_repo(repo.root, select=["SD1"])
    assert positions(report) == [
        ("specs/login.md", 3, 47, "SD102"),
        ("specs/login.md", 4, 7, "SD103"),
        ("specs/login.md", 5, 62, "SD102"),
        ("specs/login.md", 6, 7, "SD102"),
        ("specs/login.md", 7, 35, "SD102"),
        ("specs/login.md", 8, 35, "SD102"),
        ("specs/login.md", 9, 7, "SD104"),
    ]
    assert [f.message for f in report.findings] == [
        f"`validate_code` is not defined in any tracked source file; it became `MFAService.verify_code` in {sha} (src/auth/mfa.py:5)",
        "`hash_password` is not defined in `src/auth/mfa.py`; it is defined in `src/auth/crypto.py:1`",
        f"`createSession` is not defined in any tracked source file; it became `startSession` in {sha} (web/src/session.ts:6)",
        f"`fetchUser` is not defined in any tracked source file; it became `loadUser` in {sha} (web/src/api.js:1)",
        f"`NewStore` is not defined in any tracked source file; it became `OpenStore` in {sha} (store/store.go:11)",
        f"`open_ledger` is not defined in any tracked source file; it became `load_ledger` in {sha} (ledger/src/lib.rs:12)",
        "`AuthController.login(user, password)` does not match the definition `login(user, password, otp)` at "
        "app/src/main/java/com/example/AuthController.java:4: 2 parameters written, 3 required",
    ]
