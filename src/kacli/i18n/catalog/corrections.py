"""Messages for corrections: removing a deal, changing or removing a next action, an instalment or
a receipt, and refusing a payment schedule larger than the deal."""

MESSAGES = {
    # deal remove
    "help.cmd.deal.remove": (
        "Remove a deal entered by mistake, with its buying roles, payment plan, receipts, stage moves, "
        "competitors and next actions (says what goes; asks first unless --yes; kacli undo brings it back)."
        "\n\nExample: kacli deal remove 自动化改造 --yes",
        "删除误录的项目，连同其采购角色、付款计划、收款、阶段记录、竞争对手和下一步（先说明会删除什么；"
        "除非加 --yes，否则先询问；kacli undo 可恢复）。\n\n示例：kacli deal remove 自动化改造 --yes",
        "刪除誤錄的專案，連同其採購角色、付款計畫、收款、階段紀錄、競爭對手和下一步（先說明會刪除什麼；"
        "除非加 --yes，否則先詢問；kacli undo 可恢復）。\n\n範例：kacli deal remove 自動化改造 --yes"),
    "deal.remove_what": ("Removing deal {title} also removes: {what}.", "删除项目 {title} 将同时删除：{what}。",
                         "刪除專案 {title} 將同時刪除：{what}。"),
    "deal.remove_confirm": ("Remove deal {title}?", "删除项目 {title}？", "刪除專案 {title}？"),
    "deal.removed": ("Removed deal #{id} {title}.", "已删除项目 #{id} {title}。", "已刪除專案 #{id} {title}。"),
    "count.deal_roles": ("{n} buying roles", "{n} 个采购角色", "{n} 個採購角色"),
    "count.instalments": ("{n} planned instalments", "{n} 期付款计划", "{n} 期付款計畫"),
    "count.receipts": ("{n} payments received", "{n} 笔收款", "{n} 筆收款"),
    "count.deal_competitors": ("{n} competitor entries", "{n} 条竞争对手记录", "{n} 條競爭對手紀錄"),
    "count.deal_events": ("{n} stage moves", "{n} 条阶段记录", "{n} 條階段紀錄"),
    "field.deal_removed": ("Deal removed", "删除项目", "刪除專案"),
    # next update / remove
    "help.cmd.next.update": (
        "Correct a next action: its due date, text or contact (only those given change)."
        "\n\nExample: kacli next update 7 --date 下周三 --text \"寄合同\" --contact 王总",
        "修改下一步：到期日、内容或联系人（只改给出的项）。\n\n示例：kacli next update 7 --date 下周三 --text \"寄合同\" --contact 王总",
        "修改下一步：到期日、內容或聯絡人（只改給出的項）。\n\n範例：kacli next update 7 --date 下週三 --text \"寄合約\" --contact 王總"),
    "help.cmd.next.remove": (
        "Remove a next action entered by mistake (asks first unless --yes).\n\nExample: kacli next remove 7 --yes",
        "删除误录的下一步（除非加 --yes，否则先询问）。\n\n示例：kacli next remove 7 --yes",
        "刪除誤錄的下一步（除非加 --yes，否則先詢問）。\n\n範例：kacli next remove 7 --yes"),
    "help.next.new_date": ("The new due date.", "新的到期日。", "新的到期日。"),
    "help.next.new_text": ("The new text.", "新的内容。", "新的內容。"),
    "help.next.new_contact": ("The contact it is with (at the same customer).", "相关联系人（同一客户）。",
                              "相關聯絡人（同一客戶）。"),
    "next.updated": ("Updated next action #{id}: {fields}.", "已修改下一步 #{id}：{fields}。",
                     "已修改下一步 #{id}：{fields}。"),
    "next.unchanged": ("Nothing changed for next action #{id}.", "下一步 #{id} 没有变化。", "下一步 #{id} 沒有變化。"),
    "next.field.text": ("text", "内容", "內容"),
    "next.field.due": ("due date", "到期日", "到期日"),
    "next.field.contact_id": ("contact", "联系人", "聯絡人"),
    "next.remove_confirm": ("Remove next action #{id} “{text}” at {customer}?", "删除 {customer} 的下一步 #{id}“{text}”？",
                            "刪除 {customer} 的下一步 #{id}「{text}」？"),
    "next.removed": ("Removed next action #{id} {text}.", "已删除下一步 #{id} {text}。", "已刪除下一步 #{id} {text}。"),
    # payment show / update / remove, and the schedule's limit
    "help.cmd.payment.show": (
        "Show a deal's payment plan and receipts, each with its number: I12 is instalment 12, R7 is "
        "receipt 7 (for payment update and payment remove).\n\nExample: kacli payment show 自动化改造 --json",
        "查看项目的付款计划和收款，每笔都有编号：I12 是第 12 号分期，R7 是第 7 号收款"
        "（供 payment update 和 payment remove 使用）。\n\n示例：kacli payment show 自动化改造 --json",
        "檢視專案的付款計畫和收款，每筆都有編號：I12 是第 12 號分期，R7 是第 7 號收款"
        "（供 payment update 和 payment remove 使用）。\n\n範例：kacli payment show 自動化改造 --json"),
    "help.cmd.payment.update": (
        "Correct one instalment (--amount, --date for its due date) or receipt (--amount, --date, --note) "
        "by its number from payment show. A schedule larger than the deal is worth is refused unless --force."
        "\n\nExample: kacli payment update I12 --amount 8.55万",
        "按 payment show 给出的编号修改一笔分期（--amount、--date 为到期日）或收款（--amount、--date、--note）。"
        "付款计划超过项目金额时拒绝，除非加 --force。\n\n示例：kacli payment update I12 --amount 8.55万",
        "按 payment show 給出的編號修改一筆分期（--amount、--date 為到期日）或收款（--amount、--date、--note）。"
        "付款計畫超過專案金額時拒絕，除非加 --force。\n\n範例：kacli payment update I12 --amount 8.55萬"),
    "help.cmd.payment.remove": (
        "Remove one instalment or receipt by its number from payment show (asks first unless --yes)."
        "\n\nExample: kacli payment remove R7 --yes",
        "按 payment show 给出的编号删除一笔分期或收款（除非加 --yes，否则先询问）。\n\n示例：kacli payment remove R7 --yes",
        "按 payment show 給出的編號刪除一筆分期或收款（除非加 --yes，否則先詢問）。\n\n範例：kacli payment remove R7 --yes"),
    "help.cmd.payment.promise": (
        "Record the customer's promise to pay by DATE: the money owed on the deal by then (or one "
        "instalment, by its number) is asked for on that day, not before. It stays overdue by the "
        "contract.\n\nExample: kacli payment promise 自动化改造 下周五",
        "记录客户承诺在 DATE 之前付款：项目到那天为止应付的钱（或按编号指定的一笔分期）到那天再催，之前不再提醒。"
        "按合同它仍算逾期。\n\n示例：kacli payment promise 自动化改造 下周五",
        "記錄客戶承諾在 DATE 之前付款：專案到那天為止應付的錢（或按編號指定的一筆分期）到那天再催，之前不再提醒。"
        "按合約它仍算逾期。\n\n範例：kacli payment promise 自動化改造 下週五"),
    "help.arg.promise_what": ("The deal, or one instalment's number (I12) from payment show.",
                              "项目，或 payment show 给出的一笔分期编号（I12）。",
                              "專案，或 payment show 給出的一筆分期編號（I12）。"),
    "help.arg.promise_date": ("The day the customer promised to pay by (e.g. 2027-06-11, 下周五).",
                              "客户承诺的付款日（如 2027-06-11、下周五）。",
                              "客戶承諾的付款日（如 2027-06-11、下週五）。"),
    "payment.promised": ("{title}: {amount} promised by {date} ({numbers}); it is asked for then.",
                         "{title}：客户承诺 {date} 前付 {amount}（{numbers}）；到那天再催。",
                         "{title}：客戶承諾 {date} 前付 {amount}（{numbers}）；到那天再催。"),
    "error.promise_past": ("A promise to pay is for today or a day to come, not {date} (today is {today}).",
                           "承诺付款日应是今天或以后，而不是 {date}（今天是 {today}）。",
                           "承諾付款日應是今天或以後，而不是 {date}（今天是 {today}）。"),
    "error.promise_nothing_owed": ("Nothing is owed by {date} to promise: plan an instalment first, or name one "
                                   "by its number (payment show).",
                                   "到 {date} 为止没有应付的钱可承诺：先制定分期计划，或按编号指定一笔分期（payment show）。",
                                   "到 {date} 為止沒有應付的錢可承諾：先制定分期計畫，或按編號指定一筆分期（payment show）。"),
    "error.promise_receipt": ("{number} is a receipt, money already in: a promise is for an instalment (I…) "
                              "or a deal.",
                              "{number} 是一笔收款，钱已经到账：承诺应针对分期（I…）或项目。",
                              "{number} 是一筆收款，錢已經到帳：承諾應針對分期（I…）或專案。"),
    "help.arg.payment_number": ("An instalment (I12) or receipt (R7) number, as payment show lists them.",
                                "分期（I12）或收款（R7）编号，见 payment show。", "分期（I12）或收款（R7）編號，見 payment show。"),
    "help.payment.force": ("Allow a schedule larger than the deal is worth.", "允许付款计划超过项目金额。",
                           "允許付款計畫超過專案金額。"),
    "help.payment.new_amount": ("The new amount.", "新的金额。", "新的金額。"),
    "help.payment.new_date": ("The new date: an instalment's due date, or when a receipt arrived.",
                              "新的日期：分期的到期日，或收款的到账日。", "新的日期：分期的到期日，或收款的到帳日。"),
    "payment.schedule_title": ("Payments of deal #{id} {title}", "项目 #{id} {title} 的付款", "專案 #{id} {title} 的付款"),
    "payment.schedule_totals": ("Planned {planned}, received {received}, outstanding {outstanding}.",
                                "计划 {planned}，已收 {received}，未收 {outstanding}。",
                                "計畫 {planned}，已收 {received}，未收 {outstanding}。"),
    "payment.col.number": ("No.", "编号", "編號"),
    "payment.col.date": ("Date", "日期", "日期"),
    "payment.overdue_mark": ("overdue", "逾期", "逾期"),
    "payment.updated": ("Updated {number}: {fields}.", "已修改 {number}：{fields}。", "已修改 {number}：{fields}。"),
    "payment.unchanged": ("Nothing changed for {number}.", "{number} 没有变化。", "{number} 沒有變化。"),
    "payment.field.amount": ("amount", "金额", "金額"),
    "payment.field.due": ("due date", "到期日", "到期日"),
    "payment.field.date": ("date", "日期", "日期"),
    "payment.field.note": ("note", "备注", "備註"),
    "payment.one.I": ("instalment {number} of {title}: {amount} due {date}", "{title} 的分期 {number}：{amount}，{date} 到期",
                      "{title} 的分期 {number}：{amount}，{date} 到期"),
    "payment.one.R": ("receipt {number} of {title}: {amount} on {date}", "{title} 的收款 {number}：{amount}，{date} 到账",
                      "{title} 的收款 {number}：{amount}，{date} 到帳"),
    "payment.remove_confirm": ("Remove {what}?", "删除{what}？", "刪除{what}？"),
    "payment.removed": ("Removed {what}.", "已删除{what}。", "已刪除{what}。"),
    "error.payment_number": ("{value} is not an instalment or receipt number: use I12 or R7, as payment show lists them.",
                             "{value} 不是分期或收款编号：请用 I12 或 R7 这样的编号（见 payment show）。",
                             "{value} 不是分期或收款編號：請用 I12 或 R7 這樣的編號（見 payment show）。"),
    "error.payment_number_unknown": ("There is no {number} (see payment show).", "没有 {number}（见 payment show）。",
                                     "沒有 {number}（見 payment show）。"),
    "error.instalment_no_note": ("An instalment has no note; --note is for a receipt (R…).",
                                 "分期没有备注；--note 只用于收款（R…）。", "分期沒有備註；--note 只用於收款（R…）。"),
    "error.plan_below_received": ("The schedule ({planned}) would be less than the money already received ({received}).",
                                  "付款计划（{planned}）将少于已收金额（{received}）。", "付款計畫（{planned}）將少於已收金額（{received}）。"),
    "error.plan_exceeds": ("The schedule ({planned}) would be more than the deal is worth ({value}); "
                           "check the amounts, or add --force if it is meant.",
                           "付款计划合计（{planned}）将超过项目金额（{value}）；请核对金额，确属如此请加 --force。",
                           "付款計畫合計（{planned}）將超過專案金額（{value}）；請核對金額，確屬如此請加 --force。"),
}
