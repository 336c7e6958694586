"""Messages for names and duplicates: name rules, suggestions, dupes, merge."""

MESSAGES = {
    "error.invisible_chars": (
        "The {field} contains {code}, a character that splits or reverses the text; please type it without.",
        "{field}含有 {code}，这个字符会让文字换行或倒序显示，请去掉后重新输入。",
        "{field}含有 {code}，這個字元會讓文字換行或倒序顯示，請去掉後重新輸入。",
    ),
    "error.unknown_ref_suggest": (
        "No {what} matches '{ref}'; did you mean {names}?",
        "没有与“{ref}”匹配的{what}；您是不是要找 {names}？",
        "沒有與「{ref}」相符的{what}；您是不是要找 {names}？",
    ),
    "what.ref": ("record", "记录", "記錄"),
}

MESSAGES.update({
    "error.merge_itself": ("A record cannot be merged into itself.", "不能把记录合并到它自己。",
                           "不能把記錄合併到它自己。"),
    "error.merge_other_customer": (
        "{name} ({customer}) and {other} ({other_customer}) are at different customers; merge the customers first.",
        "{name}（{customer}）和 {other}（{other_customer}）属于不同客户；请先合并客户。",
        "{name}（{customer}）和 {other}（{other_customer}）屬於不同客戶；請先合併客戶。"),
    "error.merge_into_forgotten": (
        "{name} was forgotten on request; merge it into the other contact instead.",
        "{name} 已按要求被遗忘；请反过来把它合并到另一位联系人。",
        "{name} 已依要求被遺忘；請反過來把它合併到另一位聯絡人。"),
    "help.cmd.customer.dupes": (
        "List likely duplicate customers and contacts, each pair with why: the same pinyin, phone or e-mail, "
        "the same name but for the city, trade words and 有限公司/Ltd (德联汽车 / 上海德联汽车部件有限公司), or names one "
        "edit apart.\n\nExample: kacli customer dupes --json",
        "列出可能重复的客户和联系人，每对都写明原因：拼音相同、电话或邮箱相同、去掉城市、行业词和“有限公司”等后名称相同（德联汽车 / 上海德联汽车部件有限公司），或名称只差一个字。"
        "\n\n示例：kacli customer dupes --json",
        "列出可能重複的客戶和聯絡人，每對都寫明原因：拼音相同、電話或郵箱相同、去掉城市、行業詞和「有限公司」等後名稱相同（德联汽车 / 上海德联汽车部件有限公司），或名稱只差一個字。"
        "\n\n範例：kacli customer dupes --json"),
    "help.cmd.customer.merge": (
        "Merge a customer entered twice into the one to keep: contacts, visits, next actions, deals, payments, "
        "competitors, facts and history move over, then the merged customer is removed (asks unless --yes).\n\n"
        "Example: kacli customer merge 华心地产 --into 华信地产",
        "把重复录入的客户合并到要保留的客户：联系人、拜访、待办、项目、回款、竞争对手、自定义信息和变更历史全部转过去，"
        "然后删除被合并的客户（除非加 --yes，否则先询问）。\n\n示例：kacli customer merge 华心地产 --into 华信地产",
        "把重複錄入的客戶合併到要保留的客戶：聯絡人、拜訪、待辦、專案、回款、競爭對手、自訂資訊和變更歷史全部轉過去，"
        "然後刪除被合併的客戶（除非加 --yes，否則先詢問）。\n\n範例：kacli customer merge 华心地产 --into 华信地产"),
    "help.cmd.contact.merge": (
        "Merge a contact entered twice into the one to keep, at the same customer: visits, buying roles, next "
        "actions, facts and history move over, then the merged contact is removed (asks unless --yes).\n\n"
        "Example: kacli contact merge 王总经理 --into 王总",
        "把同一客户下重复录入的联系人合并到要保留的联系人：拜访、采购角色、待办、自定义信息和变更历史全部转过去，"
        "然后删除被合并的联系人（除非加 --yes，否则先询问）。\n\n示例：kacli contact merge 王总经理 --into 王总",
        "把同一客戶下重複錄入的聯絡人合併到要保留的聯絡人：拜訪、採購角色、待辦、自訂資訊和變更歷史全部轉過去，"
        "然後刪除被合併的聯絡人（除非加 --yes，否則先詢問）。\n\n範例：kacli contact merge 王总经理 --into 王总"),
    "help.arg.merge_source": ("The record entered twice, to merge and remove (REF).",
                              "重复录入、要合并并删除的记录（REF）。", "重複錄入、要合併並刪除的記錄（REF）。"),
    "help.merge.into": ("The customer to keep (REF).", "要保留的客户（REF）。", "要保留的客戶（REF）。"),
    "help.merge.into_contact": ("The contact to keep, at the same customer (REF).",
                                "要保留的联系人，须属同一客户（REF）。", "要保留的聯絡人，須屬同一客戶（REF）。"),
    "merge.plan": ("Merging {merged} into {kept} moves: {what}; then {merged} is removed.",
                   "把 {merged} 合并到 {kept}，将转移：{what}；然后删除 {merged}。",
                   "把 {merged} 合併到 {kept}，將轉移：{what}；然後刪除 {merged}。"),
    "merge.same_person": ("{merged} is taken to be {kept}, already there: the two become one contact.",
                          "{merged} 视为已有的 {kept}：两者合并为一位联系人。",
                          "{merged} 視為已有的 {kept}：兩者合併為一位聯絡人。"),
    "merge.customer_confirm": ("Merge {merged} into {kept}?", "把 {merged} 合并到 {kept}？",
                               "把 {merged} 合併到 {kept}？"),
    "merge.contact_confirm": ("Merge {merged} into {kept}?", "把 {merged} 合并到 {kept}？",
                              "把 {merged} 合併到 {kept}？"),
    "merge.customer_done": ("Merged customer {merged} into {kept}.", "已把客户 {merged} 合并到 {kept}。",
                            "已把客戶 {merged} 合併到 {kept}。"),
    "merge.contact_done": ("Merged contact {merged} into {kept}.", "已把联系人 {merged} 合并到 {kept}。",
                           "已把聯絡人 {merged} 合併到 {kept}。"),
    "merge.fact_renamed": ("The two had different values for a named fact: the merged one's is kept as '{fact}'.",
                           "两者的自定义信息不同：被合并方的值保存为“{fact}”。",
                           "兩者的自訂資訊不同：被合併方的值保存為「{fact}」。"),
    "field.merged": ("merged in", "合并", "合併"),
    "dupes.none": ("No likely duplicates.", "没有发现可能重复的记录。", "沒有發現可能重複的記錄。"),
    "dupes.customers_title": ("Customers that may be one", "可能是同一家的客户", "可能是同一家的客戶"),
    "dupes.contacts_title": ("Contacts that may be one person", "可能是同一人的联系人", "可能是同一人的聯絡人"),
    "dupes.first": ("Record", "记录", "記錄"),
    "dupes.second": ("May be the same as", "可能与之相同", "可能與之相同"),
    "dupes.customer": ("Customer", "客户", "客戶"),
    "dupes.why": ("Why", "原因", "原因"),
    "dupes.hint": ("Merge a pair with: kacli customer merge REF --into REF (or kacli contact merge).",
                   "合并一对记录：kacli customer merge REF --into REF（联系人用 kacli contact merge）。",
                   "合併一對記錄：kacli customer merge REF --into REF（聯絡人用 kacli contact merge）。"),
    "dupes.why.same_pinyin": ("same pinyin {value}", "拼音相同（{value}）", "拼音相同（{value}）"),
    "dupes.why.same_phone": ("same phone {value}", "电话相同（{value}）", "電話相同（{value}）"),
    "dupes.why.same_email": ("same e-mail {value}", "邮箱相同（{value}）", "郵箱相同（{value}）"),
    "dupes.why.same_core_name": ("same name without place, trade and legal form ({value})",
                                 "去掉地名、行业和公司类型后名称相同（{value}）",
                                 "去掉地名、行業和公司類型後名稱相同（{value}）"),
    "dupes.twin_warning": ("Warning: this may be #{id} {name}, already in the dossier: {why}.",
                           "注意：这可能就是档案中已有的 #{id} {name}：{why}。",
                           "注意：這可能就是檔案中已有的 #{id} {name}：{why}。"),
    "dupes.twin_hint": ("If it is, merge the two with: {command}", "如果是同一家，合并两者：{command}",
                        "如果是同一家，合併兩者：{command}"),
    "dupes.why.near_name": ("names one character apart ({value})", "名称只差一个字（{value}）",
                            "名稱只差一個字（{value}）"),
})
