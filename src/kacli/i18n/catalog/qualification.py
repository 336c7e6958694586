"""Messages saying why a customer is (not yet) a qualified prospect, from what the dossier knows."""

MESSAGES = {
    "list.separator": (", ", "、", "、"),
    "qualify.won_deals": ("qualified: has bought (won deals: {n})", "合格：已有成交（赢单 {n} 笔）",
                          "合格：已有成交（贏單 {n} 筆）"),
    "qualify.by_rating": ("good credit from the rating {rating}", "信用评级 {rating}，视为信用良好",
                          "信用評級 {rating}，視為信用良好"),
    "qualify.by_visit": ("reached the decision maker: met {contact} on {date}", "已接触决策人：{date} 拜访了{contact}",
                         "已接觸決策人：{date} 拜訪了{contact}"),
    "qualify.said_no": ("said no: {facts}", "已确认不满足：{facts}", "已確認不滿足：{facts}"),
    "qualify.unknown": ("not known yet: {facts}", "尚不清楚：{facts}", "尚不清楚：{facts}"),
}
