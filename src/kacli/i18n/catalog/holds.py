"""Messages for deal holds (``deal hold``/``deal resume``): a known postponement of a deal."""

MESSAGES = {
    "help.cmd.deal.hold": (
        "Put a deal on hold until a date (a known postponement): its stalled and closing reminders "
        "are silent until then.\n\nExample: kacli deal hold 自动化改造 --until 2027-03-01 --reason 预算冻结到三月",
        "暂缓项目到某日（已知的推迟）：在此之前不再提醒项目停滞或即将成交。"
        "\n\n示例：kacli deal hold 自动化改造 --until 2027-03-01 --reason 预算冻结到三月",
        "暫緩專案到某日（已知的推遲）：在此之前不再提醒專案停滯或即將成交。"
        "\n\n範例：kacli deal hold 自動化改造 --until 2027-03-01 --reason 預算凍結到三月"),
    "help.cmd.deal.resume": (
        "Take a deal off hold: its reminders come back now.\n\nExample: kacli deal resume 自动化改造",
        "取消项目暂缓：提醒立即恢复。\n\n示例：kacli deal resume 自动化改造",
        "取消專案暫緩：提醒立即恢復。\n\n範例：kacli deal resume 自動化改造"),
    "help.deal.hold_until": ("The day the deal is due again (after today).", "项目恢复跟进的日期（须晚于今天）。",
                             "專案恢復跟進的日期（須晚於今天）。"),
    "help.deal.hold_reason": ("Why the deal waits.", "暂缓的原因。", "暫緩的原因。"),
    "deal.held": ("Deal #{id} {title} is on hold until {until}; its stalled and closing reminders are silent until then.",
                  "项目 #{id} {title} 暂缓到 {until}；在此之前不再提醒停滞或即将成交。",
                  "專案 #{id} {title} 暫緩到 {until}；在此之前不再提醒停滯或即將成交。"),
    "deal.hold_moved": ("Deal #{id} {title} is now on hold until {until} (was {before}).",
                        "项目 #{id} {title} 改为暂缓到 {until}（原为 {before}）。",
                        "專案 #{id} {title} 改為暫緩到 {until}（原為 {before}）。"),
    "deal.resumed": ("Deal #{id} {title} is no longer on hold (was until {until}).",
                     "项目 #{id} {title} 已取消暂缓（原定到 {until}）。",
                     "專案 #{id} {title} 已取消暫緩（原定到 {until}）。"),
    "deal.not_held": ("Deal #{id} {title} was not on hold; nothing changed.",
                      "项目 #{id} {title} 并未暂缓，没有变化。", "專案 #{id} {title} 並未暫緩，沒有變化。"),
    "deal.label.hold": ("On hold", "暂缓", "暫緩"),
    "deal.hold_active": ("until {until}", "到 {until}", "到 {until}"),
    "deal.hold_over": ("ended {until}", "已于 {until} 结束", "已於 {until} 結束"),
    "deal.close_passed": ("{date} — passed", "{date}（已过）", "{date}（已過）"),
    "deal.close_held": ("{date}, on hold until {until}", "{date}，暂缓到 {until}", "{date}，暫緩到 {until}"),
    "error.deal_hold_won": ("{title} is won; only an open deal can be put on hold.",
                            "{title} 已赢单；只有进行中的项目可以暂缓。", "{title} 已贏單；只有進行中的專案可以暫緩。"),
    "error.deal_hold_lost": ("{title} is lost; only an open deal can be put on hold.",
                             "{title} 已丢单；只有进行中的项目可以暂缓。", "{title} 已丟單；只有進行中的專案可以暫緩。"),
    "error.deal_hold_past": ("A hold ends after today ({today}); {date} is not later. Use deal resume to end a hold.",
                             "暂缓须在今天（{today}）之后结束；{date} 不晚于今天。要结束暂缓请用 deal resume。",
                             "暫緩須在今天（{today}）之後結束；{date} 不晚於今天。要結束暫緩請用 deal resume。"),
    "field.hold_reason": ("Hold reason", "暂缓原因", "暫緩原因"),
}
