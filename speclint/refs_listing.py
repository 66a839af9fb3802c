"""`speclint refs`: every reference in the specs, where it is, and how it resolved."""

from __future__ import annotations

import json
from dataclasses import dataclass

from speclint.context import CheckContext
from speclint.resolve import FOUND


@dataclass(frozen=True)
class Row:
    spec: str
    line: int
    column: int
    kind: str
    via: str
    text: str
    status: str
    resolved: str
    how: str
    note: str


def rows(ctx: CheckContext) -> list[Row]:
    out = []
    for ref, res in ctx.resolutions.items():
        excuse = ctx.excuse(ref) if res.status != FOUND else ""
        notes = [n for n in (("planned" if ref.planned else ""), excuse) if n]
        status = res.status
        if status == FOUND and ctx.missing_anchor(ref, res) is not None:
            status, notes = "missing-anchor", [*notes, f"no heading `#{ref.fragment}` there"]
        elif status != FOUND and res.path in ctx.ignored([res.path]):
            notes.append("generated or tool-owned: ignored or excluded")
        resolved = res.path if ref.candidate is not None else ref.spec
        if ref.fragment:
            resolved += f"#{ref.fragment}"
        out.append(
            Row(
                ref.spec, ref.position.line, ref.position.column, ref.kind, ref.via,
                ref.text, status, resolved, res.how, ", ".join(notes),
            )
        )
    for sym, sres in ctx.symbol_resolutions.items():
        resolved = ", ".join(f"{d.path}:{d.symbol.line}" for d in sres.definitions[:3]) or "-"
        notes = []
        if sres.tied:
            notes.append("tied to " + ", ".join(sres.tied))
        if sres.fix is not None:
            notes.append(sres.fix.text)
        out.append(
            Row(
                sym.spec, sym.position.line, sym.position.column, "symbol", "code",
                sym.text, sres.status, resolved, sres.why, "; ".join(notes),
            )
        )
    return sorted(out, key=lambda r: (r.spec, r.line, r.column))


def render(rows: list[Row], output_format: str) -> str:
    if output_format == "json":
        return json.dumps([row.__dict__ for row in rows], indent=2, ensure_ascii=False) + "\n"
    lines = []
    for r in rows:
        note = f" ({r.note})" if r.note else ""
        lines.append(f"{r.spec}:{r.line}:{r.column}: {r.kind} via {r.via} `{r.text}` -> {r.status}: {r.resolved} [{r.how}]{note}")
    lines.append(f"{len(rows)} reference{'s' if len(rows) != 1 else ''}.")
    return "\n".join(lines) + "\n"
