"""Messages for names and duplicates: name rules, suggestions, dupes, merge."""

MESSAGES = {
    "error.invisible_chars": (
        "The {field} contains {code}, a character that splits or reverses the text; please type it without.",
        "{field}含有 {code}，这个字符会让文字换行或倒序显示，请去掉后重新输入。",
        "{field}含有 {code}，這個字元會讓文字換行或倒序顯示，請去掉後重新輸入。",
    ),
    "error.unknown_ref_suggest": (
        "No {what} matches '{ref}'; did you mean {names}?",
        "没有与“{ref}”匹配的{what}；您是不是要找 {names}？",
        "沒有與「{ref}」相符的{what}；您是不是要找 {names}？",
    ),
    "what.ref": ("record", "记录", "記錄"),
}
