"""End to end on the two bundled sample letters, against the gold of ../shared/eval/gold_samples.json.

The province letter 1383-CV/BTGTU is the parent; the district letter of the Huyện ủy (no header, a
signature in Markdown bold, two paragraphs split by a page break) is the child.
"""

import datetime as dt
from pathlib import Path

import pytest

from models import CitationRole, Letter, System, Tier
from parsers import parse_letter

ROLES = ("parent", "child")


def collect_ids(obj: object) -> list[str]:
    """Every "id" value anywhere in a model dump, in document order."""
    out: list[str] = []

    def visit(o: object) -> None:
        if isinstance(o, dict):
            if "id" in o:
                out.append(o["id"])
            for v in o.values():
                visit(v)
        elif isinstance(o, list):
            for v in o:
                visit(v)

    visit(obj)
    return out


@pytest.fixture(scope="module")
def letters(samples_dir: Path, gold: dict) -> dict[str, Letter]:
    return {role: parse_letter(samples_dir / gold[role]["file"]) for role in ROLES}


def _unit(letter: Letter, uid: str):
    def visit(units):
        for u in units:
            if u.id == uid:
                return u
            found = visit(getattr(u, "items", [])) or visit(u.blocks)
            if found:
                return found
        return None

    unit = visit(letter.items)
    assert unit is not None, f"no unit {uid!r}"
    return unit


@pytest.mark.parametrize("role", ROLES)
def test_units_are_exactly_the_gold_units(letters, gold, role):
    """The numbered body is exactly the gold's units; the paragraphs around it carry zone ids."""
    ids = collect_ids(letters[role].model_dump())
    assert [i for i in ids if i and not i.startswith(("preamble/", "body/", "closing/"))] == gold[role]["units"]
    letter = letters[role]
    assert [p.id for p in letter.preamble] == [f"preamble/{k}" for k in range(1, len(letter.preamble) + 1)]
    assert [p.id for p in letter.closing] == [f"closing/{k}" for k in range(1, len(letter.closing) + 1)]
    assert letter.body == []  # a letter with numbered items has no prose body


@pytest.mark.parametrize("role", ROLES)
def test_header_facts(letters, gold, role):
    header = letters[role].header
    for key, expected in gold[role]["header"].items():
        value = getattr(header, key)
        if isinstance(value, dt.date):
            value = value.isoformat()
        assert value == expected, key


@pytest.mark.parametrize("role", ROLES)
def test_recipient_and_cc_counts(letters, gold, role):
    assert len(letters[role].recipients) == gold[role]["recipients_count"]
    assert len(letters[role].cc) == gold[role]["cc_count"]


@pytest.mark.parametrize("role", ROLES)
def test_signature(letters, gold, role):
    signature, expected = letters[role].signature, gold[role]["signature"]
    if expected is None:
        assert signature is None
        assert "no-signature" in {w.code for w in letters[role].warnings}
    else:
        assert signature is not None
        assert {k: getattr(signature, k) for k in expected} == expected


@pytest.mark.parametrize("role", ROLES)
def test_every_required_citation_is_found(letters, gold, role):
    symbols = {c.symbol for c in letters[role].citations}
    missing = [s for s in gold[role]["citations_must"] if s not in symbols]
    assert not missing


@pytest.mark.parametrize(
    ("role", "symbol", "date"),
    [
        ("parent", "8371-CV/BTGTW", dt.date(2024, 5, 10)),
        ("child", "1232-CV/BTGTU", dt.date(2024, 5, 23)),
    ],
)
def test_implemented_source(letters, role, symbol, date):
    found = [c for c in letters[role].citations if c.symbol == symbol]
    assert len(found) == 1
    citation = found[0]
    assert citation.role is CitationRole.IMPLEMENTS
    assert citation.date == date
    assert citation.where.startswith("preamble/")
    implemented = {c.symbol for c in letters[role].citations if c.role is CitationRole.IMPLEMENTS}
    assert implemented == {symbol}


def test_parent_source_names_its_issuing_body(letters):
    (citation,) = [c for c in letters["parent"].citations if c.symbol == "8371-CV/BTGTW"]
    assert citation.issuing_body == "Ban Tuyên giáo Trung ương"
    assert citation.kind == "Công văn"


def test_named_only_citation_in_parent(letters):
    named = [c for c in letters["parent"].citations if c.symbol is None and c.where == "1.5"]
    assert [c.name for c in named] == ["Trung ương 4 khóa XII"]
    assert named[0].kind == "Nghị quyết"


def test_parent_tier_and_system(letters):
    parent = letters["parent"]
    assert parent.system is System.PARTY
    assert parent.tier is Tier.PROVINCE
    assert parent.header.issuer == "BAN TUYÊN GIÁO"
    assert parent.header.parent_issuer == "TỈNH ỦY BÌNH PHƯỚC"


def test_child_tier_is_inferred_with_a_warning(letters):
    child = letters["child"]
    assert child.tier is Tier.DISTRICT
    assert child.system is System.PARTY
    tier_notes = [w.message for w in child.warnings if w.code == "tier"]
    assert len(tier_notes) == 1
    assert "inferred" in tier_notes[0]
    assert "no-header" in {w.code for w in child.warnings}


@pytest.mark.parametrize(
    ("uid", "before_break", "after_break"),
    [
        ("1.4", "Nghị quyết Trung ương 4", "khóa XII và Kết luận số 21-KL/TW"),
        ("4/2", "bảo vệ Tổ quốc... với tinh thần", "tuyên truyền kỷ niệm các ngày lễ lớn"),
    ],
)
def test_child_page_break_split_is_one_block(letters, uid, before_break, after_break):
    unit = _unit(letters["child"], uid)
    assert before_break in unit.text
    assert after_break in unit.text
    assert unit.text.index(before_break) < unit.text.index(after_break)
    assert unit.span.last > unit.span.first  # built from two source lines
    assert "\n" in unit.raw


def test_child_named_citation_across_the_page_break(letters):
    """The page break falls inside "Nghị quyết Trung ương 4 | khóa XII": rejoined, it is one name."""
    names = [c.name for c in letters["child"].citations if c.where == "1.4" and c.symbol is None]
    assert "Trung ương 4 khóa XII" in names


@pytest.mark.parametrize("role", ROLES)
def test_citation_offsets_point_into_their_unit(letters, role):
    letter = letters[role]
    texts = {"header": letter.header.subject}
    texts |= {f"preamble/{k}": p.text for k, p in enumerate(letter.preamble, 1)}
    texts |= {f"closing/{k}": p.text for k, p in enumerate(letter.closing, 1)}
    for item in letter.walk_items():
        texts[item.id] = item.text
        stack = list(item.blocks)
        while stack:
            block = stack.pop()
            texts[block.id] = block.text
            stack.extend(block.blocks)
    for c in letter.citations:
        assert texts[c.where][c.start : c.end] == c.text


def test_pipeline_answers_ents_for_the_parent_preamble(letters, nlp):
    text = letters["parent"].preamble[-1].text
    doc = nlp(text)
    assert doc.text == text
    assert [c.symbol for c in doc._.citations if c.symbol] == ["8371-CV/BTGTW"]
    labels = {e.label_ for e in doc.ents}
    assert "CITATION" in labels
