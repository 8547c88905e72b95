"""The link's small grammar: its separators, the longest value read, how a value is quoted back."""

from __future__ import annotations

PAIR_SEPARATOR = ":"
NO_B = "none"
LIST_SEPARATOR = "~"
RANGE_SEPARATOR = ".."
MAX_VALUE_LENGTH = 300


def shown(value: str) -> str:
    """A value from a link as a notice quotes it: in quotes, at most 40 characters."""
    return repr(value if len(value) <= 40 else value[:37] + "...")
