"""A package's public names resolved on first use (PEP 562 ``__getattr__``), for packages whose
modules pull in heavy libraries (numpy) that the first chart of a fresh server does not need.

    >>> __all__, __getattr__ = first_use(__name__, {"matrix": ("CrossImpactMatrix",)})
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping


def first_use(
    package: str, modules: Mapping[str, tuple[str, ...]]
) -> tuple[list[str], Callable[[str], object]]:
    """``package``'s ``__all__`` (every name ``modules`` lists, constants first, as ruff sorts)
    and its module ``__getattr__``, which imports a name from its module the first time it is
    asked for and keeps it."""
    home = {name: module for module, names in modules.items() for name in names}

    def __getattr__(name: str) -> object:
        if name not in home:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{home[name]}"), name)
        setattr(sys.modules[package], name, value)
        return value

    return sorted(home, key=lambda name: (not name.isupper(), name)), __getattr__
