"""The columns of an imported or exported sheet: which field each header names, per table.

A header is a field's code as ``--json`` prints it (``name``, ``industry``, ``phones``), its label
in English, 简体 or 繁體 from the message catalogue, or one of the everyday words a Chinese sheet
uses for it (客户名称, 手机, 职务, 金额…). A template's bilingual header (``客户名称/name``) is
understood too. A map file (``--map``) can name any other header.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

TABLES = ("customers", "contacts", "deals", "visits", "payments")


@dataclass(frozen=True)
class Field:
    code: str
    kind: str  # how a cell is read: see ``kacli.domain.sheet_rows``
    synonyms: tuple[str, ...] = ()
    vocab: str | None = None  # the ``kacli.domain.vocab`` name for an enum
    label_key: str | None = None  # the catalogue's label, when not ``field.<code>``


def _f(code: str, kind: str = "text", *synonyms: str, vocab: str | None = None,
       label: str | None = None) -> Field:
    return Field(code, kind, synonyms, vocab, label)


_CUSTOMER_REF = ("客户", "客户名称", "客戶", "客戶名稱", "公司", "公司名称", "公司名稱", "单位", "單位",
                 "所属客户", "所屬客戶", "企业名称", "企業名稱", "customer_name", "company", "organization",
                 "org", "account")
_FLAGS = ("need", "can_pay", "has_authority", "industry_fit", "has_project_info", "tech_fit",
          "credit_good", "size_sound", "reach_department", "reach_decision_maker")
_PERSONAL = ("family", "hometown", "university", "sports", "food", "pets", "books", "last_holiday",
             "next_holiday", "travel", "org_role", "colleagues", "goals", "career")

FIELDS: dict[str, tuple[Field, ...]] = {
    "customers": (
        _f("name", "name", "客户名称", "客户", "客戶名稱", "客戶", "公司", "公司名称", "公司名稱", "单位名称",
           "單位名稱", "企业名称", "企業名稱", "名称", "名稱", "customer", "company", "account name"),
        _f("kind", "enum", "类型", "類型", "客户类型", "客戶類型", vocab="KIND"),
        _f("status", "enum", "状态", "狀態", "客户状态", "客戶狀態", vocab="STATUS"),
        _f("scope", "enum", "范围", "範圍", vocab="SCOPE"),
        _f("industry", "line", "行业", "行業", "所属行业", "所屬行業"),
        _f("ownership", "enum", "所有制", "企业性质", "企業性質", "性质", "性質", vocab="OWNERSHIP"),
        _f("ownership_country", "line", "国家", "國家", "country"),
        _f("employees", "int", "员工数", "員工數", "人数", "人數", "员工人数", "員工人數"),
        _f("annual_revenue", "amount", "年营业额", "年營業額", "营业额", "營業額", "营收", "營收", "revenue"),
        _f("credit_rating", "line", "信用", "信用等级", "信用等級", "credit"),
        _f("address", "text", "地址", "公司地址"),
        _f("phones", "items", "电话", "電話", "联系电话", "聯絡電話", "座机", "座機", "phone", "tel"),
        _f("lead_source", "enum", "来源", "來源", "客户来源", "客戶來源", "线索来源", "source",
           vocab="LEAD_SOURCE"),
        _f("product_lines", "items", "产品线", "產品線", "产品", "產品", "products"),
        _f("tech_notes", "text", "技术", "技術", "生产技术", "生產技術"),
        _f("buying_department", "line", "采购部门", "採購部門"),
        _f("supporting_departments", "text", "支持部门", "支援部門"),
        _f("org_notes", "text", "组织结构", "組織結構"),
        _f("business_notes", "text", "业务", "業務", "经营业务", "經營業務", "备注", "備註", "note", "notes"),
        _f("tags", "items", "标签", "標籤"),
        _f("buy_within", "enum", "购买时间", "購買時間", vocab="BUY_WITHIN"),
        _f("expected_purchase", "date", "预计购买", "預計購買"),
        _f("purchase_cycle", "enum", "采购周期", "採購週期", "cycle", vocab="CYCLE"),
        _f("batch", "enum", "批量", "采购批量", "採購批量", vocab="BATCH"),
        _f("grade_manual", "grade", "等级", "等級", "客户等级", "客戶等級", "级别", "級別", "grade",
           label="field.grade"),
        _f("grade_reason", "text", "等级原因", "等級原因"),
        *(_f(flag, "bool", label=f"fact.{flag}") for flag in _FLAGS),
        _f("facts", "facts", "其他", "其它"),
        _f("competitors", "json", "竞争对手", "競爭對手"),
        _f("created_at", "instant", "创建时间", "建立時間", "录入时间", "錄入時間", "added"),
    ),
    "contacts": (
        _f("customer", "ref", *_CUSTOMER_REF, label="what.customer"),
        _f("name", "name", "姓名", "联系人", "聯絡人", "名字", "联系人姓名", "聯絡人姓名", "contact"),
        _f("title", "line", "职务", "職務", "职位", "職位", "头衔", "頭銜", "job title", "position"),
        _f("department", "line", "部门", "部門"),
        _f("roles", "enums", "角色", "采购角色", "採購角色", "role", vocab="ROLE"),
        _f("attitude", "enum", "态度", "態度", vocab="ATTITUDE"),
        _f("stage", "enum", "关系阶段", "關係階段", "阶段", "階段", vocab="STAGE"),
        _f("is_primary", "bool", "主要联系人", "主要聯絡人", "首要联系人", "primary"),
        _f("phones", "items", "手机", "手機", "电话", "電話", "手机号", "手機號", "联系电话", "聯絡電話",
           "mobile", "phone", "tel"),
        _f("email", "email", "邮箱", "郵箱", "电子邮件", "電子郵件", "邮件", "郵件", "e-mail", "mail"),
        _f("wechat", "line", "微信", "微信号", "微信號"),
        _f("birthday", "birthday", "生日", "出生日期", "birth date", "birthdate"),
        _f("birthday_lunar", "bool", "农历", "農曆", "农历生日", "農曆生日", "lunar"),
        _f("birthday_leap", "bool", "闰月", "閏月", "leap"),
        *(_f(p, "text") for p in _PERSONAL),
        _f("facts", "facts", "其他", "其它"),
    ),
    "deals": (
        _f("customer", "ref", *_CUSTOMER_REF, label="what.customer"),
        _f("title", "name", "项目", "項目", "项目名称", "項目名稱", "商机", "商機", "商机名称", "商機名稱",
           "名称", "名稱", "专案", "專案", "deal", "opportunity", label="field.deal_title"),
        _f("amount", "amount", "金额", "金額", "预计金额", "預計金額", "项目金额", "項目金額", "value"),
        _f("stage", "enum", "阶段", "階段", "销售阶段", "銷售階段", vocab="DEAL_STAGE"),
        _f("outcome", "enum", "结果", "結果", "赢单/丢单", vocab="OUTCOME"),
        _f("lost_reason", "text", "丢单原因", "丟單原因"),
        _f("expected_close", "date", "预计成交", "預計成交", "预计成交日期", "預計成交日期", "预计签单", "close date"),
        _f("chance", "int", "赢率", "贏率", "成功率", "probability"),
        _f("purchase_plan", "text", "采购计划", "採購計畫"),
        _f("problem", "text", "问题", "問題"),
        _f("timetable", "text", "时间表", "時間表"),
        _f("budget", "amount", "预算", "預算"),
        _f("process", "text", "采购流程", "採購流程", label="field.purchase_process"),
        _f("price", "amount", "价格", "價格", "成交价", "成交價"),
        _f("delivery_date", "date", "交货日期", "交貨日期"),
        _f("warranty", "text", "质保", "質保", "保修"),
        _f("payment_terms", "text", "付款条件", "付款條件"),
        _f("service", "text", "售后服务", "售後服務", label="field.after_sales_service"),
        _f("contract_date", "date", "合同日期", "簽約日期", "签约日期"),
        _f("delivered_on", "date", "交付日期", "验收日期", "驗收日期"),
        _f("closed_on", "date", "成交日期", "结束日期", "結束日期"),
        _f("stage_entered", "date", "进入阶段日期", "進入階段日期"),
        _f("competitors", "json", "竞争对手", "競爭對手"),
        _f("no_competitor", "bool", "无竞争对手", "無競爭對手"),
        _f("roles", "json", "采购角色", "採購角色", "buying centre"),
        _f("after_sale_done", "date", "售后回访完成", "售後回訪完成"),
        # What is at risk on an open deal as of the day exported (``deal list``'s codes); an
        # import reads past it: risks are worked out, never stored.
        _f("risks", "items", "风险", "風險"),
    ),
    "visits": (
        _f("customer", "ref", *_CUSTOMER_REF, label="what.customer"),
        _f("date", "date", "日期", "拜访日期", "拜訪日期", "时间", "時間"),
        _f("kind", "enum", "方式", "拜访方式", "拜訪方式", "类型", "類型", vocab="VISIT_KIND",
           label="field.visit_kind"),
        _f("contacts", "refs", "联系人", "聯絡人", "参与人", "參與人", "拜访对象", "拜訪對象"),
        _f("note", "text", "备注", "備註", "内容", "內容", "记录", "記錄", "notes", label="field.visit_note"),
        _f("purpose", "text", "目的", "拜访目的", "拜訪目的", label="field.visit_purpose"),
        _f("planned", "bool", "计划", "計畫", "计划中", "計畫中"),
        _f("gift_value", "amount", "礼品金额", "禮品金額", "礼品", "禮品", "gift"),
        _f("satisfaction", "int", "满意度", "滿意度"),
        _f("next", "line", "下一步", "下一步行动", "下一步行動", "next action", label="field.next_action"),
        _f("next_due", "date", "下一步日期", "下次日期", "next due"),
        _f("next_done", "date", "下一步完成", "完成日期", "done", label="field.next_action_done"),
        _f("next_contact", "ref", "下一步联系人", "下一步聯絡人"),
    ),
    "payments": (
        _f("deal", "ref", "项目", "項目", "项目名称", "項目名稱", "合同", "合約", "专案", "專案",
           label="what.deal"),
        _f("customer", "ref", *_CUSTOMER_REF, label="what.customer"),
        _f("kind", "enum", "类型", "類型", "款项类型", "款項類型", vocab="PAYMENT_KIND"),
        _f("amount", "amount", "金额", "金額", "款项", "款項"),
        _f("date", "date", "日期", "到期日", "收款日期", "到账日期", "到帳日期", "due"),
        _f("note", "text", "备注", "備註", "说明", "說明", label="field.payment_note"),
    ),
}

# What must be in every row (a column for each, in the file or the map).
REQUIRED = {"customers": ("name",), "contacts": ("customer", "name"), "deals": ("customer", "title"),
            "visits": ("customer",), "payments": ("deal", "amount")}


def fields(table: str) -> tuple[Field, ...]:
    return FIELDS[table]


def field(table: str, code: str) -> Field:
    return next(f for f in FIELDS[table] if f.code == code)


def _key(header: str) -> str:
    return re.sub(r"[\s_\-:：*＊]+", "", header).lower()


def spellings(f: Field, labels: dict[str, Sequence[str]]) -> list[str]:
    """Every header that names ``f``: its code, its catalogue labels, its synonyms."""
    found = [f.code, f.code.replace("_", " ")]
    found += labels.get(f.label_key or f"field.{f.code}", ())
    return found + list(f.synonyms)


def header_index(table: str, labels: dict[str, Sequence[str]], mapped: dict[str, str] | None = None
                 ) -> dict[str, str]:
    """Every accepted header spelling (normalised) -> field code. A map's columns win, then codes,
    labels and synonyms, in the table's field order (the first field to claim a word keeps it)."""
    index: dict[str, str] = {}
    for f in FIELDS[table]:
        for spelling in spellings(f, labels):
            index.setdefault(_key(spelling), f.code)
    for header, code in (mapped or {}).items():
        index[_key(header)] = code
    return index


def _parts(header: str) -> Iterable[str]:
    """A header and its parts: ``客户名称/name``, ``姓名 (name)``, ``name 姓名``."""
    yield header
    yield from (p for p in re.split(r"[/|（）()\[\]【】\s]+", header) if p)


def resolve(headers: Sequence[str], index: dict[str, str]) -> dict[int, str]:
    """Column position -> field code for the headers recognised; the first column wins a field."""
    out: dict[int, str] = {}
    taken: set[str] = set()
    for position, header in enumerate(headers):
        for part in _parts(str(header or "").strip()):
            code = index.get(_key(part))
            if code and code not in taken:
                out[position] = code
                taken.add(code)
                break
    return out


def header_row(rows: Sequence[Sequence[str]], index: dict[str, str], *, look: int = 5) -> int:
    """Which of the first rows is the header: the one naming the most fields (a sheet may have a
    title row, or a merged group heading above the real headers)."""
    best, best_count = 0, -1
    for i, row in enumerate(rows[:look]):
        count = len(resolve(row, index))
        if count > best_count:
            best, best_count = i, count
    return best


def template_headers(table: str, labels: dict[str, Sequence[str]]) -> list[str]:
    """A template's headers: the everyday 简体 word (else the catalogue's label) and the code,
    ``客户名称/name``."""
    out = []
    for f in FIELDS[table]:
        zh = labels.get(f.label_key or f"field.{f.code}")
        word = f.synonyms[0] if f.synonyms else (zh[1] if zh else "")
        out.append(f"{word}/{f.code}" if word and word != f.code else f.code)
    return out
