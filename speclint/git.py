"""Plain functions over git's plumbing commands; the only module that runs git.

Everything goes through subprocesses with `-z` output so quoting settings (`core.quotePath`)
never matter, and through the index file git itself picks, so `GIT_INDEX_FILE` (set by
pre-commit during `git commit -a`) is honoured.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable, Iterable, Iterator
from typing import IO, NamedTuple
from pathlib import Path

from speclint.errors import GitError

MODE_SYMLINK = "120000"
MODE_SUBMODULE = "160000"


class Entry(NamedTuple):
    """One tracked path: its git mode and blob id. (A named tuple: a check makes one per tracked
    file, and a frozen dataclass took twice as long to make.)"""

    mode: str
    blob: str

    @property
    def is_symlink(self) -> bool:
        return self.mode == MODE_SYMLINK

    @property
    def is_submodule(self) -> bool:
        return self.mode == MODE_SUBMODULE


def run(root: Path | None, *args: str, input: bytes | None = None, check: bool = True) -> bytes:
    """Run `git args…` in `root`; a failure becomes a one-line `GitError`."""
    env, scratch = _command_environment(root, args)
    try:
        proc = subprocess.run(["git", *args], cwd=root, input=input, capture_output=True, env=env)
    except FileNotFoundError:
        raise GitError("git is not installed or not on PATH") from None
    finally:
        if scratch is not None:
            Path(scratch).unlink(missing_ok=True)
    if check and proc.returncode != 0:
        raise _failure(args, proc.returncode, proc.stderr)
    return proc.stdout


def _command_environment(root: Path | None, args: tuple[str, ...]) -> tuple[dict[str, str], str | None]:
    """git's environment for `args`, and the private index copy a work-tree diff gets (if any)."""
    env = _environment()
    scratch = _index_copy(root) if _diffs_work_tree(args) else None
    if scratch is not None:
        env["GIT_INDEX_FILE"] = scratch
    return env, scratch


def _failure(args: tuple[str, ...], code: int, stderr: bytes) -> GitError:
    return GitError(f"git {args[0]} failed: {_first_line(stderr) or f'exit status {code}'}")


class Pending:
    """A git command started now and read later, so it runs while speclint parses.

    Its output goes to a temporary file, not a pipe: git never stalls on a full pipe that
    nobody reads yet (a long `git log` finishes while the specs are parsed).
    """

    def __init__(self, root: Path | None, *args: str, input: bytes | None = None) -> None:
        import tempfile

        self.args = args
        env, self._scratch = _command_environment(root, args)
        self._out = tempfile.TemporaryFile()
        self._err = tempfile.TemporaryFile()
        self._done: tuple[int, bytes, bytes] | None = None
        stdin: int | IO[bytes] = subprocess.DEVNULL
        if input is not None:  # from a file too, so a large input never blocks the start
            stdin = tempfile.TemporaryFile()
            stdin.write(input)
            stdin.seek(0)
        try:
            self._proc = subprocess.Popen(
                ["git", *args], cwd=root, stdin=stdin, stdout=self._out, stderr=self._err, env=env
            )
        except FileNotFoundError:
            self._finish()
            raise GitError("git is not installed or not on PATH") from None
        finally:
            if not isinstance(stdin, int):
                stdin.close()

    def output(self, *, check: bool = True) -> bytes:
        if self._done is None:
            code = self._proc.wait()
            self._out.seek(0)
            self._err.seek(0)
            self._done = (code, self._out.read(), self._err.read())
            self._finish()
        code, out, err = self._done
        if check and code != 0:
            raise _failure(self.args, code, err)
        return out

    def succeeded(self) -> bool:
        """Did the command exit with status 0 (waiting for it if it still runs)?"""
        self.output(check=False)
        assert self._done is not None
        return self._done[0] == 0

    def close(self) -> None:
        """Stop the command if nobody read it (a rule that turned out not to need it)."""
        if self._done is None:
            self._proc.kill()
            self._proc.wait()
            self._done = (-1, b"", b"stopped unread")
            self._finish()

    def _finish(self) -> None:
        self._out.close()
        self._err.close()
        if self._scratch is not None:
            Path(self._scratch).unlink(missing_ok=True)


def _diffs_work_tree(args: tuple[str, ...]) -> bool:
    """A porcelain `git diff` against the work tree (not `--cached`, not two commits)."""
    if args[:1] != ("diff",) or "--cached" in args:
        return False
    revisions = []
    for arg in args[1:]:
        if arg == "--":
            break
        if not arg.startswith("-"):
            revisions.append(arg)
    return len(revisions) < 2


def _index_copy(root: Path | None) -> str | None:
    """A private copy of the index for a porcelain `git diff` against the work tree.

    Such a diff refreshes stale stat data and writes the index back, GIT_OPTIONAL_LOCKS or not
    (git 2.39); a linter must not touch the user's index, so git rewrites this copy instead.
    """
    import shutil
    import tempfile

    try:
        found = subprocess.run(
            ["git", "rev-parse", "--path-format=absolute", "--git-path", "index"],
            cwd=root, capture_output=True, env=_environment(),
        )
    except FileNotFoundError:
        return None  # the diff itself then reports that git is missing
    index = Path(found.stdout.decode("utf-8", "surrogateescape").strip())
    if found.returncode != 0 or not index.is_file():
        return None
    fd, copy = tempfile.mkstemp(prefix="speclint-index-")
    os.close(fd)
    try:
        # copy2 keeps the index's modification time: git compares each entry's mtime with it to
        # spot "racily clean" entries (a file rewritten within the same timestamp tick, same size),
        # and a copy stamped now would make git trust their stale stat data.
        shutil.copy2(index, copy)
    except OSError:
        Path(copy).unlink(missing_ok=True)
        return None
    return copy


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    # Messages we parse must not be translated.
    env["LC_ALL"] = "C"
    env.pop("GIT_PAGER", None)
    # A linter only reads: never let `git diff` and friends rewrite the index behind the user.
    env["GIT_OPTIONAL_LOCKS"] = "0"
    return env


def _first_line(data: bytes) -> str:
    for line in data.decode("utf-8", "replace").splitlines():
        line = line.strip()
        if line:
            return line.removeprefix("fatal: ").removeprefix("error: ")
    return ""


class Repository(NamedTuple):
    root: Path
    git_dir: Path
    head: str | None = None  # the commit HEAD pointed at when opened; None before the first commit
    shallow: bool = False


def open_repository(start: Path) -> Repository:
    """Find the work tree containing `start`; bare repositories and non-repos are errors."""
    if not start.exists():
        raise GitError(f"{start}: no such directory")
    try:
        # One call for all a check asks first; with no commit yet, `--verify` fails quietly
        # (status 1) after the other answers.
        proc = subprocess.run(
            ["git", "rev-parse", "--is-bare-repository", "--show-toplevel", "--absolute-git-dir",
             "--is-shallow-repository", "--verify", "--quiet", "HEAD^{commit}"],
            cwd=start,
            capture_output=True,
            env=_environment(),
        )
    except FileNotFoundError:
        raise GitError("git is not installed or not on PATH") from None
    no_commits = proc.returncode == 1 and not proc.stderr.strip()
    if proc.returncode != 0 and not no_commits:
        cause = _first_line(proc.stderr)
        if "not a git repository" in cause:
            raise GitError(f"{start}: not a git repository (speclint checks the files git tracks)")
        if "must be run in a work tree" in cause:
            raise GitError(f"{start}: is a bare repository or a .git folder; run speclint in a work tree")
        raise GitError(f"{start}: {cause}")
    lines = proc.stdout.decode("utf-8", "surrogateescape").splitlines()
    if lines and lines[0] == "true":
        raise GitError(f"{start}: is a bare repository; run speclint in a work tree")
    if len(lines) < 4:
        raise GitError(f"{start}: not inside a git work tree")
    head = lines[4] if len(lines) > 4 and not no_commits else None
    return Repository(root=Path(lines[1]), git_dir=Path(lines[2]), head=head, shallow=lines[3] == "true")


def has_commits(root: Path) -> bool:
    return head_commit(root) is not None


def head_commit(root: Path) -> str | None:
    """The id of the commit HEAD points at; None in a repository with no commits yet."""
    return run(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}", check=False).decode().strip() or None


def resolve_commit(root: Path, ref: str) -> str:
    out = run(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", check=False).strip()
    if not out:
        raise GitError(f"unknown revision {ref!r}: not a commit in this repository")
    return out.decode()


def _split_z(data: bytes) -> Iterator[str]:
    for item in data.split(b"\0"):
        if item:
            yield item.decode("utf-8", "surrogateescape")


def deleted_in_worktree(root: Path) -> Callable[[], set[str]]:
    """Start listing the tracked files deleted from the work tree; call the result to read them
    (the listing runs while the caller lists the index)."""
    pending = Pending(root, "ls-files", "--deleted", "-z")
    return lambda: set(_split_z(pending.output()))


def index_entries(root: Path) -> dict[str, Entry]:
    """The index (stage 0 and conflicted stages alike): path → entry."""
    return index_records(index_raw(root))


def index_raw(root: Path) -> list[bytes]:
    """The index as raw `git ls-files -s -z` records, for callers that need only a few entries."""
    return [record for record in run(root, "ls-files", "-s", "-z").split(b"\0") if record]


def index_records(records: Iterable[bytes]) -> dict[str, Entry]:
    entries: dict[str, Entry] = {}
    for record in records:
        meta, path = record.decode("utf-8", "surrogateescape").split("\t", 1)
        mode, blob, _stage = meta.split(" ")
        entries[path] = Entry(mode, blob)
    return entries


def tree_entries(root: Path, commit: str, paths: Iterable[str] | None = None) -> dict[str, Entry]:
    """Every blob of a commit's tree (or only those at `paths`): path → entry."""
    entries: dict[str, Entry] = {}
    if paths is not None:
        wanted = sorted(set(paths))
        for start in range(0, len(wanted), 1000):  # within any command-line limit
            entries.update(_tree_records(root, commit, ["--", *(f":(literal){p}" for p in wanted[start : start + 1000])]))
        return entries
    return _tree_records(root, commit, [])


def _tree_records(root: Path, commit: str, limit: list[str]) -> dict[str, Entry]:
    entries: dict[str, Entry] = {}
    for record in _split_z(run(root, "ls-tree", "-r", "-z", "--full-tree", commit, *limit)):
        meta, path = record.split("\t", 1)
        mode, _kind, blob = meta.split(" ")
        entries[path] = Entry(mode, blob)
    return entries


def index_listing(root: Path) -> bytes:
    """`git ls-files -s -v`, raw: every index entry with its mode, blob, stage and flag tag
    (lowercase: assume-unchanged, `S`: skip-worktree). Read-only."""
    return run(root, "ls-files", "-s", "-v", "-z")


def worktree_changes(root: Path) -> list[tuple[str, str, str]]:
    """Tracked paths whose work-tree file may differ from the index, as (path, status, mode).

    `git diff-files` compares stat data (and content, for racily clean entries) without
    refreshing or writing the index, so a file only touched is listed too: callers hash content.
    """
    fields = run(root, "diff-files", "-z", "--no-renames").split(b"\0")
    changes = []
    for meta, raw_path in zip(fields[0::2], fields[1::2]):
        parts = meta.decode("ascii", "replace").lstrip(":").split(" ")
        if len(parts) == 5:
            changes.append((raw_path.decode("utf-8", "surrogateescape"), parts[4][:1], parts[1]))
    return changes


def ignored(root: Path, paths: Iterable[str]) -> set[str]:
    """Which of `paths` the repository's ignore rules match (generated, not authored)."""
    wanted = [p for p in paths if p]
    if not wanted:
        return set()
    out = run(
        root,
        "check-ignore",
        "--no-index",
        "-z",
        "--stdin",
        input=b"\0".join(p.encode("utf-8", "surrogateescape") for p in wanted) + b"\0",
        check=False,
    )
    return set(_split_z(out))


class PathChange(NamedTuple):
    """A path that history renamed (`new` set) or deleted (`new` None), in `commit`."""

    old: str
    new: str | None
    commit: str


def path_fates(
    root: Path, rev: str, paths: Iterable[str], names: Iterable[str] = (), *, max_commits: int = 40
) -> list[PathChange]:
    """What history did to these paths (and to files with these names): renamed or deleted.

    One path-limited `git log` finds the commits that deleted any of them (fast: git prunes by
    path), then only those commits are diffed with rename detection to find where each went.
    Newest first.
    """
    exact = sorted(set(paths))
    wanted_names = set(names)
    if not (exact or wanted_names) or not has_commits(root):
        return []
    deleted: dict[str, list[str]] = {}
    order: list[str] = []

    def scan(pathspecs: list[str], keep: Callable[[str], bool]) -> None:
        out = run(
            root, "log", "--no-renames", "--format=%x01%h", "--name-only", "-z", "--diff-filter=D", rev, "--",
            *pathspecs, check=False,
        )
        for chunk in out.split(b"\x01")[1:]:
            fields = [f.decode("utf-8", "surrogateescape").strip("\n") for f in chunk.split(b"\0")]
            kept = [f for f in fields[1:] if f and keep(f)]
            if kept and fields[0] not in deleted:
                order.append(fields[0])
            if kept:
                deleted.setdefault(fields[0], []).extend(kept)

    for start in range(0, len(exact), 500):
        scan(exact[start : start + 500], lambda _: True)
    if wanted_names:
        # One scan of all deletions beats a glob pathspec per name by far.
        scan([], lambda path: path.rsplit("/", 1)[-1] in wanted_names)
    changes: list[PathChange] = []
    for commit in order[:max_commits]:
        out = run(root, "diff-tree", "-r", "-M", "--diff-filter=DRA", "--name-status", "-z", "--no-commit-id", commit, check=False)
        wanted = set(deleted[commit])
        changes.extend(c for c in _name_status(commit, list(_split_z(out))) if c.old in wanted)
    return changes


def pending_changes(root: Path, *, cached: bool) -> list[PathChange]:
    """Renames and deletions between HEAD and the index (`cached`) or the work tree."""
    if not has_commits(root):
        return []
    args = ["diff", "-M", "--diff-filter=DRA", "--name-status", "-z"]
    if cached:
        args.append("--cached")
    out = run(root, *args, "HEAD", "--", check=False)
    fields = [f for f in _split_z(out)]
    label = "the staged changes" if cached else "uncommitted changes"
    return _name_status(label, fields)


def _name_status(commit: str, rest: list[str]) -> list[PathChange]:
    changes: list[PathChange] = []
    added: dict[str, list[str]] = {}
    deleted: list[str] = []
    i = 0
    while i < len(rest):
        status = rest[i]
        if status.startswith("R") and i + 2 < len(rest):
            changes.append(PathChange(rest[i + 1], rest[i + 2], commit))
            i += 3
        elif status[:1] in ("D", "A") and i + 1 < len(rest):
            path = rest[i + 1]
            if status.startswith("D"):
                deleted.append(path)
            else:
                added.setdefault(path.rsplit("/", 1)[-1], []).append(path)
            i += 2
        else:
            i += 1
    for path in deleted:
        twins = added.get(path.rsplit("/", 1)[-1], [])
        changes.append(PathChange(path, twins[0] if len(twins) == 1 else None, commit))
    return changes


class BlobReader:
    """One persistent `git cat-file --batch` process for reading many blobs cheaply."""

    def __init__(self, root: Path) -> None:
        self._root = root
        self._proc: subprocess.Popen[bytes] | None = None

    def read(self, blob: str) -> bytes:
        data = self.read_optional(blob)
        if data is None:
            raise GitError(f"git cat-file could not read blob {blob}")
        return data

    def read_optional(self, name: str) -> bytes | None:
        """An object by id or by `rev:path`; None when it does not exist."""
        if "\n" in name:
            return None
        proc = self._process()
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(name.encode("utf-8", "surrogateescape") + b"\n")
        proc.stdin.flush()
        header = proc.stdout.readline().split()
        if len(header) != 3:
            return None  # "<name> missing" or "ambiguous"
        size = int(header[2])
        data = proc.stdout.read(size)
        proc.stdout.read(1)  # the newline git writes after each object
        return data

    def _process(self) -> subprocess.Popen[bytes]:
        if self._proc is None:
            try:
                self._proc = subprocess.Popen(
                    ["git", "cat-file", "--batch"],
                    cwd=self._root,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    env=_environment(),
                )
            except FileNotFoundError:
                raise GitError("git is not installed or not on PATH") from None
        return self._proc

    def close(self) -> None:
        if self._proc is not None:
            assert self._proc.stdin is not None
            self._proc.stdin.close()
            self._proc.wait()
            if self._proc.stdout is not None:
                self._proc.stdout.close()
            self._proc = None

    def __enter__(self) -> BlobReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_GREP_FILES = ("grep", "-I", "-l", "-F", "-z", "--no-color", "--full-name")


def _grep_patterns(words: Iterable[str]) -> bytes:
    return b"".join(w.encode("utf-8", "surrogateescape") + b"\n" for w in sorted({w for w in words if w}))


def grep_files(
    root: Path,
    words: Iterable[str],
    *,
    cached: bool = False,
    commit: str | None = None,
    exclude: Iterable[str] = (),
) -> set[str]:
    """Tracked text files that contain any of `words` (as substrings), in one `git grep -l`.

    `-l` stops at a file's first hit; asking for every match (`-o -w`) is orders of magnitude
    slower with hundreds of patterns, so callers check whole words in the files this returns.
    """
    patterns = _grep_patterns(words)
    if not patterns:
        return set()
    excludes = [f":(exclude,glob){pattern}" for pattern in exclude]
    args = list(_GREP_FILES)
    if cached:
        # Reading every blob from the object store is slow; the work-tree copy of a file is the
        # same bytes unless git lists it as changed there or is told not to look at it.
        differ = _worktree_differs(root)
        found = {p for p in _split_z(run(root, *args, "-f", "-", "--", ".", *excludes, input=patterns, check=False))}
        found -= differ
        for start in range(0, len(differ), 500):
            chunk = [f":(literal){p}" for p in sorted(differ)[start : start + 500]]
            out = run(root, *args, "--cached", "-f", "-", "--", *chunk, *excludes, input=patterns, check=False)
            found.update(_split_z(out))
        return found
    args += ["-f", "-"]
    if commit:
        args.append(commit)
    args += ["--", ".", *excludes]
    out = run(root, *args, input=patterns, check=False)
    prefix = f"{commit}:" if commit else ""
    return {p.removeprefix(prefix) for p in _split_z(out)}


def _worktree_differs(root: Path) -> set[str]:
    """Tracked paths whose work-tree file may not hold the index's bytes: changed or deleted
    there, or flagged assume-unchanged or skip-worktree (sparse checkouts)."""
    differ = set(_split_z(run(root, "diff-files", "--name-only", "-z", check=False)))
    for record in run(root, "ls-files", "-v", "-z").split(b"\0"):
        if record and not record.startswith(b"H "):  # assume-unchanged (h), skip-worktree (S), unmerged (M)
            differ.add(record[2:].decode("utf-8", "surrogateescape"))
    return differ


MAX_HISTORY_WORDS = 1000  # names asked of history per run; more are left unconfirmed
RECENT_COMMITS = 2000  # how far back a removed definition is looked for


class Removal(NamedTuple):
    """A commit whose diff removed a line mentioning a word: where a definition may have gone."""

    commit: str
    subject: str
    old_path: str
    new_path: str | None


def word_removals(
    root: Path,
    words: Iterable[str],
    rev: str = "HEAD",
    *,
    per_word: int = 3,
    max_commits: int = 5000,
    extensions: Iterable[str] = (),
) -> dict[str, list[Removal]]:
    """For each word, the newest commits (up to `per_word`) whose diffs removed a line with it,
    in files with one of `extensions` (all but prose when none are given)."""
    wanted = sorted({w for w in words if w})[:MAX_HISTORY_WORDS]
    if not wanted or not has_commits(root):
        return {}
    found: dict[str, list[Removal]] = {}
    # Only recent history: -G diffs every commit it walks, and old removals were news long ago.
    boundary = run(root, "rev-list", "--max-count=1", f"--skip={RECENT_COMMITS}", rev, check=False).strip()
    span = f"{boundary.decode()}..{rev}" if boundary else rev
    # A few hundred names per pass keep the command line and git's regex small.
    pathspec = [f":(glob,icase)**/*{extension}" for extension in sorted(set(extensions))] or [
        ".", *(f":(exclude,glob){g}" for g in ("**/*.md", "**/*.mdx", "**/*.markdown", "**/*.rst", "**/*.txt"))
    ]
    for start in range(0, len(wanted), 200):
        chunk = wanted[start : start + 200]
        pattern = "|".join(re.escape(w).replace("\\$", "[$]") for w in chunk)
        out = run(
            root, "log", f"--max-count={max_commits}", "-p", "-U0", "--no-color", "--no-ext-diff",
            "--format=%x01%h%x00%s", f"-G({pattern})", span, "--", *pathspec,
            check=False,
        )
        _scan_removals(out, chunk, per_word, found)
    return found


# A removed line that defines the word right after a keyword (or a Go receiver).
_DEFINES = re.compile(
    r"(?:\b(?:def|function|func|fn|class|interface|type|struct|enum|trait|const|let|var|val|module|object)\s+"
    r"|\bfunc\s*\([^)]*\)\s*)\Z"
)


_WORD_RUN = re.compile(r"[\w$]+")


def _scan_removals(out: bytes, wanted: list[str], per_word: int, found: dict[str, list[Removal]]) -> None:
    finder = re.compile(r"(?<![\w$])(" + "|".join(re.escape(w) for w in wanted) + r")(?![\w$])")
    # A match is a whole run of word characters equal to a wanted word: a line whose runs are none
    # of them is passed over with a set test, far cheaper than the pattern's 200 alternatives.
    words = set(wanted) if all(_WORD_RUN.fullmatch(w) for w in wanted) else None
    commit = subject = ""
    old_path: str | None = None
    new_path: str | None = None
    defining: set[Removal] = set()
    for raw in out.split(b"\n"):
        if raw.startswith(b"\x01"):
            head, _, rest = raw[1:].partition(b"\0")
            commit, subject = head.decode(), rest.decode("utf-8", "replace")
        elif raw.startswith(b"--- "):
            name = raw[4:].decode("utf-8", "surrogateescape")
            old_path = name[2:] if name.startswith("a/") else None
        elif raw.startswith(b"+++ "):
            name = raw[4:].decode("utf-8", "surrogateescape")
            new_path = name[2:] if name.startswith("b/") else None
        elif raw.startswith(b"-") and old_path is not None:
            line = raw.decode("utf-8", "replace")
            if words is not None and words.isdisjoint(_WORD_RUN.findall(line)):
                continue
            for match in finder.finditer(line):
                removals = found.setdefault(match.group(1), [])
                entry = Removal(commit, subject, old_path, new_path)
                if entry in removals:
                    continue
                defines = _DEFINES.search(line, 0, match.start()) is not None
                if defines:
                    defining.add(entry)
                if len(removals) < per_word:
                    removals.append(entry)
                elif defines:
                    # The definition's own removal beats callers' (a rename whose callers were
                    # edited first in the diff would otherwise crowd it out).
                    callers = [i for i, r in enumerate(removals) if r not in defining]
                    if callers:
                        removals[callers[-1]] = entry


class GrepFiles:
    """`grep_files` over the work tree, started now and read later (`files()`)."""

    def __init__(self, root: Path, words: Iterable[str], *, exclude: Iterable[str] = ()) -> None:
        patterns = _grep_patterns(words)
        excludes = [f":(exclude,glob){pattern}" for pattern in exclude]
        self._pending = Pending(root, *_GREP_FILES, "-f", "-", "--", ".", *excludes, input=patterns) if patterns else None

    def close(self) -> None:
        if self._pending is not None:
            self._pending.close()

    def files(self) -> set[str]:
        return set(_split_z(self._pending.output(check=False))) if self._pending is not None else set()


class GrepLines:
    """The tracked text lines holding any of some fixed strings, in one `git grep` started now and
    read later (`lines()`), so git searches while speclint parses: (path, line number, text).

    Fixed strings, not a regular expression: git finds them several times faster, and far less
    of the two cores goes to it while the specs are parsed; callers read the few lines found
    with their own stricter pattern.
    """

    def __init__(
        self,
        root: Path,
        fixed: Iterable[str],
        *,
        cached: bool = False,
        commit: str | None = None,
        exclude: Iterable[str] = (),
    ) -> None:
        args = ["grep", "-I", "-n", "-z", "-F", "--no-color", "--full-name"]
        if cached:
            args.append("--cached")
        for text in fixed:
            args += ["-e", text]
        if commit:
            args.append(commit)
        args += ["--", ".", *(f":(exclude,glob){glob}" for glob in exclude)]
        self._prefix = f"{commit}:" if commit else ""
        self._pending = Pending(root, *args)

    def close(self) -> None:
        self._pending.close()

    def lines(self) -> list[tuple[str, int, str]]:
        found = []
        for raw in self._pending.output(check=False).split(b"\n"):
            parts = raw.split(b"\0", 2)
            if len(parts) != 3 or not parts[1].isdigit():
                continue
            path = parts[0].decode("utf-8", "surrogateescape").removeprefix(self._prefix)
            found.append((path, int(parts[1]), parts[2].decode("utf-8", "replace")))
        return found


class FileChange(NamedTuple):
    """One path a change set touched, with the blob before and after (None: absent that side)."""

    status: str  # A, M, D, R or T
    old_path: str | None
    new_path: str | None
    old_blob: str | None
    new_blob: str | None

    @property
    def path(self) -> str:
        """The path as it is after the change (before it, for a deletion)."""
        return self.new_path or self.old_path or ""


_ZERO = "0" * 40


def empty_tree(root: Path) -> str:
    """The id of the empty tree in this repository's hash format; nothing is written."""
    return run(root, "hash-object", "-t", "tree", "--stdin", input=b"").decode().strip()


def changed_files(root: Path, base: str, head: str | None) -> list[FileChange]:
    """What changed from `base` (a commit or tree) to `head`, or to the index when `head` is None.

    Rename detection on; one `git diff-index --cached` or `git diff-tree`, raw and NUL-separated.
    """
    if head is None:
        out = run(root, "diff-index", "--cached", "--raw", "-M", "-z", "--no-color", base, "--")
    else:
        out = run(root, "diff-tree", "-r", "--raw", "-M", "-z", "--no-color", base, head, "--")
    fields = list(_split_z(out))
    changes: list[FileChange] = []
    i = 0
    while i < len(fields):
        meta = fields[i]
        if not meta.startswith(":"):
            i += 1
            continue
        _old_mode, _new_mode, old_blob, new_blob, status = meta[1:].split(" ", 4)
        kind = status[:1]
        if kind in ("R", "C") and i + 2 < len(fields):
            old_path, new_path = fields[i + 1], fields[i + 2]
            i += 3
        else:
            old_path = new_path = fields[i + 1] if i + 1 < len(fields) else ""
            i += 2
        if kind == "A":
            old_path = None
        if kind == "D":
            new_path = None
        changes.append(
            FileChange(
                "R" if kind == "C" else kind,
                old_path,
                new_path,
                None if set(old_blob) == {"0"} else old_blob,
                None if set(new_blob) == {"0"} else new_blob,
            )
        )
    return changes


def changed_lines(root: Path, base: str, head: str | None) -> dict[str, tuple[list[int], list[str]]]:
    """Per new path: the changed line numbers in the new version and the text of every added or
    removed line, from one `git diff -U0` (renames detected, binary files left out)."""
    args = ["diff", "-U0", "-M", "--no-color", "--no-ext-diff", "--no-textconv", "--src-prefix=a/", "--dst-prefix=b/"]
    args += ["--cached", base] if head is None else [base, head]
    out = run(root, *args, "--").decode("utf-8", "surrogateescape")
    result: dict[str, tuple[list[int], list[str]]] = {}
    current: tuple[list[int], list[str]] | None = None
    old_name = ""
    for line in out.split("\n"):
        if line.startswith("--- "):
            old_name = _diff_name(line[4:], "a/")
        elif line.startswith("+++ "):
            name = _diff_name(line[4:], "b/") or old_name
            current = result.setdefault(name, ([], []))
        elif line.startswith("@@") and current is not None:
            new_range = line.split(" ")[2] if len(line.split(" ")) > 2 else "+0"
            start, _, count = new_range[1:].partition(",")
            first, length = int(start or 0), int(count) if count else 1
            current[0].extend(range(first, first + length) if length else [max(first, 1)])
        elif line[:1] in ("+", "-") and current is not None:
            current[1].append(line[1:])
    return result


def _diff_name(raw: str, prefix: str) -> str:
    if raw == "/dev/null":
        return ""
    if raw.startswith('"'):  # a quoted name: C-style escapes, octal bytes for non-ASCII
        import ast

        try:
            raw = ast.literal_eval("b" + raw).decode("utf-8", "surrogateescape")
        except (ValueError, SyntaxError):
            raw = raw.strip('"')
    return raw.removeprefix(prefix)


class CommitTrailers(NamedTuple):
    sha: str
    values: tuple[str, ...]  # the values of the wanted trailer
    paths: tuple[str, ...]  # what the commit touched


def range_commits(root: Path, base: str, head: str, trailer: str) -> list[CommitTrailers]:
    """The commits in `base..head` with one trailer's values (git's own trailer parser) and the
    paths each touched. In a shallow clone, only the commits that are present."""
    fmt = f"%x01%H%x00%(trailers:key={trailer},valueonly,separator=%x1f)%x00"
    out = run(root, "log", f"--format={fmt}", "--name-only", "-z", "--no-renames", f"{base}..{head}", "--", check=False)
    commits = []
    for chunk in out.split(b"\x01")[1:]:
        parts = chunk.split(b"\0")
        if len(parts) < 2:
            continue
        sha = parts[0].decode()
        values = tuple(v.strip() for v in parts[1].decode("utf-8", "replace").split("\x1f") if v.strip())
        paths = tuple(p.decode("utf-8", "surrogateescape").strip("\n") for p in parts[2:] if p.strip(b"\n"))
        commits.append(CommitTrailers(sha, values, paths))
    return commits


def message_trailers(root: Path, message: str, trailer: str) -> tuple[str, ...]:
    """The values of one trailer in a commit message, parsed by `git interpret-trailers`."""
    out = run(root, "interpret-trailers", "--parse", "--no-divider", input=message.encode("utf-8", "surrogateescape"))
    wanted = trailer.lower()
    values = []
    for line in out.decode("utf-8", "replace").splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() == wanted:
            values.append(value.strip())
    return tuple(values)


def commit_exists(root: Path, ref: str) -> bool:
    return bool(run(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", check=False).strip())


def first_commit(root: Path, path: str, rev: str = "HEAD") -> str | None:
    """The commit that added `path` (following renames), or None if no commit has it yet."""
    out = run(root, "log", "--format=%H", "--diff-filter=A", "--follow", rev, "--", path, check=False)
    lines = out.decode().split()
    return lines[-1] if lines else None


def is_ancestor(root: Path, older: str, newer: str) -> bool:
    """Is commit `older` in the history of `newer` (or the same commit)?"""
    try:
        run(root, "merge-base", "--is-ancestor", older, newer)
    except GitError:  # status 1: not an ancestor (or an unknown commit: no proof either way)
        return False
    return True
