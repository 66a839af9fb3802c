"""`speclint roadmap`: each document's phases and tasks as a tree, then what is ready and critical."""

from __future__ import annotations

from speclint.reporters.strings import printable
from speclint.specs.roadmap.graph import name
from speclint.specs.roadmap.ids import display
from speclint.specs.roadmap.model import BLOCKED, DONE, IN_PROGRESS, OPEN, OPTIONAL
from speclint.specs.roadmap.view import View, label, ordered

MARKS = {DONE: "[x]", IN_PROGRESS: "[~]", OPEN: "[ ]", BLOCKED: "[!]", OPTIONAL: "[*]"}
MAX_READY = 10


def render(view: View) -> str:
    roadmap = view.roadmap
    if not view.documents:
        return "No roadmap found: no phases or tasks in the specs checked.\n"
    out: list[str] = []
    broken: dict[int | None, list[str]] = {}
    for unknown in view.broken:
        broken.setdefault(unknown.source, []).append(display(unknown.missing))
    for path in view.documents:
        nodes = view.nodes[path]
        plan = roadmap.plans[path]
        tasks = [n for n in nodes if roadmap.nodes[n].kind == "task"]
        done = sum(1 for n in tasks if roadmap.status(n) == DONE)
        out.append(f"{printable(path)} ({plan.dialect}, {done}/{len(tasks)} tasks done)")
        for node, depth in ordered(roadmap, nodes):
            line = f"{'  ' * (depth + 1)}{MARKS.get(roadmap.status(node), '[?]')} {printable(label(roadmap, node))}"
            after = [name(roadmap, e.dst, here=path) for e in roadmap.depends.get(node, ())]
            after += [f"{m}?" for m in broken.get(node, ())]
            if after:
                line += f"  (after {', '.join(after)})"
            out.append(line)
        out.append("")
    out += _ready(view)
    out += _critical(view)
    for cycle in view.cycles:
        here = cycle.edges[0].path
        out.append(f"Cycle: {' -> '.join(printable(name(roadmap, n, here=here)) for n in (*cycle.nodes, cycle.nodes[0]))}")
    return "\n".join(out).rstrip("\n") + "\n"


def _ready(view: View) -> list[str]:
    roadmap = view.roadmap
    if not view.ready:
        return ["Ready to start: nothing (every open item waits for another)" if _any_open(view) else "Ready to start: nothing left to do"]
    lines = [f"Ready to start ({len(view.ready)}):"]
    for node in view.ready[:MAX_READY]:
        item = roadmap.nodes[node]
        lines.append(f"  {printable(item.path)}:{item.line}  {printable(label(roadmap, node))}")
    if len(view.ready) > MAX_READY:
        lines.append(f"  … and {len(view.ready) - MAX_READY} more")
    return lines


def _any_open(view: View) -> bool:
    return any(view.roadmap.status(n) not in (DONE, OPTIONAL, "unknown") for ns in view.nodes.values() for n in ns)


def _critical(view: View) -> list[str]:
    if not view.critical_path:
        return []
    roadmap = view.roadmap
    here = view.documents[0] if len(view.documents) == 1 else ""
    chain = " -> ".join(printable(name(roadmap, n, here=here)) for n in view.critical_path)
    return [f"Critical path ({len(view.critical_path)} open items): {chain}"]
