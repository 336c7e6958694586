"""The comments of the rules file ``kacli rules init`` writes (the keys stay TOML codes)."""

MESSAGES = {
    "rules.file.head": (
        "kacli grading rules. Delete a line to get its default back; unknown keys are errors.\n"
        "\"Due\" and \"overdue\" are by date: overdue once the day has passed (red), due on the day (yellow).",
        "kacli 评级规则。删掉一行即恢复它的默认值；不认识的键会报错。\n"
        "“到期”和“逾期”按日期算：过了那一天即逾期（红色），当天到期（黄色）。",
        "kacli 評級規則。刪掉一行即恢復它的預設值；不認識的鍵會報錯。\n"
        "「到期」和「逾期」按日期算：過了那一天即逾期（紅色），當天到期（黃色）。"),
    "rules.file.person_buy": (
        "Individuals are graded by purchase intention: buys within this many days -> grade.",
        "个人客户按购买意向评级：多少天内购买 -> 等级。",
        "個人客戶按購買意向評級：多少天內購買 -> 等級。"),
    "rules.file.person_visit": (
        "Revisit every this many days: O twice a week, A weekly, B twice a month, C every two months.",
        "每隔多少天回访：O 每周两次，A 每周，B 每月两次，C 每两个月。",
        "每隔多少天回訪：O 每週兩次，A 每週，B 每月兩次，C 每兩個月。"),
    "rules.file.org_cycle": (
        "At most this many days between orders (median), and since the last order, is a short purchase\n"
        "cycle (longer is long).",
        "两次下单间隔（中位数）以及距上次下单都不超过这么多天，即为采购周期短（更长即为周期长）。",
        "兩次下單間隔（中位數）以及距上次下單都不超過這麼多天，即為採購週期短（更長即為週期長）。"),
    "rules.file.org_batch": (
        "An average order of at least this much (yuan; \"{wan}万\" works too) is a large batch.",
        "平均每单至少这么多（元；也可写“{wan}万”）即为批量大。",
        "平均每單至少這麼多（元；也可寫「{wan}万」）即為批量大。"),
    "rules.file.org_visit": (
        "Revisit every this many days: A short+large, B short+small, C long+large, D long+small.",
        "每隔多少天回访：A 周期短+批量大，B 周期短+批量小，C 周期长+批量大，D 周期长+批量小。",
        "每隔多少天回訪：A 週期短+批量大，B 週期短+批量小，C 週期長+批量大，D 週期長+批量小。"),
    "rules.file.ungraded": ("customers without a grade are revisited this often",
                            "没有等级的客户每隔这么多天回访", "沒有等級的客戶每隔這麼多天回訪"),
    "rules.file.key_share": ("the key tier is the top customers making up this share of revenue",
                             "大客户层：按营业额排在前面、合计占这一比例的客户",
                             "大客戶層：按營業額排在前面、合計佔這一比例的客戶"),
    "rules.file.key_months": ("sales counted over this many months (won deals, on the day won)",
                              "销售额按最近这么多个月计算（赢单，按赢单当天计）",
                              "銷售額按最近這麼多個月計算（贏單，按贏單當天計）"),
    "rules.file.key_revisit": ("key accounts are visited at least this often, whatever their grade",
                               "大客户无论等级，至少每隔这么多天拜访一次",
                               "大客戶無論等級，至少每隔這麼多天拜訪一次"),
    "rules.file.key_min": (
        "80/20 needs a book to rank: with fewer customers with sales than this, nobody is a key account.",
        "二八法则要有足够的客户才能排名：有销售额的客户少于这个数时，没有大客户。",
        "二八法則要有足夠的客戶才能排名：有銷售額的客戶少於這個數時，沒有大客戶。"),
    "rules.file.weekend": (
        "Calls and visits kacli dates itself (revisits, first calls, after-sale calls) that fall on a\n"
        "Saturday or Sunday are due the Friday before; festivals and birthdays keep their day.",
        "kacli 自己算出的电话和拜访日期（回访、首次联系、售后回访）落在周六或周日时，提前到前一个周五；\n"
        "节日和生日不变。",
        "kacli 自己算出的電話和拜訪日期（回訪、首次聯絡、售後回訪）落在週六或週日時，提前到前一個週五；\n"
        "節日和生日不變。"),
    "rules.file.after_purchase": (
        "After a purchase (a won deal since the intention was stated) O/A/B/C no longer apply: revisit\n"
        "every this many days until a new intention is stated.",
        "购买之后（表明购买意向后有赢单），不再按 O/A/B/C 分级：每隔这么多天回访，\n直到客户表明新的购买意向。",
        "購買之後（表明購買意向後有贏單），不再按 O/A/B/C 分級：每隔這麼多天回訪，\n直到客戶表明新的購買意向。"),
    "rules.file.expected_passed": (
        "An expected-purchase date already passed without a sale counts as O for this many days.",
        "预计购买日期已过仍未成交的，在这么多天内仍按 O 级对待。",
        "預計購買日期已過仍未成交的，在這麼多天內仍按 O 級對待。"),
    "rules.file.fest_send": ("the gift is due this many days before the festival",
                             "礼品在节日前这么多天就该送出", "禮品在節日前這麼多天就該送出"),
    "rules.file.fest_care": (
        "A greeting or gift logged with anyone at the customer from lead_days before a festival through\n"
        "the festival settles it for that customer that year.",
        "从节日前 lead_days 天到节日当天，给该客户任何人登记了问候或礼品，即视为当年该节日已关照。",
        "從節日前 lead_days 天到節日當天，給該客戶任何人登記了問候或禮品，即視為當年該節日已關照。"),
    "rules.file.birthday_care": (
        "A greeting or gift logged with the contact from this many days before their birthday through\n"
        "the birthday settles it for that year.",
        "从生日前这么多天到生日当天，给该联系人登记了问候或礼品，即视为当年生日已关照。",
        "從生日前這麼多天到生日當天，給該聯絡人登記了問候或禮品，即視為當年生日已關照。"),
    "rules.file.w_stalled_cap": ("days overdue counted at most when the row is due for a stalled deal",
                                 "因项目停滞而到期时，逾期天数最多计这么多",
                                 "因專案停滯而到期時，逾期天數最多計這麼多"),
    "rules.file.stalled": ("days in 「{stage}」 before the deal is stalled",
                           "在「{stage}」阶段停留这么多天即为停滞", "在「{stage}」階段停留這麼多天即為停滯"),
    "rules.file.fest_lead": ("festivals appear in the week list this many days ahead",
                             "节日提前这么多天出现在本周清单", "節日提前這麼多天出現在本週清單"),
    "rules.file.fest_key": ("festivals apply to key-tier customers", "节日问候适用于大客户层",
                            "節日問候適用於大客戶層"),
    "rules.file.fest_grades": ("and to customers of these grades", "以及这些等级的客户", "以及這些等級的客戶"),
    "rules.file.fest_custom": (
        "Your own dates, repeat the block for each (lunar = true for a lunar month/day):",
        "你自己的日子，每个重复一段（农历月日写 lunar = true）：",
        "你自己的日子，每個重複一段（農曆月日寫 lunar = true）："),
    "rules.file.after_sale": ("follow-up call this many days after a deal is delivered",
                              "项目交货后这么多天回访", "專案交貨後這麼多天回訪"),
    "rules.file.score": (
        "The week list's priority score is a weighted sum; `kacli why` shows each term.",
        "本周清单的优先级得分是加权和；`kacli why` 列出每一项。",
        "本週清單的優先級得分是加權和；`kacli why` 列出每一項。"),
    "rules.file.w_grade": ("weight of each grade", "各等级的权重", "各等級的權重"),
    "rules.file.w_ungraded": ("weight of having no grade", "没有等级的权重", "沒有等級的權重"),
    "rules.file.w_key": ("added for a key-tier customer", "大客户层客户另加", "大客戶層客戶另加"),
    "rules.file.w_overdue": ("per day overdue (negative while still ahead)", "每逾期一天（未到期时为负）",
                             "每逾期一天（未到期時為負）"),
    "rules.file.w_cap": ("days overdue counted at most", "逾期天数最多计这么多", "逾期天數最多計這麼多"),
    "rules.file.w_money": ("per 万 yuan at stake (open deals, unpaid instalments)",
                           "每涉及 1 万元（进行中的项目、未付的分期款）",
                           "每涉及 1 萬元（進行中的專案、未付的分期款）"),
    "rules.file.w_money_cap": ("万 yuan counted at most", "最多计这么多万元", "最多計這麼多萬元"),
    "rules.file.reasons": ("Added once for each kind of reason a customer is on the list.",
                           "客户上榜的每一类原因各加一次。", "客戶上榜的每一類原因各加一次。"),
    "rules.file.reason.never_contacted": ("no visit ever logged", "从未登记过拜访", "從未登記過拜訪"),
    "rules.file.reason.cadence": ("the grade's revisit interval has come round", "到了该等级的回访间隔",
                                  "到了該等級的回訪間隔"),
    "rules.file.reason.next_action": ("an open next action is due", "有待办的下一步行动到期",
                                      "有待辦的下一步行動到期"),
    "rules.file.reason.planned_visit": ("a visit is planned", "有计划中的拜访", "有計劃中的拜訪"),
    "rules.file.reason.birthday": ("a contact's birthday", "联系人的生日", "聯絡人的生日"),
    "rules.file.reason.festival": ("Spring Festival, Dragon Boat, Mid-Autumn or your own date is near",
                                   "春节、端午、中秋或你自己的日子临近", "春節、端午、中秋或你自己的日子臨近"),
    "rules.file.reason.deal_closing": ("a deal's expected close date", "项目的预计成交日期",
                                       "專案的預計成交日期"),
    "rules.file.reason.deal_stalled": ("a deal has sat too long in its stage", "项目在某阶段停留太久",
                                       "專案在某階段停留太久"),
    "rules.file.reason.roles_uncovered": (
        "a late-stage deal lacks a decision maker or a supporter/coach",
        "后期项目缺少决策者或支持者/内部教练", "後期專案缺少決策者或支持者/內部教練"),
    "rules.file.reason.payment_due": ("an instalment falls due", "有分期款到期", "有分期款到期"),
    "rules.file.reason.payment_overdue": ("an instalment is past due and unpaid", "有分期款逾期未付",
                                          "有分期款逾期未付"),
    "rules.file.reason.after_sale": ("the follow-up call after delivery", "交货后的回访", "交貨後的回訪"),
    "rules.file.reason.delivery": ("the agreed delivery date of a deal", "项目约定的交货日期", "專案約定的交貨日期"),
    "rules.file.reason.decision_maker_opposed": ("a late-stage deal's decision maker or coach opposes it",
                                                 "后期项目的决策者或内部教练反对", "後期專案的決策者或內部教練反對"),
    "rules.file.reason.decision_maker_not_met": (
        "a deal from validation on whose decision maker nobody of ours has met",
        "验证需求起的项目，决策者从未见过", "驗證需求起的專案，決策者從未見過"),
    "rules.file.reason.single_threaded": ("a deal from validation on with one person met in 60 days",
                                          "验证需求起的项目，60天内只见过一人", "驗證需求起的專案，60天內只見過一人"),
    "rules.file.reason.key_tier_changed": ("news: the customer joined or left the key tier today",
                                           "消息：客户今天进入或退出大客户层", "消息：客戶今天進入或退出大客戶層"),
}
