"""Benchmark the history rules (SD201-SD203) on a repository with 5,000+ commits.

    python bench/bench_history.py [--runs 5] [--keep DIR] [--commits 5000]

Builds (with `git fast-import`, in seconds) 200 Python files and 20 specs naming 10 functions
each, then thousands of commits that each edit one function body. Prints medians, alternated
with the baseline: `speclint check --select SD2` (cold, then warm cache) against a plain
`git log --name-only` over the same history.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FILES = 200
FUNCS = 8
SPECS = 20
ENV = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def module(i: int, versions: dict[tuple[int, int], int]) -> str:
    parts = []
    for j in range(FUNCS):
        v = versions.get((i, j), 0)
        parts.append(f"def step_{i}_{j}(value, factor):\n    total = value * factor + {v}\n    return total\n")
    return "\n\n".join(parts)


def spec(n: int) -> str:
    lines = [f"# Feature {n}", ""]
    for k in range(10):
        i = (n * 10 + k) % FILES
        lines.append(f"- [x] `step_{i}_{k % FUNCS}(value, factor)` in `src/mod{i}.py`")
    return "\n".join(lines) + "\n"


def build(root: Path, commits: int) -> None:
    root.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, env=ENV, check=True)
    rng = random.Random(7)
    versions: dict[tuple[int, int], int] = {}
    stream: list[bytes] = []
    when = 1_700_000_000

    def blob(text: str) -> bytes:
        data = text.encode()
        return b"data %d\n%s\n" % (len(data), data)

    def commit(n: int, message: str, files: dict[str, str]) -> None:
        nonlocal when
        when += 60
        msg = message.encode()
        stream.append(b"commit refs/heads/main\n")
        stream.append(b"committer Bench <bench@example.com> %d +0000\n" % when)
        stream.append(b"data %d\n%s\n" % (len(msg), msg))  # commits on one branch chain by themselves
        for path, text in files.items():
            stream.append(b"M 100644 inline %s\n" % path.encode())
            stream.append(blob(text))
        stream.append(b"\n")

    initial = {f"src/mod{i}.py": module(i, versions) for i in range(FILES)}
    initial.update({f"specs/{n:03d}/tasks.md": spec(n) for n in range(SPECS)})
    commit(0, "initial", initial)
    for n in range(1, commits):
        i, j = rng.randrange(FILES), rng.randrange(FUNCS)
        versions[(i, j)] = versions.get((i, j), 0) + 1
        commit(n, f"tune step_{i}_{j}", {f"src/mod{i}.py": module(i, versions)})
    subprocess.run(["git", "fast-import", "--quiet"], cwd=root, env=ENV, input=b"".join(stream), check=True)
    subprocess.run(["git", "checkout", "-q", "main"], cwd=root, env=ENV, check=True)


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--commits", type=int, default=5000)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="speclint-history-"))
    root = args.keep or workdir / "repo"
    if not root.exists():
        started = time.perf_counter()
        build(root, args.commits)
        print(f"built {root} ({args.commits} commits) in {time.perf_counter() - started:.1f}s")
    speclint = [sys.executable, "-m", "speclint", "check", "--select", "SD2", "--exit-zero"]
    baseline = ["git", "log", "--name-only", "--format=%H", "HEAD"]
    report = subprocess.run([*speclint, "-f", "json"], cwd=root, capture_output=True, text=True, env=ENV).stdout
    import json

    print(f"history findings: {len(json.loads(report)['findings'])}")
    cold, warm, base = [], [], []
    for _ in range(args.runs):
        cold.append(timed([*speclint, "--no-cache"], root))
        base.append(timed(baseline, root))
        warm.append(timed(speclint, root))
        base.append(timed(baseline, root))
    b = statistics.median(base)
    print(f"{'measurement':<44} {'median':>9} {'ratio to git log':>17}")
    print(f"{'git log --name-only (baseline)':<44} {b * 1000:8.0f}ms {1.0:16.2f}x")
    for name, values in (("check --select SD2 --no-cache (cold)", cold), ("check --select SD2 (warm)", warm)):
        m = statistics.median(values)
        print(f"{name:<44} {m * 1000:8.0f}ms {m / b:16.2f}x")
    if not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
