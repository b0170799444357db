"""cascade.diff.diff_texts: each span kind, syllable-safe boundaries, and exact rebuild of both texts."""

import itertools
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cascade.diff import diff_texts
from models import DiffSpan, SpanKind

PCTNTC = {"PCTNTC": ["phòng", "chống", "tham", "nhũng", "tiêu", "cực"]}


def kinds(spans: list[DiffSpan]) -> list[tuple[str, str, str]]:
    return [(s.kind.value, s.parent, s.child) for s in spans]


def changed(spans: list[DiffSpan]) -> list[tuple[str, str, str]]:
    """The spans that are not plain equal, stripped of surrounding space and punctuation."""
    return [(s.kind.value, s.parent.strip(" ,.;"), s.child.strip(" ,.;"))
            for s in spans if s.kind is not SpanKind.EQUAL]


def rebuilds(spans: list[DiffSpan], parent: str, child: str) -> bool:
    return "".join(s.parent for s in spans) == parent and "".join(s.child for s in spans) == child


def _wordy(ch: str) -> bool:
    """A character that belongs to a word: letter, digit or combining mark (tone, hook, horn)."""
    return ch.isalnum() or unicodedata.category(ch).startswith("M")


def syllable_cuts(spans: list[DiffSpan]) -> list[tuple[str, str, str]]:
    """Places where a span on one side starts with a word character continuing a word character at the
    end of the text before it on the same side (so a span boundary falls inside a syllable)."""
    cuts = []
    for side in ("parent", "child"):
        so_far = ""
        for s in spans:
            text = getattr(s, side)
            if text and so_far and _wordy(so_far[-1]) and _wordy(text[0]):
                cuts.append((side, so_far[-12:], text[:12]))
            so_far += text
    return cuts


# --- each span kind ---------------------------------------------------------------------------------


def test_identical_text_is_one_equal_span():
    text = "Tuyên truyền sâu rộng chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước."
    assert kinds(diff_texts(text, text)) == [("equal", text, text)]


def test_empty_texts_give_no_span_and_one_sided_texts_are_all_trimmed_or_added():
    assert diff_texts("", "") == []
    assert kinds(diff_texts("Tổ chức hội nghị.", "")) == [("trimmed", "Tổ chức hội nghị.", "")]
    assert kinds(diff_texts("", "Tổ chức hội nghị.")) == [("added", "", "Tổ chức hội nghị.")]


def test_a_removed_clause_is_trimmed():
    parent = ("Tuyên truyền sâu rộng chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước trên các "
              "lĩnh vực.")
    child = "Tuyên truyền sâu rộng chủ trương, đường lối của Đảng trên các lĩnh vực."
    spans = diff_texts(parent, child)
    assert changed(spans) == [("orthographic", "Đảng", "Đảng"), ("trimmed", "chính sách, pháp luật của Nhà nước", "")]
    assert not [s for s in spans if s.kind is SpanKind.ADDED]
    assert rebuilds(spans, parent, child)


def test_a_local_clause_is_added():
    parent = "Phát động các phong trào thi đua yêu nước năm 2024 và các năm tiếp theo."
    child = parent[:-1] + " gắn với kỷ niệm 30 năm thành lập huyện."
    spans = diff_texts(parent, child)
    added = [s.child for s in spans if s.kind is SpanKind.ADDED]
    assert added == ["gắn với kỷ niệm 30 năm thành lập huyện."]
    assert not [s for s in spans if s.kind is SpanKind.TRIMMED]
    assert rebuilds(spans, parent, child)


def test_trimmed_and_added_together():
    parent = "Tăng cường kiểm tra, giám sát việc thực hiện nhiệm vụ chính trị của cơ quan."
    child = "Tăng cường kiểm tra, giám sát việc thực hiện kế hoạch công tác năm của cơ quan."
    spans = diff_texts(parent, child)
    assert [s.parent.strip() for s in spans if s.kind is SpanKind.TRIMMED] == ["nhiệm vụ chính trị"]
    assert [s.child.strip() for s in spans if s.kind is SpanKind.ADDED] == ["kế hoạch công tác năm"]
    assert rebuilds(spans, parent, child)


@pytest.mark.parametrize(
    ("parent", "child", "swap"),
    [
        ("phát triển kinh tế - xã hội của tỉnh trong năm 2024", "phát triển kinh tế - xã hội của huyện trong năm 2024",
         ("tỉnh", "huyện")),
        ("Tỉnh ủy chỉ đạo tổ chức tốt công tác tuyên truyền", "Huyện ủy chỉ đạo tổ chức tốt công tác tuyên truyền",
         ("Tỉnh", "Huyện")),
        ("theo hướng dẫn của Bộ Văn hóa, Thể thao và Du lịch", "theo hướng dẫn của Sở Văn hóa, Thể thao và Du lịch",
         ("Bộ", "Sở")),
    ],
    ids=["của tỉnh→của huyện", "Tỉnh ủy→Huyện ủy", "Bộ→Sở"],
)
def test_tier_words_swapped_are_localised(parent, child, swap):
    spans = diff_texts(parent, child)
    assert changed(spans) == [("localised", *swap)]
    assert rebuilds(spans, parent, child)


def test_docstring_example():
    assert kinds(diff_texts("của tỉnh Bình Phước", "của huyện Bình Phước")) == [
        ("equal", "của ", "của "), ("localised", "tỉnh ", "huyện "), ("equal", "Bình Phước", "Bình Phước")]


@pytest.mark.parametrize(
    ("parent", "child", "pair"),
    [
        ("phối hợp hài hoà các lợi ích", "phối hợp hài hòa các lợi ích", ("hoà", "hòa")),
        ("công trình thuỷ lợi nội đồng", "công trình thủy lợi nội đồng", ("thuỷ", "thủy")),
        ("cải thiện đời sống nhân dân vùng sâu", "cải thiện đời sống Nhân dân vùng sâu", ("nhân", "Nhân")),
        ("phong trào thi đua “Xóa nhà tạm” năm 2024", 'phong trào thi đua "Xóa nhà tạm" năm 2024', None),
        ("chỉ đạo của UBND tỉnh", "chỉ đạo của Ủy ban nhân dân tỉnh", ("UBND", "Ủy ban nhân dân")),
        ("chỉ đạo của Ủy ban nhân dân tỉnh", "chỉ đạo của UBND tỉnh", ("Ủy ban nhân dân", "UBND")),
    ],
    ids=["hoà/hòa", "thuỷ/thủy", "nhân dân/Nhân dân", "curly/straight quotes", "UBND→long", "long→UBND"],
)
def test_spelling_noise_is_orthographic(parent, child, pair):
    spans = diff_texts(parent, child)
    assert {s.kind for s in spans} <= {SpanKind.EQUAL, SpanKind.ORTHOGRAPHIC}
    ortho = [s for s in spans if s.kind is SpanKind.ORTHOGRAPHIC]
    assert ortho
    if pair is not None:
        assert [(s.parent.strip(), s.child.strip()) for s in ortho] == [pair]
    assert rebuilds(spans, parent, child)


def test_curly_quotes_mark_only_the_words_they_ride_on():
    spans = diff_texts("thi đua “Xóa nhà tạm”", 'thi đua "Xóa nhà tạm"')
    ortho = [(s.parent, s.child) for s in spans if s.kind is SpanKind.ORTHOGRAPHIC]
    assert ortho == [("đua “", 'đua "'), ("tạm”", 'tạm"')]


def test_defined_abbreviation_meets_its_long_form_when_the_map_is_passed():
    parent = "đẩy mạnh PCTNTC trong cán bộ, đảng viên"
    child = "đẩy mạnh phòng, chống tham nhũng, tiêu cực trong cán bộ, đảng viên"
    spans = diff_texts(parent, child, PCTNTC)
    assert changed(spans) == [("orthographic", "PCTNTC", "phòng, chống tham nhũng, tiêu cực")]
    back = diff_texts(child, parent, PCTNTC)
    assert changed(back) == [("orthographic", "phòng, chống tham nhũng, tiêu cực", "PCTNTC")]
    assert rebuilds(spans, parent, child) and rebuilds(back, child, parent)


def test_abbreviation_and_tier_swap_in_one_text():
    spans = diff_texts("Ủy ban nhân dân tỉnh chỉ đạo", "UBND huyện chỉ đạo")
    assert changed(spans) == [("orthographic", "Ủy ban nhân dân", "UBND"), ("localised", "tỉnh", "huyện")]


def test_builtin_pctntc_meets_its_long_form_without_a_map():
    spans = diff_texts("đẩy mạnh PCTNTC trong cán bộ", "đẩy mạnh phòng, chống tham nhũng, tiêu cực trong cán bộ")
    assert changed(spans) == [("orthographic", "PCTNTC", "phòng, chống tham nhũng, tiêu cực")]


def test_builtin_tier_abbreviation_is_orthographic():
    spans = diff_texts("Ban Thường vụ TU chỉ đạo", "Ban Thường vụ Tỉnh ủy chỉ đạo")
    assert changed(spans) == [("orthographic", "TU", "Tỉnh ủy")]


# --- Unicode forms -------------------------------------------------------------------------------------

NFC_TEXT = "cải thiện đời sống nhân dân vùng sâu"


def test_nfd_against_nfc_is_orthographic():
    nfd = unicodedata.normalize("NFD", NFC_TEXT)
    assert nfd != NFC_TEXT
    spans = diff_texts(NFC_TEXT, nfd)
    assert {s.kind for s in spans} <= {SpanKind.EQUAL, SpanKind.ORTHOGRAPHIC}
    assert rebuilds(spans, NFC_TEXT, nfd)


def test_nfd_spans_never_cut_inside_a_syllable():
    parent = unicodedata.normalize("NFD", NFC_TEXT)
    child = unicodedata.normalize("NFD", NFC_TEXT.replace("nhân dân", "Nhân dân"))
    spans = diff_texts(parent, child)
    assert syllable_cuts(spans) == []


# --- span boundaries -----------------------------------------------------------------------------------

BOUNDARY_CASES = [
    ("Tuyên truyền sâu rộng chủ trương của Đảng.", "Tuyên truyền sâu rộng chủ trương của Đảng gắn với địa phương."),
    ("hài hoà các lợi ích", "hài hòa các lợi ích"),
    ("phát triển của tỉnh Bình Phước", "phát triển của huyện Bù Đăng"),
    ("Tổng kim ngạch đạt 238,9 tỷ USD, tăng 15,2%.", "Tổng kim ngạch đạt 240 tỷ USD, tăng 15%."),
    ("kinh tế - xã hội 5 năm 2021-2025", "kinh tế-xã hội 5 năm (2021 - 2025)"),
    ("đẩy mạnh PCTNTC; xử lý nghiêm", "đẩy mạnh phòng, chống tham nhũng, tiêu cực, xử lý nghiêm"),
    ("UBND xã, phường, thị trấn", "Ủy ban nhân dân các xã"),
    ("thuỷ lợi", "thủy điện"),
    ("nhà ở xã hội", "nhàởxãhội"),
]


@pytest.mark.parametrize(("parent", "child"), BOUNDARY_CASES)
def test_spans_never_cut_inside_a_syllable(parent, child):
    spans = diff_texts(parent, child, PCTNTC)
    assert syllable_cuts(spans) == []
    assert rebuilds(spans, parent, child)


def test_adjacent_spans_never_share_a_kind():
    spans = diff_texts("Tỉnh ủy và UBND tỉnh chỉ đạo hài hoà",
                       "Huyện ủy và Ủy ban nhân dân huyện chỉ đạo hài hòa, kịp thời")
    assert all(a.kind is not b.kind for a, b in itertools.pairwise(spans))
    assert all(s.parent or s.child for s in spans)


# --- properties ----------------------------------------------------------------------------------------

VI_LETTERS = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    "àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
    "AĂÂĐÊÔƠƯÀÁẠỦỨỤỲ"
)
PUNCT = " ,.;:!?()-–—“”\"'‘’/%…\n\t_"
COMBINING = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b\u00ad"
WORDS = [
    "UBND", "PCTNTC", "HĐND", "MTTQ", "TU", "HU", "tỉnh", "huyện", "xã", "Tỉnh ủy", "Huyện ủy", "Bộ", "Sở",
    "hoà", "hòa", "thuỷ", "thủy", "nhân dân", "Nhân dân", "phòng, chống tham nhũng, tiêu cực", "Ủy ban nhân dân",
    "1.2.", "2024", "15,2%", "(PCTNTC)", "Đảng", "cán bộ, đảng viên",
]
piece = st.one_of(
    st.sampled_from(WORDS),
    st.text(alphabet=VI_LETTERS + "0123456789", min_size=1, max_size=7),
    st.text(alphabet=PUNCT, min_size=1, max_size=3),
    st.text(alphabet=VI_LETTERS + PUNCT + COMBINING + "0123456789", max_size=6),
)
texts = st.lists(piece, max_size=14).map(" ".join)
nfc_texts = st.lists(st.one_of(st.sampled_from(WORDS), st.text(alphabet=VI_LETTERS + PUNCT + "0123456789",
                                                               max_size=7)), max_size=14).map(" ".join)
abbreviation_maps = st.sampled_from([None, {}, PCTNTC])
PROPERTY = settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(parent=st.one_of(texts, st.text(max_size=40)), child=st.one_of(texts, st.text(max_size=40)),
       abbreviations=abbreviation_maps)
def test_spans_rebuild_both_texts_exactly(parent, child, abbreviations):
    spans = diff_texts(parent, child, abbreviations)
    assert "".join(s.parent for s in spans) == parent
    assert "".join(s.child for s in spans) == child
    assert all(s.parent or s.child for s in spans)
    assert all(s.child == "" for s in spans if s.kind is SpanKind.TRIMMED)
    assert all(s.parent == "" for s in spans if s.kind is SpanKind.ADDED)


@PROPERTY
@given(parent=nfc_texts, child=nfc_texts, abbreviations=abbreviation_maps)
def test_nfc_spans_never_cut_inside_a_syllable(parent, child, abbreviations):
    assert syllable_cuts(diff_texts(parent, child, abbreviations)) == []


@PROPERTY
@given(text=texts.filter(lambda t: any(ch.isalnum() for ch in t)))
def test_a_text_against_itself_is_all_equal(text):
    spans = diff_texts(text, text)
    assert all(s.kind is SpanKind.EQUAL for s in spans)
    assert rebuilds(spans, text, text)


@pytest.mark.parametrize("text", [":", "- ", "..."])
def test_identical_text_without_words_is_equal(text):
    assert kinds(diff_texts(text, text)) == [("equal", text, text)]
