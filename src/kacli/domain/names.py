"""Search keys for names: the pinyin and initials of a Chinese name, kept when a name is written.

``华信地产`` -> ``huaxindichan`` and ``hxdc``; ``王总`` -> ``wangzong`` and ``wz``; ``Acme Ltd``
-> ``acmeltd`` and ``al``. Computed at write time so a lookup needs no pinyin library.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[0-9a-z]+")


def _ascii_words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return _WORD.findall(folded)


def search_keys(name: str) -> tuple[str, str]:
    """(full pinyin, initials) of ``name``, lower case, letters and digits only."""
    from pypinyin import Style, lazy_pinyin  # heavy (0.2 s): only on writes

    syllables = lazy_pinyin(name, style=Style.NORMAL, errors=lambda chunk: _ascii_words(chunk))
    words = [w for s in syllables for w in _ascii_words(s)]
    return "".join(words), "".join(w[0] for w in words)
