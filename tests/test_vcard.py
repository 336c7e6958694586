"""A salesperson moves contacts between kacli and a phone or address book as vCards."""

from __future__ import annotations

import json
import stat

# Cards in the shapes of khard's test fixtures (vCard 4.0 and 3.0, a compact BDAY, a text BDAY,
# a TEL given as a URI value, an organisation-only card, CATEGORIES) plus a Chinese business card.
KHARD_SHAPES = """BEGIN:VCARD
VERSION:4.0
FN:second contact
UID:testuid1
BDAY:20180120
EMAIL;TYPE=home:user@example.com
TEL:0123456789
END:VCARD
BEGIN:VCARD
VERSION:4.0
FN:text birthday
UID:testuid3
BDAY;VALUE=text:circa 1800
END:VCARD
BEGIN:VCARD
VERSION:4.0
UID:429A43AB-52F2-4714-AA62-077528A12464
KIND:org
FN:ACME Inc.
ORG:ACME Inc.;
END:VCARD
BEGIN:VCARD
VERSION:3.0
UID:bf3lycta2gmsk1ts57owath965h38709zoyu
FN:bug 195
REV:20180923T191324Z
TEL;TYPE=cell;VALUE=URI:67545678
END:VCARD
BEGIN:VCARD
VERSION:4.0
FN:contact with category
EMAIL:testcat@example.org
CATEGORIES:testcategory
UID:cat1
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:王总
N:王;总;;;
ORG:鼎盛贸易;采购部
TITLE:总经理
TEL;TYPE=CELL:139-2650-8888
CATEGORIES:决策者
END:VCARD
"""


def test_cards_in_khards_shapes_import(kacli, tmp_path):
    (tmp_path / "k.vcf").write_text(KHARD_SHAPES, encoding="utf-8")
    result = kacli.ok("import", "vcard", tmp_path / "k.vcf", "--json")
    customers, contacts = json.loads(result.stdout)
    assert (customers["added"], contacts["added"]) == (6, 5)
    names = {c["name"]: c for c in kacli.json("customer", "list")}
    assert names["ACME Inc."]["contacts"] == 0 and names["ACME Inc."]["kind"] == "org"
    assert names["second contact"]["kind"] == "person"  # no ORG: an individual buyer
    first = kacli.json("contact", "show", "second contact")
    assert first["birthday"]["year"] == 2018 and first["email"] == "user@example.com"
    assert first["phones"] == ["0123456789"]
    assert kacli.json("contact", "show", "text birthday")["birthday"] is None
    assert kacli.json("contact", "show", "bug 195")["phones"] == ["67545678"]
    wang = kacli.json("contact", "show", "王总")
    assert (wang["customer"], wang["department"], wang["title"], wang["roles"]) == (
        "鼎盛贸易", "采购部", "总经理", ["decision_maker"])
    assert kacli.json("contact", "show", "contact with category")["roles"] == []


def test_importing_the_same_cards_again_adds_nothing(kacli, tmp_path):
    (tmp_path / "k.vcf").write_text(KHARD_SHAPES, encoding="utf-8")
    kacli.ok("import", "vcard", tmp_path / "k.vcf")
    again = json.loads(kacli.ok("import", "vcard", tmp_path / "k.vcf", "--json").stdout)
    assert [s["added"] for s in again] == [0, 0]


def test_customer_option_puts_every_card_at_one_customer(kacli, tmp_path):
    kacli.ok("customer", "add", "华信地产")
    (tmp_path / "k.vcf").write_text(KHARD_SHAPES, encoding="utf-8")
    kacli.ok("import", "vcard", tmp_path / "k.vcf", "--customer", "hxdc")
    assert len(kacli.json("customer", "show", "华信地产")["contacts"]) == 5
    assert len(kacli.json("customer", "list")) == 1


def test_export_writes_vcard_3_with_lunar_birthdays_kept(kacli, tmp_path):
    import vobject

    kacli.ok("customer", "add", "华信地产")
    kacli.ok("contact", "add", "华信地产", "刘主任", "--title", "办公室主任", "--role", "buyer,coach",
             "--phone", "138-1100-2233", "--email", "liu@example.com", "--birthday", "1975-04-10", "--lunar",
             "--department", "办公室")
    kacli.ok("contact", "add", "华信地产", "张董", "--birthday", "05-01")
    kacli.ok("customer", "add", "天福茗茶")
    kacli.ok("contact", "add", "天福茗茶", "小陈")
    kacli.ok("export", "vcard", "-o", tmp_path / "c.vcf", "华信地产")
    assert stat.S_IMODE((tmp_path / "c.vcf").stat().st_mode) == 0o600
    cards = {c.fn.value: c for c in vobject.readComponents((tmp_path / "c.vcf").read_text(encoding="utf-8"))}
    assert set(cards) == {"刘主任", "张董"}
    liu = cards["刘主任"]
    assert liu.version.value == "3.0" and liu.org.value == ["华信地产", "办公室"]
    assert (liu.title.value, liu.tel.value, liu.email.value) == ("办公室主任", "138-1100-2233", "liu@example.com")
    assert liu.contents["x-kacli-lunar-birthday"][0].value == "1975-04-10" and "bday" not in liu.contents
    assert "1975-04-10" in liu.note.value and liu.categories.value == ["buyer", "coach"]
    assert cards["张董"].bday.value == "--05-01"


def test_exported_cards_import_into_another_dossier(kacli, tmp_path, monkeypatch):
    kacli.ok("customer", "add", "华信地产")
    kacli.ok("contact", "add", "华信地产", "刘主任", "--role", "buyer", "--birthday", "1975-04-10", "--lunar",
             "--phone", "138-1100-2233")
    kacli.ok("contact", "add", "华信地产", "张董", "--birthday", "1962-05-01")
    kacli.ok("export", "vcard", "-o", tmp_path / "c.vcf")
    monkeypatch.setenv("KACLI_DB", str(tmp_path / "phone.db"))
    kacli.ok("import", "vcard", tmp_path / "c.vcf")
    liu = kacli.json("contact", "show", "刘主任")
    assert liu["birthday"] == {"year": 1975, "month": 4, "day": 10, "lunar": True, "leap": False}
    assert (liu["customer"], liu["roles"], liu["phones"]) == ("华信地产", ["buyer"], ["138-1100-2233"])
    assert kacli.json("contact", "show", "张董")["birthday"]["year"] == 1962
