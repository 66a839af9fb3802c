"""Benchmark the pre-commit path, `speclint check --staged`, against starting Python.

    python bench/bench_staged.py [--runs 9] [--keep DIR]

Uses the repository of `bench_check.py` (4,000 source files, 80 specs; built once, or taken
from `--keep DIR`), copies it, and with warm caches times two staged changes, each run
alternating with its baseline `python -c pass`:

- one code file staged: the body of a function that specs name changes, so every spec naming it
  is checked (the bench's specs name it in tasks, which record work rather than cover code, so
  SD301 has nothing to report: 0 findings is the right answer);
- nothing relevant staged: a code file that no spec names or covers changes.

Prints medians and ratios (targets: 7x and 2.5x `python -c pass`).
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent


def _bench_check():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_check", HERE / "bench_check.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--keep", type=Path, help="the bench_check repository (built here if missing)")
    args = parser.parse_args()
    bench = _bench_check()
    workdir = Path(tempfile.mkdtemp(prefix="speclint-staged-"))
    bench.RUN_ENV.pop("PYTHONDONTWRITEBYTECODE", None)
    bench.RUN_ENV["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
    source = args.keep or workdir / "source"
    if not source.exists():
        bench.build(source)
    bench.pack(source)
    root = workdir / "repo"
    shutil.copytree(source, root, symlinks=True)

    def git(*command: str) -> None:
        subprocess.run(["git", *command], cwd=root, env=bench.ENV, check=True, capture_output=True)

    speclint = [sys.executable, "-m", "speclint", "check", "--staged", "--exit-zero"]
    baseline = [[sys.executable, "-c", "pass"]]
    named = root / bench.path_of("py", 0)  # specs name `compute_0_1` and the file
    unnamed = root / bench.path_of("py", 1)
    assert "compute_1_" not in (root / "specs").joinpath("000-feature", "tasks.md").read_text()
    rows = []
    for label, target in (("one code file staged (specs name it)", named), ("nothing relevant staged", unnamed)):
        original = target.read_text()
        target.write_text(original.replace("total = value * factor", "total = value * factor + 1"))
        git("add", "-A")
        result = subprocess.run(speclint, cwd=root, capture_output=True, text=True, env=bench.RUN_ENV)  # warm
        found = result.stdout.count(": SD")
        measured, base, rss = bench.median_pair([speclint], baseline, root, args.runs)
        rows.append((f"{label}, {found} finding(s)", measured, base, rss))
        target.write_text(original)
        git("add", "-A")
    print(f"{'staged check':<48} {'median':>9} {'python':>9} {'ratio':>7} {'peak':>8}")
    for name, value, base, rss in rows:
        print(f"{name:<48} {value * 1000:8.0f}ms {base * 1000:8.0f}ms {value / base:6.2f}x {rss / 1024:6.0f}MiB")
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
