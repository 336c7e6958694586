"""The ``customer`` table."""

from __future__ import annotations

from sqlmodel import Field, SQLModel


class Customer(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str
    name_pinyin: str = ""
    name_initials: str = ""
    name_key: str = ""  # kacli.domain.names.lookup_key(name)
    kind: str = "org"
    scope: str | None = None
    industry: str | None = None
    ownership: str | None = None
    ownership_country: str | None = None
    employees: int | None = None
    annual_revenue: int | None = None
    credit_rating: str | None = None
    address: str | None = None
    phones: str = "[]"
    lead_source: str | None = None
    product_lines: str = "[]"
    tech_notes: str | None = None
    buying_department: str | None = None
    supporting_departments: str | None = None
    org_notes: str | None = None
    business_notes: str | None = None
    tags: str = "[]"
    status: str = "prospect"
    buy_within: str | None = None
    expected_purchase: str | None = None
    purchase_cycle: str | None = None
    batch: str | None = None
    grade_manual: str | None = None
    grade_reason: str | None = None
    need: bool | None = None
    can_pay: bool | None = None
    has_authority: bool | None = None
    industry_fit: bool | None = None
    has_project_info: bool | None = None
    tech_fit: bool | None = None
    credit_good: bool | None = None
    size_sound: bool | None = None
    reach_department: bool | None = None
    reach_decision_maker: bool | None = None
    created_at: str
    updated_at: str
