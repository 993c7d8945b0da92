"""The walker's data with what its states repeat kept once: what ``walker.html`` carries inline.

Every state of a walk carries its whole card, and the cards of one walk's states share most of
their sections, sentences and path items; the record templates repeat the cards' sentences in
Markdown. :func:`pack` keeps each repeated value once, in a table, and puts a reference where it
stood; the walker (``src/share.js``) rebuilds the data, exactly as :func:`unpack` does here,
before it looks anything up. Nothing is decided or worded in the process: the states, their
transitions and their words are the engine's, value for value.

The packed form is JSON with two kinds of stand-in, each refused where the data could mean it:

- a negative integer ``-1 - i`` stands for ``shared[i]`` (the data holds no negative integers);
- ``{"+": [part, ...]}`` stands for the string its parts make when joined (a long sentence
  another string holds whole is one part, so "Chosen option: ..." refers to the card's summary);
- ``{"=": [keys, value, ...]}`` stands for the object with those keys (a list, most often a
  reference: every state's card has the same keys) and those values, in that order.

Example:
    >>> packed = pack({"a": ["same words here, twice over"] * 3, "b": 1})
    >>> packed
    {'a': [-1, -1, -1], 'b': 1, 'shared': ['same words here, twice over']}
    >>> unpack(packed) == {"a": ["same words here, twice over"] * 3, "b": 1}
    True
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from ..errors import WalkerDataError

__all__: list[str] = []

SHARED = "shared"  # the table's key in the packed data
JOIN = "+"  # the one key of a string made of parts
SHAPE = "="  # the one key of an object given as its keys' list and its values
# Strings this long (code points) may be found inside longer ones and referred to from there;
# a shorter piece costs about as much as its reference.
MIN_PIECE = 16
# What a reference costs in the packed text, about: "-123" and its comma.
_REF = 5


def _text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _strings(value: Any, out: set[str]) -> set[str]:
    """Every string value (not key) in ``value``, checking on the way that no value of the
    data looks like a stand-in."""
    if isinstance(value, dict):
        if list(value) in ([JOIN], [SHAPE]):
            problem = f"holds an object whose one key is {next(iter(value))!r}"
            raise WalkerDataError(problem, part="the data")
        for item in value.values():
            _strings(item, out)
    elif isinstance(value, list):
        for item in value:
            _strings(item, out)
    elif isinstance(value, str):
        out.add(value)
    elif isinstance(value, int) and not isinstance(value, bool) and value < 0:
        problem = f"holds a negative integer ({value})"
        raise WalkerDataError(problem, part="the data")
    return out


class _Pieces:
    """Long strings split around the long strings they hold whole, longest first."""

    def __init__(self, strings: set[str]) -> None:
        self.pieces = sorted((s for s in strings if len(s) >= MIN_PIECE),
                             key=lambda s: (-len(s), s))
        self.known = set(self.pieces)
        self.made: dict[str, Any] = {}

    def split(self, text: str) -> list[str]:
        for piece in self.pieces:
            if len(piece) < len(text) and piece in text:
                head, _, tail = text.partition(piece)
                return [*self.split(head), piece, *self.split(tail)]
        return [text] if text else []

    def node(self, text: str) -> Any:
        """``text``, or ``{"+": parts}`` where it holds a piece (parts made the same way)."""
        if len(text) <= MIN_PIECE:
            return text
        if text not in self.made:
            parts = self.split(text)
            self.made[text] = text if len(parts) == 1 else {
                JOIN: [self.node(p) if p in self.known else p for p in parts]}
        return self.made[text]

    def apply(self, value: Any) -> Any:
        if isinstance(value, dict):
            return {k: self.apply(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.apply(v) for v in value]
        return self.node(value) if isinstance(value, str) else value


class _Packer:
    """Puts each value used more than once, and each key list objects repeat, in the table."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.uses: Counter[str] = Counter()
        self.shapes: Counter[tuple[str, ...]] = Counter()
        for value in data.values():
            self.count(value)
        self.table: list[Any] = []
        self.index: dict[str, int] = {}

    def count(self, value: Any) -> None:
        """How often each value occurs, a repeated one's insides counted once (as they will
        be), and how many objects have each list of keys."""
        if not isinstance(value, (dict, list, str)):
            return
        key = _text(value)
        self.uses[key] += 1
        if self.uses[key] > 1 or isinstance(value, str):
            return
        if isinstance(value, dict):
            self.shapes[tuple(value)] += 1
        for item in value.values() if isinstance(value, dict) else value:
            self.count(item)

    def keep(self, key: str, inner: Any) -> int:
        self.index[key] = len(self.table)
        self.table.append(inner)
        return -1 - self.index[key]

    def put(self, value: Any) -> Any:
        if isinstance(value, (dict, list, str)):
            key = _text(value)
            if key in self.index:
                return -1 - self.index[key]
            n = self.uses[key]
            if n > 1 and (n - 1) * len(key.encode("utf-8")) > n * _REF:
                return self.keep(key, self.inside(value))
        return self.inside(value)

    def inside(self, value: Any) -> Any:
        if isinstance(value, list):
            return [self.put(v) for v in value]
        if not isinstance(value, dict):
            return value
        keys = tuple(value)
        said = sum(len(_text(k)) + 2 for k in keys)  # each key, its colon and its comma
        if self.shapes[keys] * (said - 7 - _REF) > said:
            key = _text([SHAPE, *keys])
            shape = -1 - self.index[key] if key in self.index else self.keep(key, list(keys))
            return {SHAPE: [shape, *(self.put(v) for v in value.values())]}
        return {k: self.put(v) for k, v in value.items()}


def pack(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with each value it repeats kept once in ``data["shared"]`` (see the module).

    Raises:
        WalkerDataError: ``data`` has a ``shared`` key, a negative integer or an object whose
            one key is ``+`` or ``=``, which the packed form could not tell from its stand-ins.
    """
    if SHARED in data:
        problem = f"already has a {SHARED!r} key"
        raise WalkerDataError(problem, part="the data")
    split = _Pieces(_strings(data, set())).apply(data)
    packer = _Packer(split)
    packed = {k: packer.put(v) for k, v in split.items()}
    packed[SHARED] = packer.table
    return packed


def unpack(packed: dict[str, Any]) -> dict[str, Any]:
    """The data :func:`pack` packed, as ``src/share.js`` rebuilds it; other data as it is."""
    if not isinstance(packed, dict) or SHARED not in packed:
        return packed
    table = packed[SHARED]

    def open_(value: Any) -> Any:
        if isinstance(value, bool):
            return value
        if isinstance(value, int) and value < 0:
            return open_(table[-1 - value])
        if isinstance(value, list):
            return [open_(v) for v in value]
        if isinstance(value, dict):
            if list(value) == [JOIN]:
                return "".join(open_(v) for v in value[JOIN])
            if list(value) == [SHAPE]:
                keys, *values = value[SHAPE]
                return dict(zip(open_(keys), (open_(v) for v in values), strict=True))
            return {k: open_(v) for k, v in value.items()}
        return value

    return {k: open_(v) for k, v in packed.items() if k != SHARED}
