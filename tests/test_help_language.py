"""A salesperson working in Chinese reads every --help page in Chinese, Click's words included.

Help texts are built when the command modules load, so each language is read in a fresh process.
The walk starts from the root group and NOUNS, so a command added later is checked as well.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from kacli.domain import relationship, vocab
from kacli.errors import ExitCode

_WALK = r"""
import json, sys
import typer
from typer.testing import CliRunner
from kacli.app import app

root = typer.main.get_command(app)
paths = []

def walk(command, path):
    paths.append(path)
    if getattr(command, "commands", None) is not None and hasattr(command, "list_commands"):
        for name in command.list_commands(None):
            walk(command.get_command(None, name), [*path, name])

walk(root, [])
runner = CliRunner()
pages = {}
for path in paths:
    result = runner.invoke(app, [*path, "--help"], terminal_width=1000, max_content_width=1000)
    pages[" ".join(path) or "kacli"] = [result.exit_code, result.stdout]
json.dump(pages, sys.stdout, ensure_ascii=False)
"""

# Words that are codes, not English: file formats and tools a user types as they are, and the
# pinyin initials the references accept (hxdc finds 华信地产).
_CODES = {"kacli", "en", "zh-Hans", "zh-Hant", "SQLite", "sqlite", "JSON", "json", "cron", "toml",
          "auto", "hxdc", "wangzong", "Excel", "iCalendar", "vCard", "csv", "xlsx", "ics", "vcf", "svg",
          "utf-8", "gb18030", "skip", "update", "PostgreSQL", "postgresql"}


def _vocabulary_codes() -> set[str]:
    found = set()
    for module in (vocab, relationship):
        for value in vars(module).values():
            if isinstance(value, vocab.Vocabulary):
                found.update(value.codes)
    return found


def help_pages(lang: str) -> dict[str, tuple[int, str]]:
    env = {**os.environ, "KACLI_LANG": lang, "COLUMNS": "1000"}
    done = subprocess.run([sys.executable, "-c", _WALK], capture_output=True, text=True,
                          env=env, timeout=120, check=True)
    return json.loads(done.stdout)


def english_words(page: str, codes: set[str]) -> list[str]:
    """Words of English left on ``page`` once examples, option names, placeholders and codes go."""
    left = []
    for line in page.splitlines():
        line = re.split(r"例如[：:]", line)[0]  # an example is a command line, said as typed
        line = re.sub(r"[\w~/.-]+\.(?:toml|db|csv|xlsx|vcf|ics|svg|json)\b", " ", line)  # file names
        line = re.sub(r"\b(?:utf-8|gb18030)\b", " ", line, flags=re.I)  # encodings, typed as they are
        line = re.sub(r"(?<![\w-])--?[A-Za-z][\w-]*", " ", line)  # option names
        line = re.sub(r"\b[A-Z][A-Z0-9_]*(?:[-=.][A-Z0-9_]+)*\b", " ", line)  # NAME, KEY=VALUE
        line = re.sub(r"[\w-]+(?:\|[\w-]+)+", " ", line)  # choices: org|person
        for word in re.findall(r"[A-Za-z][A-Za-z_.'-]*[A-Za-z]", line):
            if word not in codes and word.lower() not in codes:
                left.append(word)
    return left


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant"])
def test_every_help_page_is_chinese_throughout(lang):
    codes = _CODES | _vocabulary_codes()
    pages = help_pages(lang)
    assert len(pages) > 40  # the whole tree was walked
    codes |= {name for path in pages for name in path.split()}  # command names are typed as is
    untranslated = {}
    for path, (code, page) in pages.items():
        assert code == 0, (path, page)
        assert "用法：" in page, path
        words = english_words(page, codes)
        if words:
            untranslated[path] = sorted(set(words))
    assert not untranslated, "\n".join(f"{p}: {w}" for p, w in untranslated.items())


def test_the_word_check_finds_english():
    codes = _CODES | _vocabulary_codes()
    page = "用法：kacli x [选项]\n\nOptions:\n  --days N  Show this message and exit.  [required]"
    assert english_words(page, codes) == ["Options", "Show", "this", "message", "and", "exit",
                                          "required"]
    assert english_words("  --stage STAGE  阶段：discover 发现。例如：kacli deal add Acme", codes) == []


def test_english_help_keeps_click_words_and_house_placeholders():
    pages = help_pages("en")
    page = pages["customer add"][1]
    assert page.startswith("Usage: kacli customer add [OPTIONS] NAME")
    assert "Options:" in page and "Show this message and exit." in page and "[required]" in page
    assert "--industry TEXT" in page and "--employees N" in page
    for path, (_code, page) in pages.items():
        assert "<str>" not in page and "<int>" not in page, path
        assert not re.search(r"\d{10,}", page), path  # no 19-digit range
        assert "{" not in page.split("\n")[0], path
    assert "[at least 1]" in pages["visit log"][1]
    assert "default org" not in pages["customer update"][1]  # an update changes nothing unasked
    assert "default acquainted" not in pages["contact update"][1]


@pytest.mark.parametrize("args", [
    ["customer", "add"],
    ["week", "--days", "0"],
    ["week", "--days", "x"],
    ["week", "surplus"],
    ["week", "--bogus"],
    ["week", "--json=yes"],
    ["visit", "show", "0"],
    ["visit", "show", "abc"],
    ["week", "--days"],
])
@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant"])
def test_usage_errors_are_chinese_throughout(kacli, lang, args):
    from kacli import i18n

    i18n.set_lang(lang)
    result = kacli("--lang", lang, *args)
    assert result.exit_code == ExitCode.BAD_INPUT
    words = english_words(result.stderr, _CODES | set(args) | {"ID"})
    assert words == [], result.stderr


def test_usage_errors_in_english_stay_english(kacli):
    result = kacli("week", "surplus")
    assert "Unexpected extra arguments (surplus)" in result.stderr
    assert "is not between 1 and 3660" in kacli("week", "--days", "0").stderr
    assert "is less than 1" in kacli("visit", "show", "0").stderr
