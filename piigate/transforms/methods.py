"""Registers the built-in transforms: the modules that ``piigate.methods`` names."""

from __future__ import annotations

import importlib

from ..methods import METHODS_TABLE

for _module in sorted({m.transform_module for m in METHODS_TABLE if m.transform_module}):
    importlib.import_module(f"{__package__}.{_module}")
