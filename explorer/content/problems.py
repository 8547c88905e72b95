"""The one shape every content problem takes: where it is, which field, what is wrong.

A problem prints as one line of bounded length: control and text-direction characters (a
newline in a file name, say) are printed as escapes, so no name can forge another line, and
a long quoted value is shortened with an ellipsis.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

Loc = tuple[str | int, ...]

MAX_QUOTED = 80
"""Characters of a quoted value a problem prints before an ellipsis."""
MAX_LINE = 600
"""Characters a problem prints at most."""
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_LONG_QUOTE = re.compile(rf"'[^'\n]{{{MAX_QUOTED + 1},}}'|\"[^\"\n]{{{MAX_QUOTED + 1},}}\"")


def one_line(text: str) -> str:
    """``text`` with control and text-direction characters as escapes (``\\n``, ``\\u202e``)."""
    return _CONTROL.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


def _shortened(text: str) -> str:
    quotes_cut = _LONG_QUOTE.sub(lambda m: f"{m.group(0)[: MAX_QUOTED + 1]}…{m.group(0)[0]}", text)
    return quotes_cut if len(quotes_cut) <= MAX_LINE else quotes_cut[: MAX_LINE - 1] + "…"


@dataclass(frozen=True, order=True)
class Problem:
    """A problem in a scenario file, printed as ``file:line: field: message``."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )
        return _shortened(one_line(text))


def field_path(loc: Loc) -> str:
    """``('events', 3, 'track')`` -> ``events[3].track``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
