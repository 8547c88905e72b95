"""Read one YAML document safely; find the line of any field when a problem names it.

Only plain data is constructed (``yaml.SafeLoader``), and scalars follow YAML 1.2's core
schema: booleans are only ``true``/``false`` (so a key ``no:`` or a country code ``NO`` stays a
string), numbers have no base 60, underscores or YAML 1.1 octals (``2:30`` stays a string,
``010`` is ten) and dates stay text for the model to parse. One guard holds for every YAML
file, in a set folder or in an upload: a file over ``MAX_FILE_BYTES``, a document of more than
``MAX_NODES`` keys, values and items (aliases expanded), or one whose mappings and lists nest
deeper than ``MAX_DEPTH`` (aliases expanded) is refused before anything is built from it, and
so is one with a list over its item cap (``explorer.content.limits``), naming the list.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import yaml

from explorer.content.limits import too_many_items
from explorer.content.problems import Loc, Problem
from explorer.errors import ScenarioError

MAX_FILE_BYTES = 1_000_000
MAX_NODES = 100_000
MAX_DEPTH = 64


_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when present


class _Loader(_SafeBase):  # type: ignore[misc, valid-type]
    """A safe loader with YAML 1.2 booleans (``yes``, ``no``, ``on``, ``off`` stay strings) and
    dates left as text, so that pydantic, not the YAML parser, judges them."""


_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_DROPPED = {_BOOL, _INT, _FLOAT, "tag:yaml.org,2002:timestamp"}
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _DROPPED]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
# YAML 1.2's core schema: no base 60 (``2:30`` stays text), no underscores, no ``0b``, and a
# leading zero is decimal (``010`` is ten); ``0o`` is octal, ``0x`` hexadecimal.
_Loader.add_implicit_resolver(
    _INT, re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789")
)
_Loader.add_implicit_resolver(
    _FLOAT,
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+.0123456789"),
)


def _int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = loader.construct_scalar(node)
    base = {"0o": 8, "0x": 16}.get(text[:2], 10)
    return int(text[2:] if base != 10 else text, base)


_Loader.add_constructor(_INT, _int)


@dataclass(frozen=True)
class YamlDocument:
    data: Any
    raw: bytes = field(default=b"", repr=False)
    """The file as read, which passed every guard."""
    values: int = 0
    """Keys, values and list items in the document, aliases expanded (what ``MAX_NODES`` caps)."""

    @cached_property
    def lines(self) -> dict[Loc, int]:
        """The line of every field and item. Only a problem asks for a line: the file is composed
        again then, rather than mapped on every load of a valid set."""
        if not self.raw:
            return {}
        loader = _Loader(self.raw.decode("utf-8"))
        try:
            return _line_map(loader.get_single_node())
        finally:
            loader.dispose()

    def line_of(self, loc: Loc) -> int | None:
        """The line of ``loc``, or of its nearest ancestor that is in the file."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return None


class YamlError(ScenarioError):
    """A file that is not safe, well-formed YAML; ``over_limit`` when a limit refused it;
    ``field`` names the list that passed its item cap."""

    def __init__(
        self, line: int | None, message: str, *, over_limit: bool = False, field: str = ""
    ) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.over_limit = over_limit
        self.field = field


def _guard(root: yaml.Node) -> YamlError | int:
    """Why the composed document is refused, or how many values it holds: the walk counts every
    value with aliases expanded (stopping past ``MAX_NODES``) and measures how deep mappings and
    lists nest."""
    count, deepest, first_too_deep = 0, 0, None
    written: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 0)]
    while stack and count <= MAX_NODES:
        node, depth = stack.pop()
        count += 1
        written.add(id(node))
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            depth += 1
            deepest = max(deepest, depth)
            if depth > MAX_DEPTH and first_too_deep is None:
                first_too_deep = node.start_mark.line + 1
            children = (
                (p for pair in node.value for p in pair)
                if isinstance(node, yaml.MappingNode)
                else node.value
            )
            stack.extend((child, depth) for child in children)
    if count > MAX_NODES:
        return YamlError(None, _too_many(len(written)), over_limit=True)
    if deepest > MAX_DEPTH:
        return YamlError(
            first_too_deep,
            f"nested more than {MAX_DEPTH} levels deep ({deepest} levels); refused",
            over_limit=True,
        )
    return count


def _too_many(written: int) -> str:
    """What the node count measured: every key, value and list item, an alias counting as all
    it repeats. Aliases are named only when they repeated some of them."""
    if written > MAX_NODES:
        return (
            f"holds more than {MAX_NODES:,} values (keys, values and list items, counted one "
            f"by one); the limit per file is {MAX_NODES:,}; refused"
        )
    return f"aliases expand to more than {MAX_NODES:,} values; refused"


def _line_map(root: yaml.Node) -> dict[Loc, int]:
    """The line of every field and item, walked with a stack: deep nesting cannot overflow."""
    lines: dict[Loc, int] = {}
    stack: list[tuple[yaml.Node, Loc]] = [(root, ())]
    while stack:
        node, loc = stack.pop()
        lines.setdefault(loc, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    lines.setdefault((*loc, key.value), key.start_mark.line + 1)
                    stack.append((value, (*loc, key.value)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*loc, index)) for index, item in enumerate(node.value))
    return lines


def parse(raw: bytes) -> YamlDocument:
    """Parse one YAML document. Raises ``YamlError`` with a line and a plain message."""
    if len(raw) > MAX_FILE_BYTES:
        message = f"file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,}"
        raise YamlError(None, message, over_limit=True)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise YamlError(None, f"not UTF-8 text (byte {err.start})") from None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise YamlError(1, "the file is empty")
        too_many = too_many_items(node)
        if too_many is not None:
            message, field = too_many.message, too_many.field
            raise YamlError(too_many.line, message, over_limit=True, field=field)
        values = _guard(node)
        if isinstance(values, YamlError):
            raise values
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        raise YamlError(line, f"not valid YAML: {err.problem or err.context}") from None
    except yaml.YAMLError as err:
        raise YamlError(None, f"not valid YAML: {err}") from None
    except RecursionError:  # only PyYAML's pure-Python composer recurses; libyaml stops at 1000
        message = f"nested more than {MAX_DEPTH} levels deep (too deep to count); refused"
        raise YamlError(None, message, over_limit=True) from None
    finally:
        loader.dispose()
    return YamlDocument(data, raw, values)


def read(
    raw: bytes, shown_as: str, parser: Callable[[bytes], YamlDocument] = parse
) -> YamlDocument | Problem:
    """``parser`` (``parse``, or one that keeps its results), with a refusal returned as a
    ``Problem`` of the file ``shown_as``."""
    try:
        return parser(raw)
    except YamlError as err:
        return Problem(shown_as, err.line, err.field, err.message)


def over_limit(raw: bytes) -> YamlError | None:
    """Why ``raw`` is over one of the limits, or None; text that is malformed in other ways is
    left for ``parse`` to report with its line. For files checked before they are loaded (the
    entries of an uploaded zip), so that a refusal comes before any other problem."""
    try:
        parse(raw)
    except YamlError as err:
        return err if err.over_limit else None
    return None
