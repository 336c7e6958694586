"""The ``contact`` table."""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from kacli.store.tables import references


class Contact(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(**references("customer.id"))
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
