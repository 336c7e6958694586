"""Reading a yes-or-no answer typed at a prompt, in any of kacli's languages.

A salesperson answers 是, 是的, 对, 好, y or yes whatever language the prompt was in; full-width
letters (ｙｅｓ) and a trailing 。 or ! count the same. Anything else is no answer at all, so the
prompt can ask again rather than guess.
"""

from __future__ import annotations

import unicodedata

_YES = {"y", "yes", "ok", "是", "是的", "对", "對", "对的", "對的", "好", "好的", "确定", "確定",
        "可以", "行", "要", "嗯"}
_NO = {"n", "no", "否", "不", "不是", "不对", "不對", "不要", "不用", "取消", "算了", "别", "別"}


def parse_answer(text: str) -> bool | None:
    """True for a yes, False for a no, None when ``text`` is neither."""
    word = unicodedata.normalize("NFKC", text).strip().rstrip("。.!！").strip().lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    return None
