"""Message catalogues: every module here defines ``MESSAGES = {key: (en, zh-Hans, zh-Hant)}``."""

from __future__ import annotations

import importlib
import pkgutil


def load() -> dict[str, tuple[str, str, str]]:
    merged: dict[str, tuple[str, str, str]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, entry in module.MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} defined twice ({info.name})")
            merged[key] = entry
    return merged
