"""Symbol tables in the blob cache, encoded as compact JSON (never code: safe to load)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from speclint.cache import BlobCache
from speclint.symbols.extract import Param, Symbol


@dataclass
class SymbolCache:
    store: BlobCache

    @property
    def failures(self) -> list[str]:
        return self.store.failures

    def get(self, blob: str, language: str) -> list[Symbol] | None:
        raw = self.store.get(blob, language)
        if raw is None:
            return None
        try:
            data = json.loads(raw)
            if data.get("blob") != blob:
                return None
            return [_decode(row) for row in data["symbols"]]
        except (ValueError, KeyError, TypeError, IndexError, AttributeError):
            return None  # truncated, corrupt or foreign: a miss

    def put(self, blob: str, language: str, symbols: list[Symbol]) -> None:
        if self.store.directory is None or not self.store.writable:
            return  # caching off: not even the encoding is needed
        payload = json.dumps({"blob": blob, "symbols": [_encode(s) for s in symbols]}, separators=(",", ":"))
        self.store.put(blob, language, payload.encode())


def _encode(s: Symbol) -> list[object]:
    params = None if s.params is None else [[p.name, int(p.optional), int(p.variadic)] for p in s.params]
    return [s.name, s.qualified, s.kind, params, s.line, s.end_line, s.signature, s.signature_hash, s.body_hash]


def _decode(row: list[object]) -> Symbol:
    name, qualified, kind, params, line, end_line, signature, sig_hash, body_hash = row
    decoded = None if params is None else tuple(Param(str(p[0]), bool(p[1]), bool(p[2])) for p in params)  # type: ignore[union-attr, index]
    return Symbol(
        str(name), str(qualified), str(kind), decoded, int(line), int(end_line),  # type: ignore[call-overload]
        str(signature), str(sig_hash), str(body_hash),
    )
