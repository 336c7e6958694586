"""Every message a user reads, in English, 简体中文 and 繁體中文.

Messages live in ``kacli.i18n.catalog``: one module per area, each a dict of
``key -> (English, 简体, 繁體)``. ``t(key, **params)`` formats the current language's text.
The language comes from ``--lang``, else ``KACLI_LANG``, else the locale (LC_ALL, LC_MESSAGES, LANG).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

LANGS = ("en", "zh-Hans", "zh-Hant")

_ALIASES = {
    "en": "en", "english": "en", "c": "en", "posix": "en", "英文": "en", "英語": "en", "英语": "en",
    "zh": "zh-Hans", "zh-hans": "zh-Hans", "zh-cn": "zh-Hans", "zh-sg": "zh-Hans",
    "zh-hans-cn": "zh-Hans", "cn": "zh-Hans", "chinese": "zh-Hans", "中文": "zh-Hans",
    "简体": "zh-Hans", "简体中文": "zh-Hans", "簡體": "zh-Hans", "簡體中文": "zh-Hans",
    "zh-hant": "zh-Hant", "zh-tw": "zh-Hant", "zh-hk": "zh-Hant", "zh-mo": "zh-Hant",
    "zh-hant-tw": "zh-Hant", "tw": "zh-Hant", "繁體": "zh-Hant", "繁體中文": "zh-Hant",
    "繁体": "zh-Hant", "繁体中文": "zh-Hant",
}


class UnknownLanguage(ValueError):
    """A language asked for by name (--lang, KACLI_LANG) that kacli does not speak."""

    def __init__(self, value: str) -> None:
        super().__init__(value)
        self.value = value

_current: str | None = None
_messages: dict[str, tuple[str, str, str]] | None = None


def normalise(text: str | None) -> str | None:
    """The language code for ``text`` (``zh_CN.UTF-8`` -> ``zh-Hans``), or None if unknown."""
    if not text:
        return None
    key = text.split(".")[0].split("@")[0].replace("_", "-").strip().lower()
    if key in _ALIASES:
        return _ALIASES[key]
    if key == "zh" or key.startswith("zh-"):
        return "zh-Hant" if any(p in key for p in ("hant", "tw", "hk", "mo")) else "zh-Hans"
    if key.startswith("en-"):
        return "en"
    return None


def resolve(explicit: str | None = None, env: Mapping[str, str] | None = None) -> str:
    """Pick the language: an explicit choice, then KACLI_LANG, then the locale, then English.

    A language asked for by name that kacli does not know raises UnknownLanguage; a locale it
    does not know (LANG=fr_FR.UTF-8) is not a request to kacli, so it falls back to English.
    """
    env = os.environ if env is None else env
    for candidate in (explicit, env.get("KACLI_LANG")):
        if candidate is None or not candidate.strip():
            continue
        lang = normalise(candidate)
        if lang is None:
            raise UnknownLanguage(candidate)
        return lang
    return from_locale(env)


def from_locale(env: Mapping[str, str] | None = None) -> str:
    """The language of the locale, or English."""
    env = os.environ if env is None else env
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return normalise(value) or "en"
    return "en"


def set_lang(lang: str) -> None:
    global _current
    _current = lang


def current() -> str:
    global _current
    if _current is None:
        try:
            _current = resolve()
        except UnknownLanguage:  # refused by the entry point; here, speak the locale's
            _current = from_locale()
    return _current


def messages() -> dict[str, tuple[str, str, str]]:
    global _messages
    if _messages is None:
        from kacli.i18n.catalog import load

        _messages = load()
    return _messages


def t(key: str, **params: object) -> str:
    """The message ``key`` in the current language, formatted with ``params``."""
    entry = messages().get(key)
    if entry is None:
        # A missing key is a bug; show the key rather than crash in front of the user.
        return key if not params else f"{key} {params}"
    text = entry[LANGS.index(current())] or entry[0]
    return text.format(**params) if params else text


def plural_key(key: str, n: int, known: Mapping[str, object]) -> str:
    """``key.zero`` for 0 and ``key.one`` for 1 when the catalogue has them, else ``key``.

    English says "1 day", not "1 days"; no language says "0 days in stage" when the deal moved
    today. Chinese has no plural, so its ``.one`` text is usually the plain one."""
    for exact, suffix in ((0, ".zero"), (1, ".one")):
        if n == exact and key + suffix in known:
            return key + suffix
    return key


def tn(key: str, n: int, **params: object) -> str:
    """``t(key)`` for a count ``n`` (passed to the text as ``n``): see ``plural_key``."""
    return t(plural_key(key, n, messages()), n=n, **params)


def label_or_code(key: str, code: object) -> str:
    """The translated label ``key`` if the catalogue has it, else ``code`` as it is."""
    return t(key) if key in messages() else str(code)


def pick(en: str, hans: str, hant: str) -> str:
    """Choose among three spellings of one label by the current language."""
    return (en, hans, hant)[LANGS.index(current())]


def join_words(words) -> str:
    """Words listed inside a sentence: "a, b" in English, "甲、乙" in Chinese (never an ASCII comma
    in a Chinese sentence)."""
    return t("list.separator").join(words)
