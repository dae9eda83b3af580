"""Names a package exports but imports only when first used (PEP 562), so that importing the
package for its light parts does not load its heavy submodules (issue 11: the app's first
screen). Used by `corpus`, `entities` and `search`."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(package: str, where: Mapping[str, str]) -> Callable[[str], Any]:
    """The module `__getattr__` for `package`: `where` maps each lazy name to the submodule
    defining it; the name is imported on first use and kept in the package's namespace."""

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        vars(sys.modules[package])[name] = value
        return value

    return __getattr__
