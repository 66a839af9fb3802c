"""The whole result of a check, cached by everything it depends on.

A rerun over an unchanged tree (the common case in editors, hooks and CI retries) then costs a
few read-only git plumbing calls and one cache read instead of a full check. Only plain full
checks are cached: the work tree, or a commit (`--head`). `--no-cache` neither reads nor writes.

The key is everything a check reads:

- the snapshot: for the work tree, every index entry (`git ls-files -s -v`: path, mode, blob,
  stage, flags) plus the content of every tracked file `git diff-files` says may differ from the
  index, or that is flagged assume-unchanged or skip-worktree (hashed as git would, so a file only
  touched keys like an untouched one); for a commit, its id;
- HEAD's commit id (history rules, renames, drift) and the shallow-clone boundary;
- the configuration: the file's bytes and the resolved `Config`;
- the request: paths (and the folder they are relative to), select, ignore, fail-on, the
  baseline's bytes;
- git's own settings that change what its commands print: the repository's config, global and
  system config files, `info/exclude` and `info/attributes`, and `GIT_*` variables;
- speclint's code (a hash of every file of the package), the Python version, and the installed
  tree-sitter grammar packages (file names, sizes and times).

What a check asks of files outside git's view, the ignore rules (`git check-ignore`, which reads
untracked `.gitignore` files and the user's excludes file), is recorded with the result and asked
again before a stored result is used. The key is computed again after the check and the result
stored only when it is unchanged, so a file edited during the check never files a result under
the wrong key. Each kind of request (mode, paths, options) has one slot that the newest result
replaces, so the cache does not grow with every edit.

Entries are pickles of our own dataclasses in the user's git dir (the same trust as the spec
cache); anything that cannot be read, or reads as something else, is a miss.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import stat
import sys
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from speclint import git
from speclint.cache import BlobCache, blob_id, open_cache
from speclint.report import Report

if TYPE_CHECKING:
    from speclint.context import CheckContext
    from speclint.rules.rule import Rule
    from speclint.runner import Request

FORMAT = 1
# Request fields whose value this cache understands; any other field must keep its default.
_KNOWN_FIELDS = frozenset(
    {"cwd", "paths", "staged", "head", "config_file", "select", "ignore", "fail_on", "baseline", "use_cache"}
)


def applies(request: Request) -> bool:
    """Cache only plain full checks: the work tree or a commit, no change-set modes."""
    if not request.use_cache or request.staged:
        return False
    for field in dataclasses.fields(request):
        if field.name in _KNOWN_FIELDS:
            continue
        default = field.default if field.default is not dataclasses.MISSING else (
            field.default_factory() if field.default_factory is not dataclasses.MISSING else object()
        )
        if getattr(request, field.name) != default:
            return False
    return True


class Lookup:
    """One request's slot and key; `report` is the stored result when the key still matches."""

    def __init__(self, request: Request, repo: git.Repository, store: BlobCache) -> None:
        self.request = request
        self.repo = repo
        self.store = store
        self.slot = _slot(request, repo)
        self.key = _key(request, repo)
        self.report: Report | None = self._load()

    @classmethod
    def open(cls, request: Request) -> Lookup | None:
        """The lookup for a request, or None when its result is not cached."""
        if not applies(request):
            return None
        repo = git.open_repository(request.cwd)
        store = open_cache(repo.git_dir, "results", enabled=True, salt=code_salt())
        return cls(request, repo, store)

    def _load(self) -> Report | None:
        raw = self.store.get(self.slot, "result")
        if raw is None:
            return None
        try:
            entry = pickle.loads(raw)
            if not isinstance(entry, dict) or entry.get("key") != self.key:
                return None
            asked, answer = entry["ignored"]
            if asked and git.ignored(self.repo.root, asked) != set(answer):
                return None  # an ignore rule outside git's view changed
            report = Report(
                findings=tuple(entry["findings"]),
                summary=entry["summary"],
                rules=RuleCodes(tuple(entry["rules"])),  # type: ignore[arg-type]
                fail_on=entry["fail_on"],
                notices=tuple(entry["notices"]),
                version=entry["version"],
                roadmap_mermaid=entry["roadmap_mermaid"],
            )
        except Exception:  # noqa: BLE001 - truncated, corrupt or foreign: a miss
            return None
        return report

    def store_result(self, report: Report, ctx: CheckContext) -> None:
        """Keep the result, unless the inputs changed while it was computed."""
        if any("cache not written" in n for n in report.notices):
            return  # a passing failure, not part of the answer
        if _key(self.request, self.repo) != self.key:
            return
        answers: dict[str, bool] = ctx.__dict__.get("ignore_answers", {})
        asked = sorted(answers)
        entry = {
            "key": self.key,
            "findings": report.findings,
            "summary": report.summary,
            "rules": [r.code for r in report.rules],
            "fail_on": report.fail_on,
            "notices": report.notices,
            "version": report.version,
            "roadmap_mermaid": report.roadmap_mermaid,
            "ignored": (asked, sorted(p for p in asked if answers[p])),
        }
        self.store.put(self.slot, "result", pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))


class RuleCodes(Sequence["Rule"]):
    """The report's rules, looked up in the registry only if a reporter asks (SARIF does):
    importing every rule costs more than the rest of a cached run."""

    def __init__(self, codes: tuple[str, ...]) -> None:
        self.codes = codes
        self._rules: tuple[Rule, ...] | None = None

    def _resolved(self) -> tuple[Rule, ...]:
        if self._rules is None:
            from speclint.rules import BY_KEY

            self._rules = tuple(BY_KEY[code] for code in self.codes)
        return self._rules

    def __getitem__(self, index: Any) -> Any:
        return self._resolved()[index]

    def __len__(self) -> int:
        return len(self.codes)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._resolved())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RuleCodes):
            return self.codes == other.codes
        if isinstance(other, (tuple, list)):
            return self._resolved() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.codes)

    def __repr__(self) -> str:
        return f"RuleCodes({self.codes!r})"


def _slot(request: Request, repo: git.Repository) -> str:
    """Which kind of request this is: one stored result per kind."""
    parts = [
        str(FORMAT),
        str(repo.root),
        str(request.cwd),
        "head" if request.head else "worktree",
        repr(tuple(request.paths)),
        repr(str(request.config_file) if request.config_file else None),
        repr(tuple(request.select)),
        repr(tuple(request.ignore)),
        repr(request.fail_on),
        repr(str(request.baseline) if request.baseline else None),
    ]
    return hashlib.sha1("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def _key(request: Request, repo: git.Repository) -> str:
    """Everything the result depends on, hashed."""
    from speclint import config as configs

    digest = hashlib.sha256()

    def add(label: str, data: bytes | str) -> None:
        raw = data.encode("utf-8", "surrogateescape") if isinstance(data, str) else data
        digest.update(b"%s\0%d\0" % (label.encode(), len(raw)) + raw)

    add("slot", _slot(request, repo))
    add("code", code_salt())
    add("python", sys.version)
    add("grammars", grammar_stamp())
    head = git.run(repo.root, "rev-parse", "-q", "--verify", "HEAD^{commit}", check=False).strip()
    add("HEAD", head)
    if request.head:
        add("commit", git.resolve_commit(repo.root, request.head))
    else:
        add("worktree", _worktree_state(repo.root))
    common = _common_dir(repo.git_dir)
    for name in ("shallow", "config", "info/exclude", "info/attributes"):
        add(name, _read(common / name))
    for path in _git_config_files():
        add(f"config:{path}", _read(path))
    add("env", "\0".join(f"{k}={v}" for k, v in sorted(os.environ.items()) if k.startswith("GIT_")))
    config_path = request.config_file if request.config_file is not None else configs.find(repo.root)
    if config_path is not None:
        add("config-file", _read(config_path))
    add("config", repr(configs.load(repo.root, request.config_file)))
    if request.baseline is not None:
        add("baseline", _read(request.baseline))
    return digest.hexdigest()


def _worktree_state(root: Path) -> bytes:
    """The index's entries plus the content of every tracked file that may differ from them."""
    listing = git.index_listing(root)
    suspects: dict[str, tuple[str, str]] = {}  # path → (status, work-tree mode)
    indexed: dict[str, tuple[str, str]] = {}  # path → (mode, blob), for the suspects only
    for record in listing.split(b"\0"):
        # Tags other than `H` (cached): flagged entries git does not stat, and conflicts.
        if record and not record.startswith(b"H "):
            path = record.split(b"\t", 1)[-1].decode("utf-8", "surrogateescape")
            suspects.setdefault(path, ("?", ""))
    changes = git.worktree_changes(root)
    for path, status, mode in changes:
        suspects[path] = (status, mode)
    if suspects:
        for record in listing.split(b"\0"):
            meta, _, raw_path = record.partition(b"\t")
            path = raw_path.decode("utf-8", "surrogateescape")
            if path in suspects:
                fields = meta.decode("ascii", "replace").split(" ")
                if len(fields) == 4:
                    indexed[path] = (fields[1], fields[2])
    out = [listing]
    for path in sorted(suspects):
        status, _ = suspects[path]
        # git says deleted when a leading folder became a symlink: never follow one out.
        content = ("gone", "") if status == "D" else _content_id(root, path)
        if status != "?" and content == indexed.get(path):
            continue  # only touched: the same as the index says
        out.append(f"\0{path}\0{status}\0{content}".encode("utf-8", "surrogateescape"))
    return b"".join(out)


def _content_id(root: Path, relative: str) -> tuple[str, str]:
    """(git mode, git blob id) of a work-tree file; only regular files and links are read, and
    never through a symlinked folder (a FIFO or a link out of the repository stays unread)."""
    path = root
    try:
        for part in relative.split("/")[:-1]:
            path = path / part
            if not stat.S_ISDIR(path.lstat().st_mode):
                return ("gone", "")
        path = path / relative.rsplit("/", 1)[-1]
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            return ("120000", blob_id(os.fsencode(os.readlink(path))))
        if not stat.S_ISREG(info.st_mode):
            return ("special", oct(stat.S_IFMT(info.st_mode)))
        data = path.read_bytes()
    except OSError as exc:
        return ("unreadable", str(exc.errno))
    return ("100755" if info.st_mode & 0o100 else "100644", blob_id(data))


def _common_dir(git_dir: Path) -> Path:
    """Where a linked work tree keeps the repository's shared files (config, shallow, info)."""
    pointer = _read(git_dir / "commondir").decode("utf-8", "surrogateescape").strip()
    return (git_dir / pointer).resolve() if pointer else git_dir


def _git_config_files() -> list[Path]:
    env = os.environ
    home = Path(env.get("HOME", "~")).expanduser()
    xdg = Path(env["XDG_CONFIG_HOME"]) if env.get("XDG_CONFIG_HOME") else home / ".config"
    files = [Path(env["GIT_CONFIG_GLOBAL"])] if env.get("GIT_CONFIG_GLOBAL") else [home / ".gitconfig", xdg / "git" / "config"]
    files.append(xdg / "git" / "ignore")  # the default excludes file
    if not env.get("GIT_CONFIG_NOSYSTEM"):
        files.append(Path(env.get("GIT_CONFIG_SYSTEM", "/etc/gitconfig")))
    return files


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


@lru_cache(maxsize=1)
def code_salt() -> str:
    """Changes with any file of the speclint package (code, queries), so results never outlive it."""
    digest = hashlib.sha1(b"%d" % FORMAT)
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if "__pycache__" in path.parts or not path.is_file() or path.suffix in (".pyc", ".pyo"):
            continue
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def grammar_stamp() -> str:
    """The installed tree-sitter packages, by their files' names, sizes and modification times
    (cheaper than reading package metadata, and it changes with every install)."""
    from importlib.util import find_spec

    from speclint.symbols.languages import LANGUAGES

    rows = []
    for module in sorted({"tree_sitter", *(lang.module for lang in LANGUAGES)}):
        try:
            spec = find_spec(module)
        except (ImportError, ValueError):
            spec = None
        folders = list(spec.submodule_search_locations or ()) if spec is not None else []
        if not folders:
            rows.append(f"{module}:absent")
            continue
        for folder in folders:
            try:
                with os.scandir(folder) as found:
                    for item in sorted(found, key=lambda e: e.name):
                        if item.is_file():
                            info = item.stat()
                            rows.append(f"{module}/{item.name}:{info.st_size}:{info.st_mtime_ns}")
            except OSError:
                rows.append(f"{module}:unreadable")
    return hashlib.sha1("\n".join(rows).encode()).hexdigest()
