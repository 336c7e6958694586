"""Indented JSON text, exactly as ``json.dumps(data, ensure_ascii=False, indent=2)`` writes it.

The standard library encodes indented JSON in pure Python, one generator per level of nesting:
``customer list --json`` over ten thousand customers spent more time there than in SQLite.
Here a list or object of plain values (a row) is written by the C encoder, told to put each
item on its own line, and only the nesting above it is walked in Python. Anything this does
not know (a value JSON cannot hold, a cycle) is left to ``json.dumps``, so errors stay the
standard library's own.

``write`` prints the same text as it goes, for lists read from the dossier row by row: a list
given as an iterator (a generator) is written item by item as it yields them, and a ``Later``
value (a total) is asked for only when its turn comes, after the lists before it are written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from json import JSONEncoder
from json.encoder import c_make_encoder, encode_basestring
from typing import Any, TextIO

_INFINITY = float("inf")


def dumps(data: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2)``, faster for large lists of rows."""
    try:
        pieces: list[str] = []
        _value(data, "\n", pieces, {})
        return "".join(pieces)
    except (TypeError, ValueError, RecursionError):
        import json

        return json.dumps(data, ensure_ascii=False, indent=2)


class Later:
    """A value known once what comes before it has been written (a total after its rows)."""

    __slots__ = ("compute",)

    def __init__(self, compute: Callable[[], Any]):
        self.compute = compute


_FLUSH_AT = 4096  # pieces of text held before they are written out


def write(data: Any, stream: TextIO) -> None:
    """Write ``dumps(data)`` to ``stream`` while ``data``'s iterators are read: the text of one
    item at a time is held, never the whole list."""
    pieces: list[str] = []

    def flush() -> None:
        stream.write("".join(pieces))
        pieces.clear()

    _value(data, "\n", pieces, {}, flush)
    flush()


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == _INFINITY:
        return "Infinity"
    if value == -_INFINITY:
        return "-Infinity"
    return float.__repr__(value)


def _scalar(value: Any) -> str | None:
    """A leaf's JSON text; None for a list or an object."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, (list, tuple, dict)):
        return None
    raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


def _key(key: Any) -> str:
    if isinstance(key, str):
        return encode_basestring(key)
    if isinstance(key, float):
        return encode_basestring(_float(key))
    if key is True:
        return '"true"'
    if key is False:
        return '"false"'
    if key is None:
        return '"null"'
    if isinstance(key, int):
        return encode_basestring(int.__repr__(key))
    raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")


# The text of a leaf by its exact type (subclasses go through _scalar): one lookup per value.
_LEAF = {str: encode_basestring, int: int.__repr__, float: _float, bool: lambda v: "true" if v else "false",
         type(None): lambda v: "null"}
_LEAF_TYPES = frozenset(_LEAF)


def _not_json(value: Any) -> Any:
    raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


@cache
def _flat_encoder(inner: str):
    """The C encoder writing one item per line, each indented by ``inner`` (a line break first).

    Made once and called directly: ``JSONEncoder.encode`` builds a new C encoder on every call,
    which costs more than encoding a row (a report writes thousands)."""
    separator = "," + inner
    if c_make_encoder is None:  # a Python built without the _json accelerator
        return JSONEncoder(ensure_ascii=False, check_circular=False, separators=(separator, ": ")).encode
    chunks = c_make_encoder(None, _not_json, encode_basestring, None, ": ", separator, False, False, True)
    return lambda value: "".join(chunks(value, 0))


def _flat(value: Any, newline: str) -> str | None:
    """The text of a non-empty list or object whose items are all plain values; None otherwise."""
    if not value or not set(map(type, value.values() if isinstance(value, dict) else value)) <= _LEAF_TYPES:
        return None
    inner = newline + "  "
    text = _flat_encoder(inner)(value)
    return text[0] + inner + text[1:-1] + newline + text[-1]


def _value(value: Any, newline: str, out: list[str], keys: dict[str, str],
           flush: Callable[[], None] | None = None) -> None:
    """Append ``value``'s text; ``newline`` is a line break and the indent of ``value``'s line;
    ``keys`` holds the text of each key met so far (rows repeat the same keys); ``flush``, when
    given, writes out what is held (called between the items of a streamed list)."""
    if flush is not None:
        if type(value) is Later:
            value = value.compute()
        if isinstance(value, Iterator):
            _stream(value, newline, out, keys, flush)
            return
    leaf = _scalar(value)
    if leaf is not None:
        out.append(leaf)
        return
    flat = _flat(value, newline)
    if flat is not None:
        out.append(flat)
        return
    inner = newline + "  "
    if isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        sep = "{" + inner
        for key, item in value.items():
            name = keys.get(key) if type(key) is str else None
            if name is None:
                name = _key(key)
                if type(key) is str:
                    keys[key] = name
            out.append(sep + name + ": ")
            sep = "," + inner
            encode = _LEAF.get(type(item))
            if encode is None:
                _value(item, inner, out, keys, flush)
            else:
                out.append(encode(item))
        out.append(newline + "}")
        return
    _stream(iter(value), newline, out, keys, flush)


def _stream(items: Iterator[Any], newline: str, out: list[str], keys: dict[str, str],
            flush: Callable[[], None] | None) -> None:
    """Items as a JSON list; with ``flush``, written out every few thousand pieces."""
    inner = newline + "  "
    sep = "[" + inner
    for item in items:
        out.append(sep)
        sep = "," + inner
        encode = _LEAF.get(type(item))
        if encode is None:
            _value(item, inner, out, keys, flush)
        else:
            out.append(encode(item))
        if flush is not None and len(out) > _FLUSH_AT:
            flush()
    out.append("[]" if sep[0] == "[" else newline + "]")
