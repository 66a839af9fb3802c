"""The roadmap as JSON: every document's items with status and position, the dependency edges,
what is broken, ready and critical. Ids are `path#key` (`specs/001/tasks.md#T012`)."""

from __future__ import annotations

import json
from typing import Any

from speclint.reporters.strings import repair
from speclint.specs.roadmap.graph import Roadmap
from speclint.specs.roadmap.ids import display
from speclint.specs.roadmap.view import View


def node_id(roadmap: Roadmap, node: int) -> str:
    item = roadmap.nodes[node]
    return f"{item.path}#{item.key if not item.anonymous else f'L{item.line}'}"


def render(view: View) -> str:
    roadmap = view.roadmap
    documents = []
    for path in view.documents:
        plan = roadmap.plans[path]
        items = []
        for node in view.nodes[path]:
            item = roadmap.nodes[node]
            parent = roadmap.parent(node)
            items.append(
                {
                    "id": node_id(roadmap, node),
                    "kind": item.kind,
                    "label": item.label,
                    "title": item.title,
                    "status": roadmap.status(node),
                    "line": item.line,
                    "column": item.column,
                    "parent": node_id(roadmap, parent) if parent is not None else None,
                    "depends_on": [node_id(roadmap, e.dst) for e in roadmap.depends.get(node, ())],
                    "requirements": [m.text for m in item.cites],
                    "parallel": item.parallel,
                }
            )
        documents.append({"path": path, "dialect": plan.dialect, "feature": plan.feature, "items": items})
    data: dict[str, Any] = {
        "version": 1,
        "documents": documents,
        "edges": [
            {"from": node_id(roadmap, e.src), "to": node_id(roadmap, e.dst), "path": e.path, "line": e.mention.line, "column": e.mention.column}
            for e in view.edges
        ],
        "unknown_dependencies": [
            {"path": u.path, "line": u.mention.line, "column": u.mention.column, "text": u.mention.text, "missing": display(u.missing)}
            for u in view.broken
        ],
        "cycles": [[node_id(roadmap, n) for n in c.nodes] for c in view.cycles],
        "ready": [node_id(roadmap, n) for n in view.ready],
        "critical_path": [node_id(roadmap, n) for n in view.critical_path],
    }
    return repair(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"
