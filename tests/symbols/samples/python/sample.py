"""Ledger storage: a realistic sample for the Python definitions query."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar, overload

T = TypeVar("T")
MAX_ENTRIES = 1_000
DEFAULT_NAME: str = "main"


class Store(Protocol):
    """What a ledger needs from its backing store."""

    def get(self, key: str) -> bytes | None: ...

    def put(self, key: str, value: bytes) -> None: ...


@dataclass(frozen=True)
class Entry(Generic[T]):
    key: str
    value: T
    tags: tuple[str, ...] = ()


class Ledger(Generic[T]):
    """An append-only ledger."""

    retention = 30

    class Cursor:
        def __init__(self, ledger: Ledger[T], start: int = 0) -> None:
            self.ledger = ledger
            self.position = start

        def advance(self, step=1):
            # moving forward never wraps
            self.position += step
            return self.position

    def __init__(self, store: Store, *, name: str = DEFAULT_NAME) -> None:
        self.store = store
        self.entries: list[Entry[T]] = []

    @overload
    def find(self, key: str) -> Entry[T] | None: ...
    @overload
    def find(self, key: str, default: T) -> Entry[T]: ...
    def find(self, key, default=None):
        for entry in self.entries:
            if entry.key == key:  # first match wins
                return entry
        return default

    def append(self, entry: Entry[T], /, *more: Entry[T], **options: object) -> int:
        self.entries.extend((entry, *more))
        return len(self.entries)

    @classmethod
    def empty(cls, store: Store) -> Ledger[T]:
        return cls(store)

    @property
    def size(self) -> int:
        return len(self.entries)


async def replay(ledger: Ledger[T], *keys: str, limit: int | None = None) -> list[Entry[T]]:
    def matches(entry: Entry[T]) -> bool:
        return not keys or entry.key in keys

    found = [e for e in ledger.entries if matches(e)]
    return found[:limit]
