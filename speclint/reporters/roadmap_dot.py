"""The roadmap as a Graphviz digraph: a cluster per document, nodes filled by status, cycles red."""

from __future__ import annotations

from speclint.reporters.strings import repair
from speclint.specs.roadmap.ids import display
from speclint.specs.roadmap.model import BLOCKED, DONE, IN_PROGRESS, OPEN, OPTIONAL
from speclint.specs.roadmap.view import View, label

FILLS = {DONE: "#dafbe1", IN_PROGRESS: "#fff8c5", OPEN: "#ffffff", BLOCKED: "#ffebe9", OPTIONAL: "#f6f8fa"}


def render(view: View) -> str:
    roadmap = view.roadmap
    out = ["digraph roadmap {", "  rankdir=LR;", '  node [shape=box, style="rounded,filled", fontname="Helvetica"];']
    for index, path in enumerate(view.documents):
        out.append(f"  subgraph cluster_{index} {{")
        out.append(f"    label={_quote(path)};")
        out += [f"    {_node(view, n)}" for n in view.nodes[path]]
        out.append("  }")
    out += [f"  {_node(view, n)}" for n in view.extra]
    for node in sorted(view.shown()):
        parent = roadmap.parent(node)
        if parent is not None and parent in view.shown():
            out.append(f"  n{parent} -> n{node} [style=dotted, arrowhead=none];")
    for edge in view.edges:
        attrs = ' [color="#cf222e", penwidth=2]' if (edge.src, edge.dst) in view.cycle_edges else ""
        out.append(f"  n{edge.dst} -> n{edge.src}{attrs};")
    for index, unknown in enumerate(view.broken):
        if unknown.source is None:
            continue
        out.append(f'  x{index} [label={_quote(display(unknown.missing) + "?")}, color="#cf222e", style="dashed"];')
        out.append(f'  x{index} -> n{unknown.source} [color="#cf222e", style=dashed];')
    out.append("}")
    return "\n".join(out) + "\n"


def _node(view: View, node: int) -> str:
    status = view.roadmap.status(node)
    return f'n{node} [label={_quote(label(view.roadmap, node))}, fillcolor="{FILLS.get(status, "#f6f8fa")}"];'


def _quote(text: str) -> str:
    return '"' + repair(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'
