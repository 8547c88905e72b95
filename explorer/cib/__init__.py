"""Cross-impact balance: the matrix, consistent scenarios, balances, succession, .scw files.

Its figures, tables and summaries are in ``explorer.cib.figures``, ``explorer.cib.tables`` and
``explorer.cib.summaries``, imported on their own (figures and tables pull in plotly and pandas).

The names below are resolved on first use (PEP 562 ``__getattr__``): the matrix and the search
pull in numpy, a fifth of a second to import, which the first chart of a fresh server does not
need; ``explorer.cib.limits`` (the loader's caps and ``CibError``) is imported alone.
"""

from __future__ import annotations

import sys
import types

from explorer.first_use import first_use

_MODULES: dict[str, tuple[str, ...]] = {
    "balance": ("Solution", "contributions", "descriptor_margins", "evaluate", "impact_balance"),
    "cibfile": ("from_cib_file", "to_cib_file"),
    "limits": ("CibError",),
    "matrix": (
        "JUDGMENT_RANGE",
        "CrossImpactMatrix",
        "Descriptor",
        "Judgment",
        "load_matrix",
        "with_judgments",
    ),
    "scw": (
        "HEADER",
        "MAX_BYTES",
        "MAX_JUDGMENT",
        "ScwError",
        "ScwProject",
        "read_scw",
        "write_scw",
    ),
    "search": ("Search", "brute_force_consistent", "consistent_scenarios", "search"),
    "sl": ("SlEntry", "read_sl"),
    "succession": ("MAX_SUCCESSION_STEPS", "Succession", "succession"),
}
__all__, __getattr__ = first_use(__name__, _MODULES)


class _Package(types.ModuleType):
    """Keeps a public name that is also a submodule's (``search``, ``succession``) bound to the
    function: importing the submodule, from anywhere, would otherwise rebind it to the module."""

    def __setattr__(self, name: str, value: object) -> None:
        if name in __all__ and isinstance(value, types.ModuleType):
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
