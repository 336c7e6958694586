"""Usage errors from the command-line parser, said again in the user's language."""

MESSAGES = {
    "usage.usage": ("Usage: ", "用法：", "用法："),
    "usage.hint": ("Try '{command}' for help.", "运行“{command}”查看帮助。", "執行「{command}」檢視說明。"),
    "usage.missing_argument": ("Missing argument '{name}'.", "缺少参数“{name}”。", "缺少參數「{name}」。"),
    "usage.missing_option": ("Missing option '{name}'.", "缺少选项“{name}”。", "缺少選項「{name}」。"),
    "usage.no_such_option": ("No such option: {name}.", "没有这个选项：{name}。", "沒有這個選項：{name}。"),
    "usage.no_such_command": ("No such command '{name}'.", "没有这个命令：“{name}”。", "沒有這個指令：「{name}」。"),
    "usage.did_you_mean": (" Did you mean {hint}?", "您是想输入 {hint} 吗？", "您是想輸入 {hint} 嗎？"),
    "usage.requires_value": ("Option '{name}' needs a value.", "选项“{name}”需要一个值。", "選項「{name}」需要一個值。"),
    "usage.extra_args": ("Unexpected extra arguments ({name}); quote text that has spaces.",
                         "多余的参数（{name}）；含空格的文字请加引号。", "多餘的參數（{name}）；含空格的文字請加引號。"),
    "usage.missing_command": ("Missing command.", "缺少命令。", "缺少指令。"),
    "usage.invalid_value": ("Invalid value for {name}: {detail}", "{name} 的值无效：{detail}",
                            "{name} 的值無效：{detail}"),
    "usage.not_in_range": ("{value} is not in the range {range}.", "{value} 不在 {range} 范围内。",
                           "{value} 不在 {range} 範圍內。"),
    "usage.not_an_integer": ("{value} is not a whole number.", "{value} 不是整数。", "{value} 不是整數。"),
}
