"""Messages about moving contacts up the relationship ladder: one stage per visit, introductions."""

MESSAGES = {
    "help.visit.introduced_by": (
        "The contact who made this introduction (穿针引线): the introduction marks their stage; the "
        "people introduced (--contact) are met, not advanced. Implies --kind introduction.",
        "做这次引荐（穿针引线）的联系人：引荐是此人的阶段标志；被引荐的人（--contact）只算认识，不提升阶段。"
        "默认 --kind 为穿针引线。",
        "做這次引薦（穿針引線）的聯絡人：引薦是此人的階段標誌；被引薦的人（--contact）只算認識，不提升階段。"
        "預設 --kind 為穿針引線。"),
    "visit.col.introduced_by": ("Introduced by", "引荐人", "引薦人"),
    "visit.col.deal": ("About deal", "相关项目", "相關專案"),
    "help.visit.deal": (
        "The customer's deal this visit or call was about: it settles the deal's stalled reminder "
        "until the stage's days have passed again.",
        "这次拜访或电话所谈的该客户项目：项目的停滞提醒就此解除，直到该阶段的天数再次用完。",
        "這次拜訪或電話所談的該客戶專案：專案的停滯提醒就此解除，直到該階段的天數再次用完。"),
    "error.visit_deal_customer": ("The deal {title} is not {customer}'s.", "项目 {title} 不属于 {customer}。",
                                  "專案 {title} 不屬於 {customer}。"),
    "visit.introduced": ("{contact} introduced {names}: met, not advanced.",
                         "{contact} 引荐了{names}：只算认识，不提升阶段。",
                         "{contact} 引薦了{names}：只算認識，不提升階段。"),
    "visit.stage_already": (
        "Visit #{id} already moved {contact} one stage ({current} → {suggested}); one visit moves a contact "
        "at most one stage, so the stage stays.",
        "拜访 #{id} 已经把 {contact} 提升了一个阶段（{current} → {suggested}）；一次拜访最多提升一个阶段，阶段不再改变。",
        "拜訪 #{id} 已經把 {contact} 提升了一個階段（{current} → {suggested}）；一次拜訪最多提升一個階段，階段不再改變。"),
    "error.visit_introduced_by_kind": (
        "--introduced-by is for an introduction (穿针引线); leave out --kind or use --kind introduction.",
        "--introduced-by 只用于穿针引线；请省略 --kind 或使用 --kind 穿针引线。",
        "--introduced-by 只用於穿針引線；請省略 --kind 或使用 --kind 穿針引線。"),
    "error.visit_introduced_nobody": (
        "Whom did {contact} introduce? Name them with --contact.",
        "{contact} 引荐了谁？请用 --contact 指出。", "{contact} 引薦了誰？請用 --contact 指出。"),
}
