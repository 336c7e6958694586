"""The dossier's tables as SQLModel classes, used by writes.

The schema itself comes from ``migrations.py``; these classes must describe the same columns
(a test compares them). Lists (phones, tags, roles...) are JSON arrays in TEXT columns; dates are
ISO ``YYYY-MM-DD`` text; instants are UTC ISO text; money is integer fen.
"""

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


class Competitor(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id")
    name: str
    product: str | None = None
    satisfaction: int | None = None
    salesperson: str | None = None
    style: str | None = None
    relationship: str | None = None


class Contact(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id")
    name: str
    name_pinyin: str = ""
    name_initials: str = ""
    name_key: str = ""
    title: str | None = None
    department: str | None = None
    roles: str = "[]"
    attitude: str | None = None
    stage: str = "acquainted"
    is_primary: bool = False
    phones: str = "[]"
    email: str | None = None
    wechat: str | None = None
    birth_year: int | None = None
    birth_month: int | None = None
    birth_day: int | None = None
    birthday_lunar: bool = False
    birthday_leap: bool = False
    family: str | None = None
    hometown: str | None = None
    university: str | None = None
    sports: str | None = None
    food: str | None = None
    pets: str | None = None
    books: str | None = None
    last_holiday: str | None = None
    next_holiday: str | None = None
    travel: str | None = None
    org_role: str | None = None
    colleagues: str | None = None
    goals: str | None = None
    career: str | None = None
    forgotten_at: str | None = None
    created_at: str
    updated_at: str


class CustomerFact(SQLModel, table=True):
    __tablename__ = "customer_fact"
    customer_id: int = Field(foreign_key="customer.id", primary_key=True)
    key: str = Field(primary_key=True)
    value: str


class ContactFact(SQLModel, table=True):
    __tablename__ = "contact_fact"
    contact_id: int = Field(foreign_key="contact.id", primary_key=True)
    key: str = Field(primary_key=True)
    value: str


class Change(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id")
    contact_id: int | None = Field(default=None, foreign_key="contact.id")
    field: str
    old: str | None = None
    new: str | None = None
    at: str


class Visit(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id")
    date: str
    kind: str
    note: str | None = None
    planned: bool = False
    purpose: str | None = None
    gift_value: int | None = None
    satisfaction: int | None = None
    created_at: str
    introduced_by: int | None = Field(default=None, foreign_key="contact.id")
    deal_id: int | None = Field(default=None, foreign_key="deal.id")


class VisitStageMove(SQLModel, table=True):
    __tablename__ = "visit_stage_move"
    visit_id: int = Field(foreign_key="visit.id", primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", primary_key=True)
    from_stage: str
    to_stage: str
    created_at: str


class VisitContact(SQLModel, table=True):
    __tablename__ = "visit_contact"
    visit_id: int = Field(foreign_key="visit.id", primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", primary_key=True)


class NextAction(SQLModel, table=True):
    __tablename__ = "next_action"
    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id")
    contact_id: int | None = Field(default=None, foreign_key="contact.id")
    visit_id: int | None = Field(default=None, foreign_key="visit.id")
    deal_id: int | None = None
    kind: str = "next"  # "next" (typed by the user) or "after_sale" (scheduled on delivery)
    text: str
    due: str | None = None
    done_on: str | None = None
    created_at: str


class Deal(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id")
    title: str
    title_pinyin: str = ""
    title_initials: str = ""
    title_key: str = ""
    amount: int | None = None
    expected_close: str | None = None
    stage: str = "discover"
    outcome: str = "open"
    lost_reason: str | None = None
    chance: int | None = None
    purchase_plan: str | None = None
    problem: str | None = None
    timetable: str | None = None
    budget: int | None = None
    process: str | None = None
    price: int | None = None
    delivery_date: str | None = None
    warranty: str | None = None
    payment_terms: str | None = None
    service: str | None = None
    contract_date: str | None = None
    delivered_on: str | None = None
    closed_on: str | None = None
    created_at: str
    updated_at: str
    hold_until: str | None = None
    hold_reason: str | None = None


class DealEvent(SQLModel, table=True):
    __tablename__ = "deal_event"
    id: int | None = Field(default=None, primary_key=True)
    deal_id: int = Field(foreign_key="deal.id")
    on_date: str
    from_stage: str | None = None
    to_stage: str | None = None
    outcome: str | None = None
    note: str | None = None
    created_at: str


class DealCompetitor(SQLModel, table=True):
    __tablename__ = "deal_competitor"
    id: int | None = Field(default=None, primary_key=True)
    deal_id: int = Field(foreign_key="deal.id")
    name: str
    position: str | None = None


class DealRole(SQLModel, table=True):
    __tablename__ = "deal_role"
    id: int | None = Field(default=None, primary_key=True)
    deal_id: int = Field(foreign_key="deal.id")
    contact_id: int = Field(foreign_key="contact.id")
    role: str
    attitude: str | None = None


class Instalment(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    deal_id: int = Field(foreign_key="deal.id")
    amount: int
    due: str
    created_at: str


class Payment(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    deal_id: int = Field(foreign_key="deal.id")
    amount: int
    date: str
    note: str | None = None
    created_at: str
