"""Fast pickling for the small records that parsed specs and symbol tables hold by the thousand.

A parsed spec crosses a process boundary (the forked split) and the spec cache as a pickle. By
default a frozen, slotted dataclass pickles through `__getstate__`/`__setstate__` functions that
walk `dataclasses.fields()` for every object; pickling it as "call the class with these values"
is about three times faster both ways, and the values are the fields in order, so what loads is
exactly what was stored.
"""

from __future__ import annotations

from dataclasses import fields
from operator import attrgetter
from typing import Any, TypeVar

Record = TypeVar("Record", bound=type)


def compact(cls: Record) -> Record:
    """Give a dataclass a `__reduce__` that pickles its field values positionally."""
    names = [f.name for f in fields(cls) if f.init]
    if len(names) != len(fields(cls)):
        raise TypeError(f"{cls.__name__}: every field must be an __init__ argument to pickle compactly")
    getter = attrgetter(*names)
    if len(names) == 1:
        def __reduce__(self: Any) -> tuple[type, tuple[Any, ...]]:
            return cls, (getter(self),)
    else:
        def __reduce__(self: Any) -> tuple[type, tuple[Any, ...]]:
            return cls, getter(self)
    setattr(cls, "__reduce__", __reduce__)
    return cls
