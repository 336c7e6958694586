"""Search keys for names: the pinyin and initials of a Chinese name, kept when a name is written.

``华信地产`` -> ``huaxindichan`` and ``hxdc``; ``王总`` -> ``wangzong`` and ``wz``; ``Acme Ltd``
-> ``acmeltd`` and ``al``. Computed at write time so a lookup needs no pinyin library.

Both keys are pure functions of the name, so they are remembered per process: an import of
60,000 rows asks for the same customer's key once per contact, and a book of business repeats
its words (王, 经理, 地产) in thousands of names.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"[0-9a-z]+")
_REMEMBERED = 1 << 17  # names and words kept per process: an import's worth, a few tens of MB at most


@lru_cache(maxsize=_REMEMBERED)
def _ascii_words(text: str) -> tuple[str, ...]:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return tuple(_WORD.findall(folded))


def _no_pinyin(chunk: str) -> list[str]:
    return list(_ascii_words(chunk))


@lru_cache(maxsize=_REMEMBERED)
def search_keys(name: str) -> tuple[str, str]:
    """(full pinyin, initials) of ``name``, lower case, letters and digits only."""
    from pypinyin import Style  # heavy (0.2 s): only on writes

    syllables = _pinyin().lazy_pinyin(name, style=Style.NORMAL, errors=_no_pinyin)
    words = [w for s in syllables for w in _ascii_words(s)]
    return "".join(words), "".join(w[0] for w in words)


_converter_of_words = None


def _pinyin():
    """pypinyin's own ``lazy_pinyin`` (segmentation, phrases, polyphones), with each segment's
    syllables remembered: the same segment always gets the same syllables."""
    global _converter_of_words
    if _converter_of_words is None:
        from pypinyin.converter import DefaultConverter
        from pypinyin.core import Pinyin

        class Remembering(DefaultConverter):
            def __init__(self) -> None:
                super().__init__()
                self.seen: dict[tuple, list] = {}

            def convert(self, words, style, heteronym, errors, strict, **kwargs):
                key = (words, style, heteronym, errors, strict, *sorted(kwargs.items()))
                found = self.seen.get(key)
                if found is None:
                    if len(self.seen) >= _REMEMBERED:
                        self.seen.clear()
                    found = self.seen[key] = super().convert(words, style, heteronym, errors, strict, **kwargs)
                return [list(s) for s in found]

        _converter_of_words = Pinyin(Remembering())
    return _converter_of_words


@lru_cache(maxsize=_REMEMBERED)
def lookup_key(name: str) -> str:
    """The key a name is found and compared by: folded (``text.fold``) and in Simplified script,
    so ``宏達機械`` and ``宏达机械`` are one name. Kept beside the name when it is written."""
    from kacli.domain.text import fold

    return simplified(fold(name))


def simplified(text: str) -> str:
    """``text`` in Simplified characters (OpenCC's Traditional-to-Simplified phrases)."""
    if text.isascii():
        return text
    converter, changing = _converter()
    if changing is not None and changing.isdisjoint(text):
        return text  # no entry of the dictionaries can match: OpenCC would give it back as it is
    return converter.convert(text)


def has_chinese(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\U00020000" <= ch <= "\U0003134f" for ch in text)


_t2s = None


def _converter():
    """OpenCC's t2s converter and the characters that can start a change: every one-character
    entry, and the characters of a longer entry none of whose characters has its own entry
    (None if the converter's dictionaries cannot be read, and then every text is converted)."""
    # opencc-python-reimplemented: pure Python, OpenCC's own dictionaries, about 12 ms to load.
    # Loaded on writes and on a lookup whose text found nothing as typed, never at start-up.
    global _t2s
    if _t2s is None:
        from opencc import OpenCC

        converter = OpenCC("t2s")
        _t2s = (converter, _changing(converter))
    return _t2s


def _changing(converter) -> frozenset[str] | None:
    try:
        entries = [key for group in converter._dict_chain_data for _, _, table in group for key in table]
    except (AttributeError, TypeError, ValueError):
        return None
    single = {key for key in entries if len(key) == 1}
    longer = {ch for key in entries if len(key) > 1 and single.isdisjoint(key) for ch in key}
    return frozenset(single | longer)
