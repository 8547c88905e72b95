"""Read one YAML document safely and remember the line of every field.

Only plain data is constructed (``yaml.SafeLoader``), booleans are only ``true``/``false``
(so a key ``no:`` or a country code ``NO`` stays a string), dates stay text for the model to
parse, and a document whose aliases
expand beyond ``MAX_NODES``, or that nests deeper than ``MAX_DEPTH``, is refused before anything
is built from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

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
_DROPPED = {_BOOL, "tag:yaml.org,2002:timestamp"}
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _DROPPED]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


@dataclass(frozen=True)
class YamlDocument:
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int | None:
        """The line of ``loc``, or of its nearest ancestor that is in the file."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return None


class YamlError(ScenarioError):
    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _size(node: yaml.Node) -> tuple[int, int]:
    """Nodes visited with aliases expanded, and the deepest nesting; stops past the limits."""
    count, deepest, stack = 0, 0, [(node, 1)]
    while stack and count <= MAX_NODES and deepest <= MAX_DEPTH:
        current, depth = stack.pop()
        count, deepest = count + 1, max(deepest, depth)
        if isinstance(current, yaml.MappingNode):
            stack.extend((part, depth + 1) for pair in current.value for part in pair)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in current.value)
    return count, deepest


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
        raise YamlError(None, f"file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise YamlError(None, f"not UTF-8 text (byte {err.start})") from None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise YamlError(1, "the file is empty")
        count, depth = _size(node)
        if count > MAX_NODES:
            raise YamlError(None, f"aliases expand to more than {MAX_NODES:,} values; refused")
        if depth > MAX_DEPTH:
            raise YamlError(None, f"nested more than {MAX_DEPTH} levels deep; refused")
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        raise YamlError(line, f"not valid YAML: {err.problem or err.context}") from None
    except yaml.YAMLError as err:
        raise YamlError(None, f"not valid YAML: {err}") from None
    finally:
        loader.dispose()
    return YamlDocument(data, _line_map(node))


def read(raw: bytes, shown_as: str) -> YamlDocument | Problem:
    try:
        return parse(raw)
    except YamlError as err:
        return Problem(shown_as, err.line, "", err.message)
