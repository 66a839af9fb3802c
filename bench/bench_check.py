"""Benchmark `speclint check` on a large generated repository, against baselines run alternately.

    python bench/bench_check.py [--runs 7] [--keep DIR]

Builds (once, or reuses `--keep DIR`) a repository of 4,000 source files in Python, TypeScript
and Go (`--languages py,go` or `--languages ts` for one kind of tree), 80 specs with over 2,000
references and 200 commits, packed as a clone is, then prints medians of:

- cold `speclint check --no-cache` against `ctags -R` (Universal Ctags, when installed);
- warm `speclint check` (nothing changed since the last check: the stored result is used)
  against `python -c pass` plus `git ls-files -s`;
- warm `speclint check` after one referenced code file was edited (the stored result does not
  apply: specs and symbol tables come from their caches, the edited file is parsed again),
  against the same baseline;
- peak memory (max RSS) of the warm runs.

Each measured command alternates with its baseline, so a noisy shared machine slows both alike.
Python runs with byte-compiled modules, as after `pip install` (the pycache goes to a temporary
folder, so `PYTHONDONTWRITEBYTECODE` in the environment would otherwise make every run compile
speclint from source).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

FILES = {"py": 1500, "ts": 1500, "go": 1000}
SPECS = 80
COMMITS = 200
ENV = {
    **os.environ,
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Bench",
    "GIT_AUTHOR_EMAIL": "bench@example.com",
    "GIT_COMMITTER_NAME": "Bench",
    "GIT_COMMITTER_EMAIL": "bench@example.com",
}


def source(lang: str, i: int) -> str:
    if lang == "py":
        funcs = "\n\n".join(
            f"def compute_{i}_{j}(value, factor=2):\n    \"\"\"Doc.\"\"\"\n    total = value * factor\n"
            f"    for k in range(10):\n        total += k\n    return total\n"
            for j in range(4)
        )
        return f"class Service{i}:\n    def handle_{i}(self, request, user_id):\n        return request\n\n\n{funcs}\n"
    if lang == "ts":
        funcs = "\n".join(
            f"export function compute{i}x{j}(value: number, factor = 2): number {{\n"
            f"  let total = value * factor;\n  for (let k = 0; k < 10; k++) {{ total += k; }}\n  return total;\n}}\n"
            for j in range(4)
        )
        return f"export class Service{i} {{\n  handle{i}(request: string, userId: string): string {{\n    return request;\n  }}\n}}\n\n{funcs}"
    funcs = "\n".join(
        f"func Compute{i}x{j}(value int, factor int) int {{\n\ttotal := value * factor\n"
        f"\tfor k := 0; k < 10; k++ {{\n\t\ttotal += k\n\t}}\n\treturn total\n}}\n"
        for j in range(4)
    )
    return f"package pkg{i % 40}\n\ntype Service{i} struct{{ name string }}\n\nfunc (s *Service{i}) Handle{i}(request string) string {{\n\treturn request\n}}\n\n{funcs}"


def path_of(lang: str, i: int) -> str:
    folder = {"py": "backend/app", "ts": "frontend/src", "go": "services/core"}[lang]
    return f"{folder}/mod{i % 40}/file{i}.{lang}"


def spec(n: int, files: dict[str, int] = FILES) -> str:
    """Nine tasks per language, naming a symbol and the file that defines it."""
    lines = [f"# Feature {n}", "", "## Tasks", ""]
    per_language = 27 // len(files)
    for k in range(per_language):
        i = (n * per_language + k) * 5 % max(files.values())
        for suffix, lang in zip("abc", files):
            j = i % files[lang]
            task = f"T{k:03d}{suffix if suffix != 'a' else ''}"
            if lang == "py":
                lines.append(f"- [x] {task} Implement `compute_{j}_1(value, factor)` in `{path_of('py', j)}`")
            elif lang == "ts":
                lines.append(f"- [x] {task} Wire `Service{j}.handle{j}` in {path_of('ts', j)}")
            else:
                lines.append(f"- [x] {task} Add `Service{j}.Handle{j}` in `{path_of('go', j)}`")
    lines += ["", "Library calls like `os.path.join` and `JSON.parse()` are not ours.", ""]
    return "\n".join(lines)


def build(root: Path, files: dict[str, int] = FILES) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=root, env=ENV, check=True, capture_output=True)

    root.mkdir(parents=True)
    git("init", "-q", "-b", "main")
    code = [(lang, i) for lang, count in files.items() for i in range(count)]
    per_commit = len(code) // (COMMITS - SPECS // 10) + 1
    commits = 0
    for start in range(0, len(code), per_commit):
        for lang, i in code[start : start + per_commit]:
            target = root / path_of(lang, i)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(source(lang, i))
        git("add", "-A")
        git("commit", "-q", "-m", f"code batch {start}")
        commits += 1
    for n in range(SPECS):
        target = root / "specs" / f"{n:03d}-feature" / "tasks.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(spec(n, files))
        if n % 10 == 9:
            git("add", "-A")
            git("commit", "-q", "-m", f"specs up to {n}")
            commits += 1
    while commits < COMMITS:
        git("commit", "-q", "--allow-empty", "-m", f"filler {commits}")
        commits += 1


def pack(root: Path) -> None:
    """Pack the objects, as in a clone: built commit by commit, the repository is left with
    thousands of loose objects (git's automatic gc packs only past 6,700), and reading its trees
    from loose files made `git log --raw` three to four times slower than in a clone."""
    counts = subprocess.run(["git", "count-objects"], cwd=root, env=ENV, capture_output=True, text=True).stdout
    if not counts.startswith("0 objects"):
        subprocess.run(["git", "gc", "-q"], cwd=root, env=ENV, check=True, capture_output=True)


RUN_ENV = dict(os.environ)


def timed(command: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=RUN_ENV)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss


def median_pair(
    cmd: list[list[str]], base: list[list[str]], cwd: Path, runs: int, before: Callable[[int], None] | None = None
) -> tuple[float, float, int]:
    measured, baseline, memory = [], [], []
    for run in range(runs):
        if before:
            before(run)
        total, rss = 0.0, 0
        for c in cmd:
            seconds, peak = timed(c, cwd)
            total += seconds
            rss = max(rss, peak)
        measured.append(total)
        memory.append(rss)
        baseline.append(sum(timed(c, cwd)[0] for c in base))
    return statistics.median(measured), statistics.median(baseline), int(statistics.median(memory))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="build the repository here (reused if it exists)")
    parser.add_argument(
        "--languages", default="py,ts,go",
        help="the tree's languages (py, ts, go): 4,000 files shared among them; the issue's cold "
        "targets are 3.5x ctags on Python/Go trees and 1.5x on TypeScript ones",
    )
    args = parser.parse_args()
    chosen = [lang for lang in args.languages.split(",") if lang]
    if not chosen or any(lang not in FILES for lang in chosen):
        parser.error(f"--languages: a comma-separated list of {', '.join(FILES)}")
    files = FILES if chosen == list(FILES) else {lang: 4000 // len(chosen) for lang in chosen}
    workdir = Path(tempfile.mkdtemp(prefix="speclint-bench-"))
    RUN_ENV.pop("PYTHONDONTWRITEBYTECODE", None)
    RUN_ENV["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
    root = args.keep or workdir / "repo"
    if not root.exists():
        started = time.perf_counter()
        build(root, files)
        print(f"built {root} in {time.perf_counter() - started:.1f}s")
    pack(root)
    tracked = subprocess.run(["git", "ls-files"], cwd=root, capture_output=True, text=True).stdout.count("\n")
    refs = subprocess.run([sys.executable, "-m", "speclint", "check", "-f", "json", "--exit-zero", "--no-cache"], cwd=root, capture_output=True, text=True, env=RUN_ENV)
    import json

    summary = json.loads(refs.stdout)["summary"]
    print(f"repository: {tracked} tracked files, {summary['specs']} specs, {summary['references']} references, "
          f"{len(json.loads(refs.stdout)['findings'])} findings")
    speclint = [sys.executable, "-m", "speclint", "check", "--exit-zero"]
    rows = []
    ctags = shutil.which("ctags")
    if ctags:
        cold, base, _ = median_pair([[*speclint, "--no-cache"]], [[ctags, "-R", "-f", "/dev/null", "."]], root, args.runs)
        rows.append(("cold check --no-cache vs ctags -R", cold, base))
    else:
        print("ctags not installed: cold baseline skipped (apt-get install universal-ctags)")
    subprocess.run(speclint, cwd=root, capture_output=True, env=RUN_ENV)  # warm the caches
    startup = [[sys.executable, "-c", "pass"], ["git", "ls-files", "-s"]]
    warm, base, rss = median_pair([speclint], startup, root, args.runs)
    rows.append(("warm check vs python -c pass + git ls-files -s", warm, base))
    # A referenced file, edited differently before each run (then restored): a fresh miss each time.
    edited = root / path_of(chosen[0], 5)
    original = edited.read_bytes()

    def edit(run: int) -> None:
        edited.write_bytes(original + f"\n\n// edited {run}\n".encode() if chosen[0] != "py" else
                           original + f"\n\ndef edited_{run}():\n    return {run}\n".encode())

    try:
        changed, base_changed, rss_changed = median_pair([speclint], startup, root, args.runs, before=edit)
    finally:
        edited.write_bytes(original)
    rows.append(("warm, one code file edited, vs the same baseline", changed, base_changed))
    print(f"{'measurement':<52} {'median':>9} {'baseline':>9} {'ratio':>7}")
    for name, value, baseline in rows:
        print(f"{name:<52} {value * 1000:8.0f}ms {baseline * 1000:8.0f}ms {value / baseline:6.2f}x")
    print(f"warm check peak memory: {rss / 1024:.0f} MiB (one file edited: {rss_changed / 1024:.0f} MiB)")
    if not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
