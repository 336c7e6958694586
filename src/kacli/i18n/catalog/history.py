"""The change history's words: subjects of a change, events with no field of their own, notes."""

MESSAGES = {
    "history.subject.deal": ("deal {title}: {field}", "项目「{title}」：{field}", "專案「{title}」：{field}"),
    "history.subject.competitor": ("competitor {name}: {field}", "竞争对手「{name}」：{field}",
                                   "競爭對手「{name}」：{field}"),
    "history.field.created": ("Added", "新建", "新建"),
    "history.field.deal": ("New deal", "新项目", "新專案"),
    "history.deal.closed_on": ("Closed on", "结束日期", "結束日期"),
    "history.deal.hold_until": ("On hold until", "暂缓至", "暫緩至"),
    "history.key_tier.joined": ("Joined the key tier (80/20)", "进入大客户层（80/20）", "進入大客戶層（80/20）"),
    "history.key_tier.left": ("Left the key tier (80/20)", "退出大客户层（80/20）", "退出大客戶層（80/20）"),
    "history.linked": ("linked", "已关联", "已關聯"),
    "note.stage_by_visit": ("visit #{visit}", "拜访 #{visit}", "拜訪 #{visit}"),
}
