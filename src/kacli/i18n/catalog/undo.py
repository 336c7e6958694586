"""Messages for ``kacli undo``: help, what it undoes, why it stops, and the tables by name."""

MESSAGES = {
    "help.undo": ("Undo the last command that changed the dossier, as one unit; --list shows what can be undone.",
                  "撤销最近一条修改档案的命令（整条撤销）；--list 列出可撤销的命令。",
                  "復原最近一條修改檔案的命令（整條復原）；--list 列出可復原的命令。"),
    "help.cmd.undo": (
        "Undo the last command that changed the dossier — all of it, as one unit — and say what it "
        "undid; run again to undo the one before. Asks first unless --yes. Stops at a `contact forget` "
        "(forgotten data must stay forgotten) and at an upgrade of the dossier. The last 100 commands "
        "are kept.\n\nExample: kacli undo --list; kacli undo --yes",
        "撤销最近一条修改档案的命令（整条命令一起撤销），并说明撤销了什么；再运行一次撤销再前一条。"
        "除非加 --yes，否则先询问。遇到 `contact forget`（已遗忘的资料必须保持遗忘）或档案升级即停止。"
        "保留最近 100 条命令。\n\n示例：kacli undo --list；kacli undo --yes",
        "復原最近一條修改檔案的命令（整條命令一起復原），並說明復原了什麼；再執行一次復原再前一條。"
        "除非加 --yes，否則先詢問。遇到 `contact forget`（已遺忘的資料必須保持遺忘）或檔案升級即停止。"
        "保留最近 100 條命令。\n\n範例：kacli undo --list；kacli undo --yes"),
    "help.undo.list": ("List the commands undo can take back, newest first.", "列出可撤销的命令，最新的在前。",
                       "列出可復原的命令，最新的在前。"),
    "undo.what": ("Last change: {command} ({at}) — {summary}.", "最近的修改：{command}（{at}）——{summary}。",
                  "最近的修改：{command}（{at}）——{summary}。"),
    "undo.confirm": ("Undo it?", "撤销这条命令？", "復原這條命令？"),
    "undo.done": ("Undone: {command}", "已撤销：{command}", "已復原：{command}"),
    "undo.next": ("Run kacli undo again to undo: {command}", "再运行 kacli undo 将撤销：{command}",
                  "再執行 kacli undo 將復原：{command}"),
    "undo.nothing": ("Nothing to undo.", "没有可撤销的命令。", "沒有可復原的命令。"),
    "undo.stops_at_forget": (
        "Undo stops at {command} ({at}): forgotten data must stay forgotten, so nothing before it can be undone.",
        "撤销到 {command}（{at}）为止：已遗忘的资料必须保持遗忘，之前的命令不能撤销。",
        "復原到 {command}（{at}）為止：已遺忘的資料必須保持遺忘，之前的命令不能復原。"),
    "undo.stops_at_upgrade": (
        "Undo stops at the upgrade of the dossier ({at}): older changes were recorded for the older schema.",
        "撤销到档案升级（{at}）为止：更早的修改是按旧结构记录的。",
        "復原到檔案升級（{at}）為止：更早的修改是按舊結構紀錄的。"),
    "error.undo_nothing": ("Nothing to undo.", "没有可撤销的命令。", "沒有可復原的命令。"),
    "error.undo_stopped": ("Nothing more to undo. {reason}", "没有更多可撤销的命令。{reason}",
                           "沒有更多可復原的命令。{reason}"),
    "error.undo_moved": ("Another command changed the dossier meanwhile; run kacli undo again to see what it would undo.",
                         "其间另一条命令修改了档案；请重新运行 kacli undo 查看将撤销什么。",
                         "其間另一條命令修改了檔案；請重新執行 kacli undo 查看將復原什麼。"),
    "error.undo_conflict": (
        "Cannot undo: the dossier no longer holds what that command left ({table}), "
        "so it was changed outside kacli. Nothing was changed.",
        "无法撤销：档案已不是那条命令留下的样子（{table}），曾在 kacli 之外被修改。未做任何更改。",
        "無法復原：檔案已不是那條命令留下的樣子（{table}），曾在 kacli 之外被修改。未做任何變更。"),
    "error.undo_changed_since": (
        "Cannot undo: {login} has since changed the same {table} ({command}); undoing would take back "
        "their change too. Nothing was changed.",
        "无法撤销：{login} 之后修改了同一{table}（{command}），撤销会连同对方的修改一起撤回。未做任何更改。",
        "無法復原：{login} 之後修改了同一{table}（{command}），復原會連同對方的修改一起撤回。未做任何變更。"),
    "error.undo_json_needs_list": ("--json goes with --list.", "--json 需与 --list 一起使用。",
                                   "--json 需與 --list 一起使用。"),
    "undo.added": ("{n} added", "新增 {n} 条", "新增 {n} 筆"),
    "undo.changed": ("{n} changed", "修改 {n} 条", "修改 {n} 筆"),
    "undo.removed": ("{n} removed", "删除 {n} 条", "刪除 {n} 筆"),
    "undo.and": (", ", "，", "，"),
    "undo.sep": ("; ", "；", "；"),
    "undo.in_table": ("{table}: {counts}", "{table}：{counts}", "{table}：{counts}"),
    "undo.no_net_change": ("no lasting change", "没有留下改动", "沒有留下變動"),
    "undo.col.id": ("#", "#", "#"),
    "undo.col.at": ("When", "时间", "時間"),
    "undo.col.command": ("Command", "命令", "命令"),
    "undo.col.changes": ("Changes", "改动", "變動"),
    "undo.table.customer": ("customers", "客户", "客戶"),
    "undo.table.contact": ("contacts", "联系人", "聯絡人"),
    "undo.table.competitor": ("competitors", "竞争对手", "競爭對手"),
    "undo.table.customer_fact": ("customer facts", "客户资料", "客戶資料"),
    "undo.table.contact_fact": ("contact facts", "联系人资料", "聯絡人資料"),
    "undo.table.change": ("history", "历史记录", "歷史紀錄"),
    "undo.table.visit": ("visits", "拜访", "拜訪"),
    "undo.table.visit_contact": ("people at visits", "拜访参与人", "拜訪參與人"),
    "undo.table.next_action": ("next actions", "下一步", "下一步"),
    "undo.table.deal": ("deals", "项目", "專案"),
    "undo.table.deal_event": ("deal stage moves", "项目阶段记录", "專案階段紀錄"),
    "undo.table.deal_competitor": ("deal competitors", "项目竞争对手", "專案競爭對手"),
    "undo.table.deal_role": ("buying roles", "采购角色", "採購角色"),
    "undo.table.instalment": ("instalments", "分期", "分期"),
    "undo.table.payment": ("payments received", "收款", "收款"),
}
