"""Messages every command shares: global options, errors, common labels."""

MESSAGES = {
    "help.app": (
        "kacli — key-account management for one salesperson: customers, contacts, visits, deals, and whom to call this week.",
        "kacli — 大客户管理：客户档案、联系人、拜访、项目，以及本周该联系谁。",
        "kacli — 大客戶管理：客戶檔案、聯絡人、拜訪、專案，以及本週該聯繫誰。",
    ),
    "help.opt.db": (
        "The dossier file (a path or sqlite:///PATH). Default: the user data folder. Also KACLI_DB.",
        "客户档案文件（路径或 sqlite:///路径）。默认在用户数据目录。也可用 KACLI_DB。",
        "客戶檔案檔案（路徑或 sqlite:///路徑）。預設在使用者資料目錄。也可用 KACLI_DB。",
    ),
    "help.opt.today": (
        "Pretend today is DATE (for scripts and tests). Also KACLI_TODAY.",
        "把“今天”固定为 DATE（供脚本和测试使用）。也可用 KACLI_TODAY。",
        "把「今天」固定為 DATE（供腳本和測試使用）。也可用 KACLI_TODAY。",
    ),
    "help.opt.lang": (
        "Language: en, zh-Hans (简体) or zh-Hant (繁體). Also KACLI_LANG; default from the locale.",
        "语言：en、zh-Hans（简体）或 zh-Hant（繁體）。也可用 KACLI_LANG；默认跟随系统区域设置。",
        "語言：en、zh-Hans（简体）或 zh-Hant（繁體）。也可用 KACLI_LANG；預設跟隨系統地區設定。",
    ),
    "help.opt.debug": (
        "Show the full traceback when something fails unexpectedly.",
        "意外出错时显示完整的错误追踪。",
        "意外出錯時顯示完整的錯誤追蹤。",
    ),
    "help.opt.version": ("Show the version and exit.", "显示版本号并退出。", "顯示版本號並退出。"),
    "help.opt.json": (
        "Print JSON for scripts instead of a table.",
        "输出 JSON（供脚本使用），而不是表格。",
        "輸出 JSON（供腳本使用），而不是表格。",
    ),
    "help.opt.yes": (
        "Do not ask for confirmation.",
        "不再询问确认。",
        "不再詢問確認。",
    ),
    "help.opt.set": (
        "Record a named fact not modelled elsewhere (repeatable), e.g. --set 年会=12月.",
        "记录一条其他字段没有的自定义信息（可重复），例如 --set 年会=12月。",
        "記錄一條其他欄位沒有的自訂資訊（可重複），例如 --set 年會=12月。",
    ),
    "help.opt.unset": (
        "Remove a named fact (repeatable).",
        "删除一条自定义信息（可重复）。",
        "刪除一條自訂資訊（可重複）。",
    ),
    "label.error": ("Error: ", "错误：", "錯誤："),
    "label.warning": ("Warning: ", "注意：", "注意："),
    "label.commands": ("Commands", "命令", "指令"),
    "label.aborted": ("Aborted.", "已取消。", "已取消。"),
    "label.yes": ("yes", "是", "是"),
    "label.no": ("no", "否", "否"),
    "label.unknown": ("unknown", "未知", "未知"),
    "label.none": ("none", "无", "無"),
    "col.id": ("#", "编号", "編號"),
    "col.name": ("Name", "名称", "名稱"),
    "col.customer": ("Customer", "客户", "客戶"),
    "col.contacts": ("Contacts", "联系人", "聯絡人"),
    "col.date": ("Date", "日期", "日期"),
    "col.count": ("Count", "数量", "數量"),
    "what.customer": ("customer", "客户", "客戶"),
    "what.contact": ("contact", "联系人", "聯絡人"),
    "what.deal": ("deal", "项目", "專案"),
    "error.unexpected": (
        "Something went wrong: {detail}. Run the same command with --debug to see the details.",
        "出现意外错误：{detail}。加上 --debug 再运行一次可以看到详细信息。",
        "出現意外錯誤：{detail}。加上 --debug 再執行一次可以看到詳細資訊。",
    ),
    "error.invalid_choice": (
        "'{value}' is not a valid {field}. Choose one of: {choices}.",
        "“{value}”不是有效的{field}。可选：{choices}。",
        "「{value}」不是有效的{field}。可選：{choices}。",
    ),
    "error.invalid_date": (
        "'{value}' is not a date kacli understands. Try 2026-11-20, today, tomorrow, friday, +3d, -2w, 下周三 or 3天后.",
        "无法识别日期“{value}”。可以写 2026-11-20、今天、明天、周五、+3d、-2w、下周三或 3天后。",
        "無法識別日期「{value}」。可以寫 2026-11-20、今天、明天、週五、+3d、-2w、下週三或 3天後。",
    ),
    "error.invalid_amount": (
        "'{value}' is not an amount of money. Try 3000000, 3,000,000, 300万 or 1.2亿.",
        "“{value}”不是有效金额。可以写 3000000、3,000,000、300万或 1.2亿。",
        "「{value}」不是有效金額。可以寫 3000000、3,000,000、300萬或 1.2億。",
    ),
    "error.amount_too_large": (
        "'{value}' is too large an amount (the limit is a trillion yuan).",
        "金额“{value}”过大（上限为一万亿元）。",
        "金額「{value}」過大（上限為一兆元）。",
    ),
    "error.empty": (
        "The {field} cannot be empty.",
        "{field}不能为空。",
        "{field}不能為空。",
    ),
    "error.too_long": (
        "The {field} is too long (at most {limit} characters).",
        "{field}太长（最多 {limit} 个字符）。",
        "{field}太長（最多 {limit} 個字元）。",
    ),
    "error.control_chars": (
        "The {field} contains control characters; please type plain text.",
        "{field}含有控制字符，请输入普通文本。",
        "{field}含有控制字元，請輸入一般文字。",
    ),
    "error.fact_syntax": (
        "'{value}' is not KEY=VALUE.",
        "“{value}”不是“键=值”的格式。",
        "「{value}」不是「鍵=值」的格式。",
    ),
    "error.unknown_fact": (
        "There is no fact named '{name}' to remove.",
        "没有名为“{name}”的自定义信息可删除。",
        "沒有名為「{name}」的自訂資訊可刪除。",
    ),
    "error.not_a_number": (
        "The {field} must be a whole number, not '{value}'.",
        "{field}必须是整数，而不是“{value}”。",
        "{field}必須是整數，而不是「{value}」。",
    ),
    "error.out_of_range": (
        "The {field} must be between {low} and {high}, not '{value}'.",
        "{field}必须在 {low} 到 {high} 之间，而不是“{value}”。",
        "{field}必須在 {low} 到 {high} 之間，而不是「{value}」。",
    ),
    "error.empty_ref": (
        "Say which {what}: an id, a name, or its pinyin.",
        "请指明是哪个{what}：编号、名称或拼音。",
        "請指明是哪個{what}：編號、名稱或拼音。",
    ),
    "error.unknown_ref": (
        "No {what} matches '{ref}'.",
        "没有与“{ref}”匹配的{what}。",
        "沒有與「{ref}」相符的{what}。",
    ),
    "error.ambiguous_ref": (
        "'{ref}' matches {count} records ({what}); be more specific or use the id:",
        "“{ref}”匹配到 {count} 条记录（{what}），请写得更具体或使用编号：",
        "「{ref}」符合 {count} 筆記錄（{what}），請寫得更具體或使用編號：",
    ),
    "error.needs_yes": (
        "This removes data and there is no terminal to ask on. Add --yes to confirm.",
        "此操作会删除数据，而当前没有终端可以询问确认。请加上 --yes 确认。",
        "此操作會刪除資料，而目前沒有終端機可以詢問確認。請加上 --yes 確認。",
    ),
    "error.not_utf8": (
        "An argument is not valid UTF-8 text ({value}); check the terminal's encoding.",
        "有参数不是有效的 UTF-8 文本（{value}），请检查终端的编码设置。",
        "有參數不是有效的 UTF-8 文字（{value}），請檢查終端機的編碼設定。",
    ),
    "error.conflict": (
        "That would conflict with what the dossier already holds ({detail}). Nothing was changed.",
        "这与档案中已有的数据冲突（{detail}），未做任何修改。",
        "這與檔案中已有的資料衝突（{detail}），未做任何修改。",
    ),
    "error.global_needs_value": (
        "{option} needs a value; the next word starts with -- and is taken for another option. For a value that really starts with --, write {option}=VALUE (a file: {option} ./--name).",
        "{option} 需要一个值；后面的词以 -- 开头，会被当作另一个选项。如果值确实以 -- 开头，请写成 {option}=值（文件可写 {option} ./--名称）。",
        "{option} 需要一個值；後面的詞以 -- 開頭，會被當作另一個選項。如果值確實以 -- 開頭，請寫成 {option}=值（檔案可寫 {option} ./--名稱）。",
    ),
    "error.today_out_of_range": (
        "'{value}' is outside the days kacli can take as today ({first} to {last}).",
        "“{value}”超出了 kacli 可用作今天的日期范围（{first} 至 {last}）。",
        "「{value}」超出了 kacli 可用作今天的日期範圍（{first} 至 {last}）。",
    ),
    "error.date_overflow": (
        "A date or number given is too far out of range to work with (dates: years 1 to 9999). Nothing was changed.",
        "给出的日期或数字超出了可计算的范围（日期：1 到 9999 年）。未做任何修改。",
        "給出的日期或數字超出了可計算的範圍（日期：1 到 9999 年）。未做任何修改。",
    ),
}
