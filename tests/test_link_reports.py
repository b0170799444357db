"""The Markdown and HTML link reports: summary figures, redline marks, a self-contained page that
escapes every piece of document text, a legend and an anchor per parent item."""

import re
from html.parser import HTMLParser

import pytest
from letter_factory import A_MODIFIED, A, item, pair

from cascade.linking import link_letters
from cascade.reports.html import render_html
from cascade.reports.markdown import render_markdown

HOSTILE = ("Kiểm tra trang tin điện tử <script>alert(1)</script> của Sở Thông tin & Truyền thông, gỡ bỏ các nội dung "
           "sai trái, xuyên tạc trên mạng xã hội và báo chí.")
QUOTED_PARENT = ("Tổ chức triển khai quyết liệt phong trào thi đua “Xóa nhà tạm, nhà dột nát” trên địa bàn của tỉnh, "
                 "hoàn thành mục tiêu đề ra trong năm 2025.")
QUOTED_CHILD = ('Tổ chức triển khai quyết liệt phong trào thi đua "Xóa nhà tạm, nhà dột nát" trên địa bàn của huyện, '
                "hoàn thành mục tiêu đề ra trong năm 2025.")
DROPPED = ("Phân tích bối cảnh tình hình trong nước và thế giới năm 2025 và các năm tiếp theo; cơ hội, thách thức và "
           "dự báo tác động đến tình hình kinh tế - xã hội.")
LOCAL_MARKUP = ("Tổ chức <b>hội thi</b> & giao lưu văn nghệ chào mừng ngày thành lập huyện, có sự tham gia của các xã, "
                "thị trấn trên địa bàn.")


@pytest.fixture
def result(tmp_path):
    parent, child = pair(
        tmp_path,
        item("1.", A) + item("2.", HOSTILE) + item("3.", QUOTED_PARENT) + item("4.", DROPPED),
        item("1.", A_MODIFIED) + item("2.", HOSTILE) + item("3.", QUOTED_CHILD) + item("4.", LOCAL_MARKUP),
    )
    r = link_letters(parent, child)
    assert {(link.parent, link.child) for link in r.links} == {("1", "1"), ("2", "2"), ("3", "3")}
    assert r.dropped == ["4"] and r.added == ["4"]
    return r


# --- Markdown ------------------------------------------------------------------------------------------


def test_markdown_summary_table(result):
    md = render_markdown(result)
    assert md.startswith("# Cascade link report\n")
    assert "## Summary" in md
    assert "| figure | value |\n|---|---|\n" in md
    s = result.summary
    assert f"| parent items carried down | {s.parent_items_carried} of {s.parent_items} |" in md
    assert "| parent items carried down | 3 of 4 |" in md
    assert "| parent items dropped | 1 |" in md
    assert "| child items with no parent (local) | 1 of 4 |" in md
    assert f"| retention (parent words carried) | {s.retention:.1%} |" in md
    assert "- Citation check: **exact**" in md


def test_markdown_redline_marks(result):
    md = render_markdown(result)
    line = next(x for x in md.splitlines() if x.startswith("- `1` → `1`"))
    assert "(modified, adapted " in line and ", kept " in line
    assert "~~đề cao vai trò, trách nhiệm của cấp ủy đảng, chính quyền các cấp.~~" in line
    assert "**gắn với kỷ niệm 30 năm thành lập huyện.**" in line
    localised = next(x for x in md.splitlines() if x.startswith("- `3` → `3`"))
    assert "của ~~tỉnh,~~ _huyện,_ hoàn thành" in localised
    assert "### Parent item `1` → `1`" in md
    assert "### Parent item `4` → dropped" in md
    assert "- `4` dropped: ~~" in md
    assert "## Local additions in the child" in md
    assert "- `4` **Tổ chức" in md


def test_markdown_escapes_markup_in_document_text(result):
    md = render_markdown(result)
    assert "<script>" not in md and "<b>" not in md
    assert r"\<script\>alert(1)\</script\>" in md


# --- HTML ----------------------------------------------------------------------------------------------


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.ids: list[str] = []
        self.text: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs
        self.ids += [v for k, v in attrs if k == "id" and v is not None]

    def handle_data(self, data):
        self.text.append(data)


def parsed(html: str) -> _Collector:
    c = _Collector()
    c.feed(html)
    c.close()
    return c


def test_html_is_self_contained(result):
    html = render_html(result)
    assert html.startswith("<!DOCTYPE html>")
    for outside in ("http://", "https://", "src=", "<link", "@import", "url(", "<script", "<iframe", "//cdn"):
        assert outside not in html.lower(), outside
    assert '<meta charset="utf-8">' in html
    assert "<style>" in html


def test_html_escapes_document_text(result):
    html = render_html(result)
    assert "<script>" not in html and "</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Thông tin &amp; Truyền thông" in html
    assert "&lt;b&gt;hội thi&lt;/b&gt; &amp; giao lưu" in html
    doc = parsed(html)
    allowed = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "span", "table",
               "ul", "ol", "li", "a", "tr", "td", "main", "div", "del", "ins"}
    assert set(doc.tags) <= allowed, set(doc.tags) - allowed
    text = "".join(doc.text)
    assert "<script>alert(1)</script>" in text  # shown to the reader as text
    # a straight quote in the document never closes an attribute: the orthographic span's title keeps it
    titles = [v for k, v in doc.attrs if k == "title"]
    assert any('"' in (t or "") for t in titles)
    assert all(k in {"lang", "charset", "name", "content", "class", "id", "title", "href"} for k, _ in doc.attrs)
    assert all(v.startswith("#") for k, v in doc.attrs if k == "href")  # only links within the page


def test_html_escapes_the_title(result):
    html = render_html(result, title="<i>Báo cáo</i> & so sánh")
    assert "<title>&lt;i&gt;Báo cáo&lt;/i&gt; &amp; so sánh</title>" in html
    assert "<i>" not in html


def test_html_legend(result):
    html = render_html(result)
    legend = re.search(r'<p class="legend">(.*?)</p>', html)
    assert legend
    for kind in ("trimmed", "added", "localised", "orthographic"):
        assert f'<span class="{kind}">{kind}</span>' in legend.group(1)
    assert ".trimmed" in html and ".added" in html  # the legend's colours are in the inline CSS


def test_html_anchor_per_parent_item(result):
    html = render_html(result)
    doc = parsed(html)
    assert len(doc.ids) == len(set(doc.ids))  # anchors are unique
    for it in result.parent.walk_items():
        assert doc.ids.count(f"p-{it.id}") == 1
    assert 'id="p-4"' in html and "Parent item 4 → dropped" in html
    assert "c-4" in doc.ids and "local" in doc.ids


def test_html_anchors_for_nested_items_and_blocks(tmp_path):
    parent, child = pair(tmp_path, item("1.", A, f"- {HOSTILE}") + item("1.1.", QUOTED_PARENT) + item("1.2.", DROPPED),
                         item("1.", A, f"- {HOSTILE}") + item("1.1.", QUOTED_CHILD))
    r = link_letters(parent, child)
    doc = parsed(render_html(r))
    assert [i for i in doc.ids if i.startswith("p-")] == ["p-preamble/1", "p-1", "p-1.1", "p-1.2"]


def test_html_shows_the_diff_on_both_sides(result):
    html = render_html(result)
    assert "<del>đề cao vai trò, trách nhiệm của cấp ủy đảng, chính quyền các cấp.</del>" in html
    assert "<ins>gắn với kỷ niệm 30 năm thành lập huyện.</ins>" in html
    assert '<span class="localised" title="localised: huyện, ">tỉnh, </span>' in html
    assert '<span class="badge exact">exact</span>' in html
