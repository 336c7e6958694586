"""Each command's --help for the week, deals, payments, reminders, rules, the dossier and the demo."""

MESSAGES = {
    "help.cmd.week": (
        "Whom to call or visit from today through today + N - 1: one row per customer, most urgent "
        "first, with every reason, whom to call and what to do.\n\nExample: kacli week --days 14",
        "从今天起 N 天内该联系或拜访谁：每位客户一行，最紧急的在前，写明每条原因、该找谁、做什么。\n\n"
        "例如：kacli week --days 14",
        "從今天起 N 天內該聯繫或拜訪誰：每位客戶一行，最緊急的在前，寫明每條原因、該找誰、做什麼。\n\n"
        "例如：kacli week --days 14",
    ),
    "help.cmd.deal.add": (
        "Add a deal (项目) at a customer, in discover unless --stage says otherwise.\n\n"
        "Example: kacli deal add 机床厂 自动化改造 --amount 300万 --close 2027-03-31 --competitor 西门子=一样",
        "为客户添加一个项目，从“发现机会”阶段开始，除非 --stage 另有指定。\n\n"
        "例如：kacli deal add 机床厂 自动化改造 --amount 300万 --close 2027-03-31 --competitor 西门子=一样",
        "為客戶新增一個專案，從「發現機會」階段開始，除非 --stage 另有指定。\n\n"
        "例如：kacli deal add 机床厂 自动化改造 --amount 300万 --close 2027-03-31 --competitor 西门子=一样",
    ),
    "help.cmd.deal.update": (
        "Change a deal's facts, terms or competitors; --stage moves it as advance --to does.\n\n"
        "Example: kacli deal update 自动化改造 --price 280万 --warranty 两年 --payment-terms 3-6-1",
        "修改项目的资料、条款或竞争对手；--stage 像 advance --to 一样移动阶段。\n\n"
        "例如：kacli deal update 自动化改造 --price 280万 --warranty 两年 --payment-terms 3-6-1",
        "修改專案的資料、條款或競爭對手；--stage 像 advance --to 一樣移動階段。\n\n"
        "例如：kacli deal update 自动化改造 --price 280万 --warranty 两年 --payment-terms 3-6-1",
    ),
    "help.cmd.deal.show": (
        "Show a deal: facts, terms, competitors, chance, stage history, buying centre, money owed.\n\n"
        "Example: kacli deal show 自动化改造",
        "显示项目：资料、条款、竞争对手、赢单把握、阶段历史、采购角色、应收款。\n\n例如：kacli deal show 自动化改造",
        "顯示專案：資料、條款、競爭對手、贏單把握、階段歷史、採購角色、應收款。\n\n例如：kacli deal show 自动化改造",
    ),
    "help.cmd.deal.list": (
        "List open deals by stage with amount, chance, weighted amount and days in stage.\n\n"
        "Example: kacli deal list --json",
        "按阶段列出进行中的项目，含金额、把握、加权金额和在该阶段的天数。\n\n例如：kacli deal list --json",
        "按階段列出進行中的專案，含金額、把握、加權金額和在該階段的天數。\n\n例如：kacli deal list --json",
    ),
    "help.cmd.deal.advance": (
        "Move a deal one stage forward, or --to any stage (back too); warns at an unmet gate.\n\n"
        "Example: kacli deal advance 自动化改造 --to 商务谈判 --note 技术交流通过",
        "把项目推进一个阶段，或用 --to 移到任一阶段（也可后退）；未满足阶段要求时提醒。\n\n"
        "例如：kacli deal advance 自动化改造 --to 商务谈判 --note 技术交流通过",
        "把專案推進一個階段，或用 --to 移到任一階段（也可後退）；未滿足階段要求時提醒。\n\n"
        "例如：kacli deal advance 自动化改造 --to 商务谈判 --note 技术交流通过",
    ),
    "help.cmd.deal.won": (
        "Close a deal as won (赢单); it can still move on to delivery and its payments.\n\n"
        "Example: kacli deal won 自动化改造 --date 2026-11-20",
        "把项目结为赢单；之后仍可进入交货验收和收款。\n\n例如：kacli deal won 自动化改造 --date 2026-11-20",
        "把專案結為贏單；之後仍可進入交貨驗收和收款。\n\n例如：kacli deal won 自动化改造 --date 2026-11-20",
    ),
    "help.cmd.deal.lost": (
        "Close a deal as lost (丢单), with the reason.\n\n"
        "Example: kacli deal lost 年度采购 --reason \"决策者没见过，订单给了对手\"",
        "把项目结为丢单，并写明原因。\n\n例如：kacli deal lost 年度采购 --reason \"决策者没见过，订单给了对手\"",
        "把專案結為丟單，並寫明原因。\n\n例如：kacli deal lost 年度采购 --reason \"决策者没见过，订单给了对手\"",
    ),
    "help.cmd.deal.role": (
        "Put a contact of the deal's customer in its buying centre, or take them out with --remove.\n\n"
        "Example: kacli deal role 自动化改造 王总 --as 决策者 --attitude 支持",
        "把项目所属客户的联系人列入采购角色，或用 --remove 移出。\n\n"
        "例如：kacli deal role 自动化改造 王总 --as 决策者 --attitude 支持",
        "把專案所屬客戶的聯絡人列入採購角色，或用 --remove 移出。\n\n"
        "例如：kacli deal role 自动化改造 王总 --as 决策者 --attitude 支持",
    ),
    "help.cmd.payment.plan": (
        "Plan one instalment of a deal's payment schedule; run again for the next ones.\n\n"
        "Example: kacli payment plan 自动化改造 84万 --due 2026-12-31",
        "为项目的付款计划安排一期分期付款；再次运行安排下一期。\n\n例如：kacli payment plan 自动化改造 84万 --due 2026-12-31",
        "為專案的付款計畫安排一期分期付款；再次執行安排下一期。\n\n例如：kacli payment plan 自动化改造 84万 --due 2026-12-31",
    ),
    "help.cmd.payment.received": (
        "Record money received on a deal; more than is outstanding, or no plan, is refused.\n\n"
        "Example: kacli payment received 自动化改造 84万 --date 2026-12-28 --note 首付款",
        "登记项目的收款；超过未收金额或没有付款计划时拒绝。\n\n"
        "例如：kacli payment received 自动化改造 84万 --date 2026-12-28 --note 首付款",
        "登記專案的收款；超過未收金額或沒有付款計畫時拒絕。\n\n"
        "例如：kacli payment received 自动化改造 84万 --date 2026-12-28 --note 首付款",
    ),
    "help.cmd.payment.list": (
        "List money owed per deal and per customer: planned, received, outstanding, overdue, next due.\n\n"
        "Example: kacli payment list --overdue --json",
        "按项目和客户列出应收款：计划、已收、未收、逾期、下一期。\n\n例如：kacli payment list --overdue --json",
        "按專案和客戶列出應收款：計畫、已收、未收、逾期、下一期。\n\n例如：kacli payment list --overdue --json",
    ),
    "help.cmd.remind": (
        "Everything overdue or due by tomorrow, one plain line per customer, most urgent first.\n\n"
        "Prints nothing when nothing is due, so cron mails nothing; --json always prints the week "
        "list's JSON. Example: kacli remind | mail -E -s \"kacli: today\" me@example.com",
        "逾期或明天前到期的一切，每位客户一行纯文本，最紧急的在前。\n\n"
        "没有到期时什么也不输出，cron 也就不发邮件；--json 总是输出本周清单的 JSON。"
        "例如：kacli remind | mail -E -s \"kacli：今天\" me@example.com",
        "逾期或明天前到期的一切，每位客戶一行純文字，最緊急的在前。\n\n"
        "沒有到期時什麼也不輸出，cron 也就不寄郵件；--json 總是輸出本週清單的 JSON。"
        "例如：kacli remind | mail -E -s \"kacli：今天\" me@example.com",
    ),
    "help.cmd.why": (
        "Explain a customer's row in the week list: its reasons and each term of its score "
        "(value x weight = contribution). When nothing is due in the window, the next due date "
        "ahead is explained.\n\nExample: kacli why 华信地产",
        "解释某客户在本周清单中的那一行：原因，以及优先级得分的每一项（数值 × 权重 = 贡献）。"
        "窗口内没有到期事项时，解释下一个到期日。\n\n例如：kacli why 华信地产",
        "解釋某客戶在本週清單中的那一行：原因，以及優先級得分的每一項（數值 × 權重 = 貢獻）。"
        "窗口內沒有到期事項時，解釋下一個到期日。\n\n例如：kacli why 华信地产",
    ),
    "help.cmd.rules.path": (
        "Print the path of the rules file kacli reads: KACLI_RULES, else rules.toml in the user "
        "config folder. It may not exist: then the defaults apply.\n\nExample: kacli rules path",
        "显示 kacli 读取的评级规则文件路径：KACLI_RULES，否则为用户配置目录中的 rules.toml。"
        "文件可以不存在，此时使用默认规则。\n\n例如：kacli rules path",
        "顯示 kacli 讀取的評級規則檔案路徑：KACLI_RULES，否則為使用者設定目錄中的 rules.toml。"
        "檔案可以不存在，此時使用預設規則。\n\n例如：kacli rules path",
    ),
    "help.cmd.rules.show": (
        "Show the rules in force: the file's settings over the defaults.\n\n"
        "Example: kacli rules show --json",
        "显示生效的规则：文件中的设置覆盖默认值。\n\n例如：kacli rules show --json",
        "顯示生效的規則：檔案中的設定覆蓋預設值。\n\n例如：kacli rules show --json",
    ),
    "help.cmd.rules.init": (
        "Write the default rules, each setting with a comment, to the rules file (refuses to "
        "replace one without --force).\n\nExample: kacli rules init && $EDITOR \"$(kacli rules path)\"",
        "把默认规则（每项设置附说明）写入规则文件（已有文件时，没有 --force 则拒绝覆盖）。\n\n"
        "例如：kacli rules init && $EDITOR \"$(kacli rules path)\"",
        "把預設規則（每項設定附說明）寫入規則檔案（已有檔案時，沒有 --force 則拒絕覆蓋）。\n\n"
        "例如：kacli rules init && $EDITOR \"$(kacli rules path)\"",
    ),
    "help.cmd.rules.check": (
        "Check the rules file: says OK, or names the line and the setting that is wrong (exit 2).\n\n"
        "Example: kacli rules check",
        "检查规则文件：没问题就说明，否则指出出错的行和设置（退出码 2）。\n\n例如：kacli rules check",
        "檢查規則檔案：沒問題就說明，否則指出出錯的行和設定（結束碼 2）。\n\n例如：kacli rules check",
    ),
    "help.cmd.dossier.path": (
        "Print where the dossier file is (it may not exist yet).\n\nExample: kacli dossier path",
        "显示客户档案文件的位置（文件可能还不存在）。\n\n例如：kacli dossier path",
        "顯示客戶檔案的位置（檔案可能還不存在）。\n\n例如：kacli dossier path",
    ),
    "help.cmd.dossier.info": (
        "Show the dossier's file, schema version and how many records it holds.\n\n"
        "Example: kacli dossier info --json",
        "显示客户档案的文件、结构版本和记录数量。\n\n例如：kacli dossier info --json",
        "顯示客戶檔案的檔案、結構版本和記錄數量。\n\n例如：kacli dossier info --json",
    ),
    "help.cmd.dossier.check": (
        "Check the dossier's integrity (SQLite's integrity and foreign-key checks; on a server, its schema and undo journal).\n\n"
        "Exits 0 when sound, 3 when damaged. Example: kacli dossier check",
        "检查客户档案是否完好（SQLite 的完整性和外键检查；在服务器上检查结构和撤销日志）。\n\n完好时退出码 0，损坏时 3。例如：kacli dossier check",
        "檢查客戶檔案是否完好（SQLite 的完整性和外鍵檢查；在伺服器上檢查結構和復原日誌）。\n\n完好時結束碼 0，損壞時 3。例如：kacli dossier check",
    ),
    "help.cmd.dossier.backup": (
        "Copy the dossier to FILE while it is in use (SQLite's backup API); FILE is made 0600.\n\n"
        "Example: kacli dossier backup ~/backups/dossier-$(date +%F).db",
        "在使用中把客户档案复制到 FILE（SQLite 的在线备份）；FILE 权限为 0600。\n\n"
        "例如：kacli dossier backup ~/backups/dossier-$(date +%F).db",
        "在使用中把客戶檔案複製到 FILE（SQLite 的線上備份）；FILE 權限為 0600。\n\n"
        "例如：kacli dossier backup ~/backups/dossier-$(date +%F).db",
    ),
    "help.cmd.dossier.restore": (
        "Put a backup back in place of the dossier, after checking it is sound.\n\n"
        "The dossier it replaces is kept beside it. Example: kacli dossier restore ~/backups/d.db --yes",
        "检查备份完好后，用它替换客户档案。\n\n被替换的档案保留在旁边。例如：kacli dossier restore ~/backups/d.db --yes",
        "檢查備份完好後，用它取代客戶檔案。\n\n被取代的檔案保留在旁邊。例如：kacli dossier restore ~/backups/d.db --yes",
    ),
    "help.cmd.demo": (
        "Build a demo dossier from the seeds' stories (never your own) and show its week list.\n\n"
        "Example: kacli demo --yes",
        "用案例故事建立一个演示档案（不会动你自己的档案），并显示它的本周清单。\n\n例如：kacli demo --yes",
        "用案例故事建立一個示範檔案（不會動你自己的檔案），並顯示它的本週清單。\n\n例如：kacli demo --yes",
    ),
}
