"""The roadmap as a mermaid flowchart GitHub renders: one box per document, phases holding their
tasks, nodes coloured by status, dependency cycles in red, dependencies on nothing dashed.

Arrows run from a prerequisite to what waits for it. Past `MAX_NODES` items only phases and
top-level tasks are drawn, so the chart stays within what GitHub renders.
"""

from __future__ import annotations

import re

from speclint.reporters.strings import repair
from speclint.specs.roadmap.graph import Roadmap
from speclint.specs.roadmap.ids import display
from speclint.specs.roadmap.model import (
    BLOCKED,
    DONE,
    IN_PROGRESS,
    OPEN,
    OPTIONAL,
    PHASE,
)
from speclint.specs.roadmap.view import View, label

MAX_NODES = 250
STYLES = {
    DONE: "fill:#dafbe1,stroke:#1a7f37,color:#0d3017",
    IN_PROGRESS: "fill:#fff8c5,stroke:#9a6700,color:#3b2300",
    OPEN: "fill:#ffffff,stroke:#57606a,color:#24292f",
    BLOCKED: "fill:#ffebe9,stroke:#cf222e,color:#4c0519",
    OPTIONAL: "fill:#f6f8fa,stroke:#8c959f,color:#57606a,stroke-dasharray:3 3",
    "unknown": "fill:#f6f8fa,stroke:#d0d7de,color:#57606a",
    "missing": "fill:#ffebe9,stroke:#cf222e,color:#cf222e,stroke-dasharray:5 5",
}
CLASSES = {status: re.sub(r"\W", "", status) for status in STYLES}
CYCLE_STYLE = "stroke:#cf222e,stroke-width:3px"
BROKEN_STYLE = "stroke:#cf222e,stroke-dasharray:5 5"


def render(view: View) -> str:
    roadmap = view.roadmap
    shown = view.shown()
    detailed = len(shown) <= MAX_NODES
    visible = shown if detailed else {n for n in shown if roadmap.parent(n) is None}
    ids = {node: f"n{node}" for node in sorted(visible)}
    out = ["flowchart TD"]
    if not detailed:
        out.append(f"  %% {len(shown) - len(visible)} nested tasks left out; `--format json` has them all")
    containers: set[int] = set()
    for index, path in enumerate(view.documents):
        out.append(f'  subgraph d{index}["{_escape(path)}"]')
        out += _nodes(roadmap, [n for n in view.nodes[path] if n in visible], ids, containers)
        out.append("  end")
    out += _nodes(roadmap, [n for n in view.extra if n in visible], ids, containers)
    links: list[str] = []
    cycle_links: list[int] = []
    broken_links: list[int] = []
    for edge in view.edges:
        src, dst = _visible(roadmap, edge.src, visible), _visible(roadmap, edge.dst, visible)
        if src is None or dst is None or src == dst:
            continue
        if (edge.src, edge.dst) in view.cycle_edges:
            cycle_links.append(len(links))
        links.append(f"  {ids[dst]} --> {ids[src]}")
    for index, unknown in enumerate(view.broken):
        source = _visible(roadmap, unknown.source, visible) if unknown.source is not None else None
        if source is None:
            continue
        out.append(f'  x{index}["{_escape(display(unknown.missing))}?"]:::{CLASSES["missing"]}')
        broken_links.append(len(links))
        links.append(f"  x{index} -.-> {ids[source]}")
    out += links
    out += [f"  classDef {CLASSES[status]} {style}" for status, style in STYLES.items()]
    out += [f"  style {ids[n]} {STYLES.get(roadmap.status(n), STYLES['unknown'])}" for n in sorted(containers)]
    if cycle_links:
        out.append(f"  linkStyle {','.join(map(str, cycle_links))} {CYCLE_STYLE}")
    if broken_links:
        out.append(f"  linkStyle {','.join(map(str, broken_links))} {BROKEN_STYLE}")
    return "\n".join(out) + "\n"


def _nodes(roadmap: Roadmap, nodes: list[int], ids: dict[int, str], containers: set[int]) -> list[str]:
    """Nodes in document order; a phase with visible tasks becomes a box holding them."""
    out: list[str] = []
    inside = set(nodes)
    children: dict[int | None, list[int]] = {}
    for node in nodes:
        parent = roadmap.parent(node)
        while parent is not None and parent not in inside:
            parent = roadmap.parent(parent)
        children.setdefault(parent, []).append(node)

    def emit(node: int, depth: int) -> None:
        pad = "  " * (depth + 2)
        text = _escape(label(roadmap, node))
        kids = children.get(node, [])
        if kids and roadmap.nodes[node].kind == PHASE:
            containers.add(node)
            out.append(f'{pad}subgraph {ids[node]}["{text}"]')
            for kid in kids:
                emit(kid, depth + 1)
            out.append(f"{pad}end")
            return
        status = CLASSES.get(roadmap.status(node), CLASSES["unknown"])
        out.append(f'{pad}{ids[node]}["{text}"]:::{status}')
        for kid in kids:
            emit(kid, depth)

    for node in children.get(None, []):
        emit(node, 0)
    return out


def _visible(roadmap: Roadmap, node: int | None, visible: set[int]) -> int | None:
    while node is not None and node not in visible:
        node = roadmap.parent(node)
    return node


def _escape(text: str) -> str:
    """Text safe inside a quoted mermaid label: entity codes for what the parser would read."""
    text = " ".join(repair(text).split())
    replacements = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "`": "#96;", "{": "#123;", "}": "#125;"}
    return "".join(replacements.get(ch, ch) for ch in text)
