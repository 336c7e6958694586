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


def lookup_key(name: str) -> str:
    """The key a name is found and compared by: folded (``text.fold``) and in Simplified script,
    so ``宏達機械`` and ``宏达机械`` are one name. Kept beside the name when it is written."""
    from kacli.domain.text import fold

    return simplified(fold(name))


def simplified(text: str) -> str:
    """``text`` in Simplified characters (OpenCC's Traditional-to-Simplified phrases)."""
    if text.isascii():
        return text
    return _converter().convert(text)


def has_chinese(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\U00020000" <= ch <= "\U0003134f" for ch in text)


_t2s = None


def _converter():
    # opencc-python-reimplemented: pure Python, OpenCC's own dictionaries, about 12 ms to load.
    # Loaded on writes and on a lookup whose text found nothing as typed, never at start-up.
    global _t2s
    if _t2s is None:
        from opencc import OpenCC

        _t2s = OpenCC("t2s")
    return _t2s
