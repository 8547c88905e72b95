"""The cross-impact matrix: descriptors, their variants and the judgments between them.

CIB (Weimer-Jehle; the desktop tool ScenarioWizard) describes a system by descriptors, each with
mutually exclusive variants, and by judgments ``C[(i, a), (j, b)]`` from ``-scale`` (strongly
hinders) to ``+scale`` (strongly promotes), the scale being 3 unless the matrix states another:
how variant ``a`` of descriptor ``i`` acts on variant ``b`` of descriptor ``j``. Self blocks
(``i == j``) are allowed, as ScenarioWizard files may carry them. The sizes a matrix may have
and the names it may not are in ``explorer.cib.limits``.

Usage::

    m = load_matrix({
        "descriptors": [{"name": "Economy", "variants": ["Weak", "Strong"]}, ...],
        "impacts": {"Economy:Strong": {"Society:Calm": 2, "Society:Unrest": -2}},
    })
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from explorer.cib.limits import DEFAULT_SCALE, CibError, check_names, check_scale, check_size

JUDGMENT_RANGE = range(-DEFAULT_SCALE, DEFAULT_SCALE + 1)
"""The judgments of a matrix on the default scale."""

Judgment = tuple[str, str, str, str]
"""(impacting descriptor, its variant, impacted descriptor, its variant)."""


@dataclass(frozen=True)
class Descriptor:
    name: str
    variants: tuple[str, ...]


@dataclass(frozen=True)
class CrossImpactMatrix:
    """Descriptors and judgments; ``cells[r][c]`` is how variant ``r`` acts on variant ``c``,
    both numbered through all descriptors' variants in order; every judgment lies within
    ``-scale..scale``. Immutable and hashable."""

    descriptors: tuple[Descriptor, ...]
    cells: tuple[tuple[int, ...], ...]
    scale: int = DEFAULT_SCALE

    def __post_init__(self) -> None:
        if not self.descriptors:
            raise CibError("a matrix needs at least one descriptor")
        check_size([(d.name, len(d.variants)) for d in self.descriptors])
        check_scale(self.scale)
        seen: set[str] = set()
        for descriptor in self.descriptors:
            if descriptor.name in seen:
                raise CibError(f"descriptor {descriptor.name!r} is declared twice")
            seen.add(descriptor.name)
            if len(descriptor.variants) < 2:
                raise CibError(f"descriptor {descriptor.name!r} needs at least two variants")
            if len(set(descriptor.variants)) != len(descriptor.variants):
                raise CibError(f"descriptor {descriptor.name!r} names a variant twice")
        size = sum(len(d.variants) for d in self.descriptors)
        if len(self.cells) != size or any(len(row) != size for row in self.cells):
            raise CibError(f"the judgments must form a {size} x {size} table")
        if any(type(value) is not int for row in self.cells for value in row):
            raise CibError("every judgment must be a whole number")
        if any(abs(value) > self.scale for row in self.cells for value in row):
            raise CibError(f"every judgment must lie within the scale -{self.scale}..{self.scale}")
        check_names([(d.name, d.variants) for d in self.descriptors])

    @cached_property
    def offsets(self) -> tuple[int, ...]:
        """Where each descriptor's variants start in the numbering of ``cells``."""
        starts = [0]
        for descriptor in self.descriptors[:-1]:
            starts.append(starts[-1] + len(descriptor.variants))
        return tuple(starts)

    @cached_property
    def array(self) -> np.ndarray:
        table = np.array(self.cells, dtype=np.int64)
        table.flags.writeable = False
        return table

    @cached_property
    def digest(self) -> str:
        """A short content hash, e.g. to key a cache (a matrix on the default scale hashes as
        before scales were stated)."""
        content = [[(d.name, d.variants) for d in self.descriptors], self.cells]
        if self.scale != DEFAULT_SCALE:
            content.append(self.scale)
        payload = json.dumps(content)
        return hashlib.sha256(payload.encode()).hexdigest()[:16]

    @property
    def scenario_count(self) -> int:
        return math.prod(len(d.variants) for d in self.descriptors)

    def descriptor_position(self, name: str) -> int:
        for position, descriptor in enumerate(self.descriptors):
            if descriptor.name == name:
                return position
        raise CibError(f"{name!r} is not a descriptor of this matrix")

    def variant_position(self, descriptor: str, variant: str) -> int:
        """The position of ``variant`` within ``descriptor``; a clear error if either is unknown."""
        variants = self.descriptors[self.descriptor_position(descriptor)].variants
        if variant not in variants:
            known = ", ".join(variants)
            raise CibError(f"{variant!r} is not a variant of {descriptor!r} ({known})")
        return variants.index(variant)

    def index(self, descriptor: str, variant: str) -> int:
        """The row/column of ``descriptor:variant`` in ``cells``."""
        position = self.descriptor_position(descriptor)
        return self.offsets[position] + self.variant_position(descriptor, variant)

    def judgment(self, key: Judgment) -> int:
        impacting, variant, impacted, target = key
        return self.cells[self.index(impacting, variant)][self.index(impacted, target)]


def _judgment_value(value: object, where: str, scale: int) -> int:
    if type(value) is not int or abs(value) > scale:
        raise CibError(
            f"{where}: {value!r} is not a judgment (use a whole number from -{scale} to {scale})"
        )
    return value


def build(
    descriptors: Sequence[Descriptor],
    judgments: Mapping[Judgment, int],
    scale: int = DEFAULT_SCALE,
) -> CrossImpactMatrix:
    """A matrix of ``descriptors`` with ``judgments`` on ``scale``; every other cell is 0."""
    size = sum(len(d.variants) for d in descriptors)
    check_size([(d.name, len(d.variants)) for d in descriptors])
    empty = CrossImpactMatrix(tuple(descriptors), tuple((0,) * size for _ in range(size)), scale)
    return with_judgments(empty, judgments)


def _split_key(descriptors: Sequence[Descriptor], key: object) -> tuple[str, str]:
    """``"Descriptor:variant"`` -> (descriptor, variant); names may themselves hold colons."""
    if not isinstance(key, str):
        raise CibError(f"{key!r} is not a 'Descriptor:variant' key")
    prefixed = [(d, key[len(d.name) + 1 :]) for d in descriptors if key.startswith(d.name + ":")]
    if not prefixed:
        raise CibError(f"{key!r} does not name a descriptor of this matrix ('Descriptor:variant')")
    matches = [(d.name, v) for d, v in prefixed if v in d.variants]
    if len(matches) > 1:
        raise CibError(f"{key!r} is ambiguous: it could be {' or '.join(map(str, matches))}")
    if not matches:
        descriptor, variant = prefixed[0]
        known = ", ".join(descriptor.variants)
        raise CibError(f"{variant!r} is not a variant of {descriptor.name!r} ({known})")
    return matches[0]


def _descriptor(entry: object, position: int) -> Descriptor:
    if not isinstance(entry, Mapping) or set(entry) != {"name", "variants"}:
        raise CibError(f"descriptors[{position}] must be a mapping with name and variants only")
    name, variants = entry["name"], entry["variants"]
    if not isinstance(name, str) or not name.strip():
        raise CibError(f"descriptors[{position}].name must be a non-empty text")
    if isinstance(variants, str) or not isinstance(variants, Sequence):
        raise CibError(f"descriptors[{position}].variants must be a list of names")
    if not all(isinstance(v, str) and v.strip() for v in variants):
        raise CibError(f"descriptors[{position}].variants must be non-empty texts")
    return Descriptor(name, tuple(variants))


def load_matrix(data: Mapping) -> CrossImpactMatrix:
    """Build a matrix from plain data (e.g. parsed YAML or JSON).

    Parameters
    ----------
    data:
        ``{"descriptors": [{"name": str, "variants": [str, ...]}, ...],
        "impacts": {"Descriptor:variant": {"Descriptor:variant": int}}, "scale": int}``;
        judgments are whole numbers from ``-scale`` to ``scale`` (``scale`` 3 if left out), a
        missing cell is 0, ``impacts`` may be left out.

    Raises
    ------
    CibError
        Naming the unknown key, descriptor or variant, or the judgment out of range.
    """
    if not isinstance(data, Mapping) or not set(data) <= {"descriptors", "impacts", "scale"}:
        raise CibError("a matrix is a mapping with 'descriptors', optional 'impacts' and 'scale'")
    scale = check_scale(data.get("scale", DEFAULT_SCALE))
    entries = data.get("descriptors")
    if isinstance(entries, str) or not isinstance(entries, Sequence):
        raise CibError("'descriptors' must be a list")
    descriptors = [_descriptor(entry, i) for i, entry in enumerate(entries)]
    check_size([(d.name, len(d.variants)) for d in descriptors])
    impacts = data.get("impacts") or {}
    if not isinstance(impacts, Mapping):
        raise CibError("'impacts' must map 'Descriptor:variant' to a mapping of judgments")
    judgments: dict[Judgment, int] = {}
    for source, row in impacts.items():
        impacting = _split_key(descriptors, source)
        if not isinstance(row, Mapping):
            raise CibError(f"impacts[{source!r}] must map 'Descriptor:variant' to a judgment")
        for target, value in row.items():
            impacted = _split_key(descriptors, target)
            judgments[(*impacting, *impacted)] = _judgment_value(
                value, f"impacts[{source!r}][{target!r}]", scale
            )
    return build(descriptors, judgments, scale)


def with_judgments(m: CrossImpactMatrix, judgments: Mapping[Judgment, int]) -> CrossImpactMatrix:
    """A copy of ``m`` with some judgments replaced, e.g. ``{("D1", "v1", "D2", "v2"): 3}``."""
    cells = [list(row) for row in m.cells]
    for key, value in judgments.items():
        if not isinstance(key, tuple) or len(key) != 4:
            raise CibError(f"{key!r} is not (descriptor, variant, descriptor, variant)")
        where = "{} {} -> {} {}".format(*key)
        cells[m.index(key[0], key[1])][m.index(key[2], key[3])] = _judgment_value(
            value, where, m.scale
        )
    return CrossImpactMatrix(m.descriptors, tuple(tuple(row) for row in cells), m.scale)
