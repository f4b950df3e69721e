"""A compact form of the result types for passing them between processes: columns and one string table.

``to_dict()`` gives one JSON object per finding, sentence and word share; for a 10 MB article (162,168
highlights, 54,811 sentences) that tree, its JSON and the objects decoded from it took gigabytes in each
process the reply passed through. ``encode`` writes the same dataclasses as columns instead: for a tuple
of ``LoadedTerm`` one list per field (``start``: ``[12, 40, ...]``), every string once in a shared table
(the same reason, alternative or category sent and held once, not once per finding), nested tuples
flattened with a list of their lengths. ``decode`` rebuilds exactly what ``from_dict(to_dict())`` gives
(floats rounded to 4 places as ``to_dict`` does; equal strings decoded as one shared object).

Internal to Slant (analysis server <-> window, the results cache): ``to_dict()`` stays the public JSON
(``slant analyze``, exports, comparison files). Works for any ``_Serialisable`` dataclass; a field of a
type it does not lay out in columns (a dict, a pair of floats) is kept per row as ``to_dict`` writes it.
"""
from __future__ import annotations

import functools
import types
import typing
from typing import Any

from .results import _field_hints, _from_plain, _Serialisable, _to_plain

FORMAT = "slant.columns/1"
_NONE = -1  # a string index, nested row or tuple length standing for None


class _Strings:
    """The string table: each distinct string once, by index."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.table: list[str] = []

    def __call__(self, value: str | None) -> int:
        if value is None:
            return _NONE
        i = self.index.get(value)
        if i is None:
            i = self.index[value] = len(self.table)
            self.table.append(value)
        return i


def _plain_type(hint: Any) -> tuple[Any, bool]:
    """``hint`` without ``| None``; and whether None was allowed."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return hint, False


def _is_str(hint: Any) -> bool:
    if hint is str:
        return True
    return typing.get_origin(hint) is typing.Literal and all(isinstance(a, str) for a in typing.get_args(hint))


def _is_record(hint: Any) -> bool:
    return isinstance(hint, type) and issubclass(hint, _Serialisable)


@functools.cache
def _layout(cls: type) -> tuple[tuple[str, str, Any], ...]:
    """(field, kind, inner type) per field of ``cls``. Kinds: "str" (string-table index), "scalar" (int,
    float, bool as they are), "record" (a nested dataclass: its own columns), "records" (a tuple of them:
    lengths + columns), "strs" / "scalars" (a tuple of strings / numbers: lengths + flat values), "plain"
    (anything else: ``to_dict``'s value per row)."""
    out = []
    for name, hint in _field_hints(cls):
        base, _optional = _plain_type(hint)
        origin, args = typing.get_origin(base), typing.get_args(base)
        if _is_str(base):
            out.append((name, "str", None))
        elif base in (int, float, bool):
            out.append((name, "scalar", None))
        elif _is_record(base):
            out.append((name, "record", base))
        elif origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            inner = args[0]
            if _is_record(inner):
                out.append((name, "records", inner))
            elif _is_str(inner):
                out.append((name, "strs", None))
            elif inner in (int, float, bool):
                out.append((name, "scalars", None))
            else:
                out.append((name, "plain", hint))
        else:
            out.append((name, "plain", hint))
    return tuple(out)


def _scalar(value: Any) -> Any:
    return round(value, 4) if isinstance(value, float) else value


def _lengths(values: list[Any]) -> list[int]:
    return [_NONE if v is None else len(v) for v in values]


def _flat(values: list[Any]) -> list[Any]:
    return [x for v in values if v is not None for x in v]


def _encode_rows(cls: type, rows: list[Any], strings: _Strings) -> dict[str, Any]:
    cols: dict[str, Any] = {}
    for name, kind, inner in _layout(cls):
        values = [getattr(r, name) for r in rows]
        if kind == "str":
            cols[name] = [strings(v) if isinstance(v, str) or v is None else _bad(cls, name, v) for v in values]
        elif kind == "scalar":
            cols[name] = [_scalar(v) for v in values]
        elif kind == "record":
            present = [v for v in values if v is not None]
            col: dict[str, Any] = {"rows": _encode_rows(inner, present, strings)}
            if len(present) != len(values):
                col["present"] = [0 if v is None else 1 for v in values]
            cols[name] = col
        elif kind == "records":
            cols[name] = {"n": _lengths(values), "rows": _encode_rows(inner, _flat(values), strings)}
        elif kind == "strs":
            cols[name] = {"n": _lengths(values), "v": [strings(x) for x in _flat(values)]}
        elif kind == "scalars":
            cols[name] = {"n": _lengths(values), "v": [_scalar(x) for x in _flat(values)]}
        else:
            cols[name] = [_to_plain(v) for v in values]
    return cols


def _bad(cls: type, name: str, value: Any) -> int:
    raise TypeError(f"{cls.__name__}.{name} holds {type(value).__name__}, not str")


def _regroup(values: list[Any], lengths: list[int]) -> list[tuple | None]:
    out: list[tuple | None] = []
    i = 0
    for n in lengths:
        if n == _NONE:
            out.append(None)
        else:
            out.append(tuple(values[i : i + n]))
            i += n
    return out


def _decode_rows(cls: type, cols: dict[str, Any], table: list[str], count: int) -> list[Any]:
    columns: list[list[Any]] = []
    for name, kind, inner in _layout(cls):
        col = cols.pop(name)  # each column is let go once decoded
        if kind == "str":
            columns.append([None if i == _NONE else table[i] for i in col])
        elif kind == "scalar":
            columns.append(col)
        elif kind == "record":
            present = col.get("present")
            n = count if present is None else sum(present)
            objs = _decode_rows(inner, col["rows"], table, n)
            if present is not None:
                it = iter(objs)
                objs = [next(it) if p else None for p in present]
            columns.append(objs)
        elif kind == "records":
            lengths = col["n"]
            objs = _decode_rows(inner, col["rows"], table, sum(n for n in lengths if n != _NONE))
            columns.append(_regroup(objs, lengths))
        elif kind == "strs":
            columns.append(_regroup([None if i == _NONE else table[i] for i in col["v"]], col["n"]))
        elif kind == "scalars":
            columns.append(_regroup(col["v"], col["n"]))
        else:
            columns.append([_from_plain(inner, v) for v in col])
        if len(columns[-1]) != count:
            raise ValueError(f"{cls.__name__}.{name}: {len(columns[-1])} values for {count} rows")
    return [cls(*values) for values in zip(*columns)] if columns else [cls() for _ in range(count)]


def encode(obj: _Serialisable) -> dict[str, Any]:
    """``obj`` (a result dataclass, e.g. an ``ArticleAnalysis``) as columns plus a string table: plain
    JSON types, far fewer objects than ``obj.to_dict()``."""
    strings = _Strings()
    rows = _encode_rows(type(obj), [obj], strings)
    return {"format": FORMAT, "type": type(obj).__name__, "rows": rows, "strings": strings.table}


def decode(cls: type, data: dict[str, Any]) -> Any:
    """The ``cls`` instance ``encode`` wrote: equal to ``cls.from_dict(obj.to_dict())``. Raises ValueError
    on data that is not this form of a ``cls``. Empties ``data``'s columns as it goes (each is let go once
    decoded, so a big result is never held twice): decode a copy to keep them."""
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("type") != cls.__name__:
        raise ValueError(f"not the column form of a {cls.__name__}")
    try:
        return _decode_rows(cls, data["rows"], data["strings"], 1)[0]
    except (KeyError, IndexError, TypeError) as exc:
        raise ValueError(f"damaged column form of a {cls.__name__}: {exc}") from exc


def is_encoded(data: Any) -> bool:
    return isinstance(data, dict) and data.get("format") == FORMAT
