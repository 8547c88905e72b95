"""What a matrix may hold and what a search may spend, so that no input can make the app work
without end: caps on descriptors and variants (checked before any search), the widest judgment
scale, and the search's own budget (consistent scenarios kept, partial scenarios visited).

Names must also stay apart in a link (``check_names``): two descriptors, or two variants of one
descriptor, that a link cannot tell apart are refused (the rule is the loader's, in
``explorer.content.matrix_rules.same_in_link``, so that cib.yaml and .scw files follow one rule).
"""

from __future__ import annotations

from collections.abc import Sequence

from explorer.content.matrix_rules import clash_message, same_in_link
from explorer.errors import ScenarioError

DEFAULT_SCALE = 3
"""Judgments run from -3 to 3 unless a matrix states its own scale."""
MAX_SCALE = 10_000
"""The widest scale: judgments up to 10,000 in size (weighting tricks included)."""
MAX_DESCRIPTORS = 40
MAX_VARIANTS = 12
"""Variants of one descriptor."""
MAX_TOTAL_VARIANTS = 150
"""Variants of all descriptors together: the matrix is this wide at most."""
MAX_SOLUTIONS = 500
"""Consistent scenarios kept by a search; it goes on counting the others within its budget."""
MAX_NODES = 10_000_000
"""Partial scenarios a search may visit (about 4 s of work on one core), then it stops."""


class CibError(ScenarioError):
    """A matrix, judgment or scenario that does not fit; the message names the offending part."""


def check_size(shape: Sequence[tuple[str, int]]) -> None:
    """Refuse a matrix of these (descriptor name, number of variants) beyond the limits.

    Raises ``CibError`` naming the count and the limit."""
    if len(shape) > MAX_DESCRIPTORS:
        raise CibError(f"the matrix has {len(shape)} descriptors; the limit is {MAX_DESCRIPTORS}")
    for name, count in shape:
        if count > MAX_VARIANTS:
            raise CibError(f"descriptor {name!r} has {count} variants; the limit is {MAX_VARIANTS}")
    total = sum(count for _, count in shape)
    if total > MAX_TOTAL_VARIANTS:
        raise CibError(f"the matrix has {total} variants in all; the limit is {MAX_TOTAL_VARIANTS}")


def check_scale(scale: object) -> int:
    """The scale if it is a whole number from 1 to ``MAX_SCALE``; else ``CibError``."""
    if type(scale) is not int or not 1 <= scale <= MAX_SCALE:
        raise CibError(f"the scale must be a whole number from 1 to {MAX_SCALE}, not {scale!r}")
    return scale


def check_names(descriptors: Sequence[tuple[str, Sequence[str]]]) -> None:
    """Refuse descriptor names, or variant names within a descriptor, that differ but that a
    link cannot tell apart; ``CibError`` names both."""
    names = [name for name, _ in descriptors]
    if clashes := same_in_link(names):
        first, later = clashes[0]
        raise CibError(clash_message("descriptor", names[first], names[later]))
    for name, variants in descriptors:
        if clashes := same_in_link(variants):
            first, later = clashes[0]
            kind = f"variant of {name!r}"
            raise CibError(clash_message(kind, variants[first], variants[later]))
