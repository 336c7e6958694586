"""Each command's --help for customers, contacts, visits and next actions (one example each)."""

MESSAGES = {
    "help.cmd.customer.add": (
        "Add a customer to the dossier.\n\n"
        "Example: kacli customer add 华信地产 --industry 房地产 --scope regional --cycle short --batch large",
        "把一个客户加入客户档案。\n\n"
        "例如：kacli customer add 华信地产 --industry 房地产 --scope regional --cycle short --batch large",
        "把一個客戶加入客戶檔案。\n\n"
        "例如：kacli customer add 华信地产 --industry 房地产 --scope regional --cycle short --batch large",
    ),
    "help.cmd.customer.update": (
        "Change a customer's facts; every change is kept in its history.\n\n"
        "List options (--phone, --product, --tag) replace the whole list; an empty value clears a "
        "field. Example: kacli customer update hxdc --status active --grade A --grade-reason 年度框架",
        "修改客户资料；每次修改都记入变更历史。\n\n"
        "列表选项（--phone、--product、--tag）会替换整个列表；给空值即清空该项。"
        "例如：kacli customer update hxdc --status active --grade A --grade-reason 年度框架",
        "修改客戶資料；每次修改都記入變更歷史。\n\n"
        "清單選項（--phone、--product、--tag）會取代整個清單；給空值即清空該項。"
        "例如：kacli customer update hxdc --status active --grade A --grade-reason 年度框架",
    ),
    "help.cmd.customer.show": (
        "Show everything the dossier knows about a customer, grouped as the seed does.\n\n"
        "Example: kacli customer show hxdc",
        "显示客户档案里关于某客户的一切，按客户档案的四类资料分组。\n\n例如：kacli customer show hxdc",
        "顯示客戶檔案裡關於某客戶的一切，按客戶檔案的四類資料分組。\n\n例如：kacli customer show hxdc",
    ),
    "help.cmd.customer.list": (
        "List customers, by name; --key lists the 80/20 key tier by revenue with each share.\n\n"
        "Example: kacli customer list --status active --json",
        "按名称列出客户；--key 按营业额列出 80/20 大客户层及各自占比。\n\n"
        "例如：kacli customer list --status active --json",
        "按名稱列出客戶；--key 按營業額列出 80/20 大客戶層及各自占比。\n\n"
        "例如：kacli customer list --status active --json",
    ),
    "help.cmd.customer.remove": (
        "Remove a customer and everything recorded about it (asks first unless --yes).\n\n"
        "Example: kacli customer remove 华信地产 --yes",
        "删除一个客户及其全部记录（除非给了 --yes，否则先询问）。\n\n例如：kacli customer remove 华信地产 --yes",
        "刪除一個客戶及其全部記錄（除非給了 --yes，否則先詢問）。\n\n例如：kacli customer remove 华信地产 --yes",
    ),
    "help.cmd.customer.history": (
        "Show every change to a customer and its contacts, and the days it joined or left the key "
        "tier (80/20), newest first.\n\n"
        "Example: kacli customer history hxdc",
        "显示客户及其联系人的每一次变更，以及客户进入或退出大客户层（80/20）的日期，最新的在前。\n\n"
        "例如：kacli customer history hxdc",
        "顯示客戶及其聯絡人的每一次變更，以及客戶進入或退出大客戶層（80/20）的日期，最新的在前。\n\n"
        "例如：kacli customer history hxdc",
    ),
    "help.cmd.customer.competitor": (
        "Record a competitor at a customer: their product, the customer's satisfaction with it, "
        "their salesperson's name, style and relationship. Run again to update; --remove to drop.\n\n"
        "Example: kacli customer competitor 华信地产 天福茗茶 --product 铁观音礼盒 --satisfaction 3",
        "记录客户处的竞争对手：其产品、客户的满意度、对方销售员的姓名、风格和关系。"
        "再次运行即更新；--remove 删除。\n\n"
        "例如：kacli customer competitor 华信地产 天福茗茶 --product 铁观音礼盒 --satisfaction 3",
        "記錄客戶處的競爭對手：其產品、客戶的滿意度、對方業務員的姓名、風格和關係。"
        "再次執行即更新；--remove 刪除。\n\n"
        "例如：kacli customer competitor 华信地产 天福茗茶 --product 铁观音礼盒 --satisfaction 3",
    ),
    "help.cmd.contact.add": (
        "Add a person at a customer: work facts, birthday and the seed's personal facts.\n\n"
        "Example: kacli contact add 华信地产 王总 --title 总经理 --role 决策者 --birthday 08-15 --lunar",
        "为客户添加一位联系人：工作资料、生日和个人资料。\n\n"
        "例如：kacli contact add 华信地产 王总 --title 总经理 --role 决策者 --birthday 08-15 --lunar",
        "為客戶新增一位聯絡人：工作資料、生日和個人資料。\n\n"
        "例如：kacli contact add 华信地产 王总 --title 总经理 --role 决策者 --birthday 08-15 --lunar",
    ),
    "help.cmd.contact.update": (
        "Change a contact's facts; every change is kept in the history.\n\n"
        "--role and --phone replace the whole list; an empty value clears a field (--birthday \"\").\n"
        "Example: kacli contact update wangzong --attitude 支持 --next-holiday 春节去三亚",
        "修改联系人资料；每次修改都记入变更历史。\n\n"
        "--role 和 --phone 会替换整个列表；给空值即清空该项（--birthday \"\"）。\n"
        "例如：kacli contact update wangzong --attitude 支持 --next-holiday 春节去三亚",
        "修改聯絡人資料；每次修改都記入變更歷史。\n\n"
        "--role 和 --phone 會取代整個清單；給空值即清空該項（--birthday \"\"）。\n"
        "例如：kacli contact update wangzong --attitude 支持 --next-holiday 春节去三亚",
    ),
    "help.cmd.contact.show": (
        "Show a contact: work facts, birthday, personal facts, named facts and history.\n\n"
        "Example: kacli contact show wangzong",
        "显示联系人：工作资料、生日、个人资料、自定义信息和变更历史。\n\n例如：kacli contact show wangzong",
        "顯示聯絡人：工作資料、生日、個人資料、自訂資訊和變更歷史。\n\n例如：kacli contact show wangzong",
    ),
    "help.cmd.contact.list": (
        "List contacts: one customer's, or everyone's, by customer with the primary contact first.\n\n"
        "Example: kacli contact list 华信地产 --role decision_maker",
        "列出联系人：某客户的或全部的，按客户分组，主要联系人在前。\n\n"
        "例如：kacli contact list 华信地产 --role decision_maker",
        "列出聯絡人：某客戶的或全部的，按客戶分組，主要聯絡人在前。\n\n"
        "例如：kacli contact list 华信地产 --role decision_maker",
    ),
    "help.cmd.contact.stage": (
        "Set a contact's relationship stage by hand (认识 → 约会 → 信赖 → 同盟); kept in the history.\n\n"
        "Example: kacli contact stage wangzong 信赖 --note 一起打了高尔夫",
        "手动设定联系人的关系阶段（认识 → 约会 → 信赖 → 同盟）；记入变更历史。\n\n"
        "例如：kacli contact stage wangzong 信赖 --note 一起打了高尔夫",
        "手動設定聯絡人的關係階段（認識 → 約會 → 信賴 → 同盟）；記入變更歷史。\n\n"
        "例如：kacli contact stage wangzong 信赖 --note 一起打了高尔夫",
    ),
    "help.cmd.contact.remove": (
        "Remove a contact and what is recorded about them (asks first unless --yes).\n\n"
        "Visits and next actions stay with the customer. Example: kacli contact remove 王总 --yes",
        "删除一位联系人及其记录（除非给了 --yes，否则先询问）。\n\n"
        "拜访和下一步行动仍留在客户名下。例如：kacli contact remove 王总 --yes",
        "刪除一位聯絡人及其記錄（除非給了 --yes，否則先詢問）。\n\n"
        "拜訪和下一步行動仍留在客戶名下。例如：kacli contact remove 王总 --yes",
    ),
    "help.cmd.contact.forget": (
        "Erase a contact's personal data for good, on their request (asks first unless --yes).\n\n"
        "The name becomes \"(forgotten #ID)\"; phones, email, WeChat, birthday, title, department, "
        "personal and named facts and the contact's own history are erased; their names, phones, email "
        "and WeChat are replaced by \"(forgotten #ID)\" in every note, next action, deal, fact and "
        "history line; the undo journal is emptied; and the file is cleaned so no trace stays in it. "
        "The contact's roles, stage, visits, deals and business history stay, unnamed. A contact removed "
        "earlier is reached by their name or former id. Copies beside the dossier are listed.\n"
        "Example: kacli contact forget 张三 --yes",
        "应本人要求永久抹去联系人的个人资料（除非给了 --yes，否则先询问）。\n\n"
        "姓名改为“（已遗忘 #编号）”；电话、邮箱、微信、生日、职务、部门、个人资料、自定义信息和"
        "该联系人自己的变更历史都被抹去；其姓名、电话、邮箱和微信在所有备注、下一步、项目、资料和历史中"
        "都替换为“（已遗忘 #编号）”；撤销记录清空；文件也会清理，不留痕迹。联系人的角色、阶段、拜访、项目和"
        "业务历史保留，但不再具名。已删除的联系人可按原姓名或原编号找到。档案旁仍存有其资料的副本会一一列出。\n"
        "例如：kacli contact forget 张三 --yes",
        "應本人要求永久抹去聯絡人的個人資料（除非給了 --yes，否則先詢問）。\n\n"
        "姓名改為「（已遺忘 #編號）」；電話、郵箱、微信、生日、職稱、部門、個人資料、自訂資訊和"
        "該聯絡人自己的變更歷史都被抹去；其姓名、電話、郵箱和微信在所有備註、下一步、專案、資料和歷史中"
        "都替換為「（已遺忘 #編號）」；復原記錄清空；檔案也會清理，不留痕跡。聯絡人的角色、階段、拜訪、專案和"
        "業務歷史保留，但不再具名。已刪除的聯絡人可按原姓名或原編號找到。檔案旁仍存有其資料的副本會一一列出。\n"
        "例如：kacli contact forget 张三 --yes",
    ),
    "help.cmd.visit.log": (
        "Log a visit or call (default: a visit today), or plan one with --planned.\n\n"
        "Example: kacli visit log 华信地产 --contact 王总 --kind meal --note 谈了会务用茶 --next 送样品 "
        "--next-date 下周三",
        "登记一次拜访或电话（默认：今天的拜访），或用 --planned 安排一次。\n\n"
        "例如：kacli visit log 华信地产 --contact 王总 --kind meal --note 谈了会务用茶 --next 送样品 "
        "--next-date 下周三",
        "登記一次拜訪或電話（預設：今天的拜訪），或用 --planned 安排一次。\n\n"
        "例如：kacli visit log 华信地产 --contact 王总 --kind meal --note 谈了会务用茶 --next 送样品 "
        "--next-date 下周三",
    ),
    "help.cmd.visit.list": (
        "List logged visits, newest first (--planned: planned ones, soonest first).\n\n"
        "Example: kacli visit list 华信地产 --since -30d",
        "列出已登记的拜访，最新的在前（--planned：已安排的，最近的在前）。\n\n"
        "例如：kacli visit list 华信地产 --since -30d",
        "列出已登記的拜訪，最新的在前（--planned：已安排的，最近的在前）。\n\n"
        "例如：kacli visit list 华信地产 --since -30d",
    ),
    "help.cmd.visit.show": (
        "Show one visit: when, who, what was said, and the next actions it set.\n\n"
        "Example: kacli visit show 12",
        "显示一次拜访：时间、见了谁、谈了什么，以及定下的下一步行动。\n\n例如：kacli visit show 12",
        "顯示一次拜訪：時間、見了誰、談了什麼，以及定下的下一步行動。\n\n例如：kacli visit show 12",
    ),
    "help.cmd.visit.update": (
        "Change a visit; --done records that a planned visit took place (today, or --date).\n\n"
        "--contact replaces the people met; an empty value clears a field.\n"
        "Example: kacli visit update 12 --done --note 谈妥了样品",
        "修改一次拜访；--done 记录已安排的拜访已经进行（今天，或 --date 指定的日期）。\n\n"
        "--contact 替换见到的人；给空值即清空该项。\n例如：kacli visit update 12 --done --note 谈妥了样品",
        "修改一次拜訪；--done 記錄已安排的拜訪已經進行（今天，或 --date 指定的日期）。\n\n"
        "--contact 取代見到的人；給空值即清空該項。\n例如：kacli visit update 12 --done --note 谈妥了样品",
    ),
    "help.cmd.visit.remove": (
        "Remove a visit (asks first unless --yes); next actions it set stay open.\n\n"
        "Example: kacli visit remove 12 --yes",
        "删除一次拜访（除非给了 --yes，否则先询问）；它定下的下一步行动仍保持待办。\n\n"
        "例如：kacli visit remove 12 --yes",
        "刪除一次拜訪（除非給了 --yes，否則先詢問）；它定下的下一步行動仍保持待辦。\n\n"
        "例如：kacli visit remove 12 --yes",
    ),
    "help.cmd.next.list": (
        "List open next actions, soonest due first; overdue ones are marked.\n\n"
        "Example: kacli next list 华信地产",
        "列出待办的下一步行动，最早到期的在前；逾期的会标出。\n\n例如：kacli next list 华信地产",
        "列出待辦的下一步行動，最早到期的在前；逾期的會標出。\n\n例如：kacli next list 华信地产",
    ),
    "help.cmd.next.add": (
        "Add a next action for a customer, due on --date.\n\n"
        "Example: kacli next add 华信地产 \"寄报价单\" --date 周五 --contact 王总",
        "为客户添加一项下一步行动，在 --date 那天到期。\n\n"
        "例如：kacli next add 华信地产 \"寄报价单\" --date 周五 --contact 王总",
        "為客戶新增一項下一步行動，在 --date 那天到期。\n\n"
        "例如：kacli next add 华信地产 \"寄报价单\" --date 周五 --contact 王总",
    ),
    "help.cmd.next.done": (
        "Mark a next action done (today); a note goes to the customer's history.\n\n"
        "Example: kacli next done 7 --note 样品已送到",
        "把一项下一步行动标为已完成（今天）；备注记入客户的变更历史。\n\n例如：kacli next done 7 --note 样品已送到",
        "把一項下一步行動標為已完成（今天）；備註記入客戶的變更歷史。\n\n例如：kacli next done 7 --note 样品已送到",
    ),
}
