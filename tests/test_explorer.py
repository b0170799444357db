"""The explorer (index.html) driven in headless Chromium with Playwright: search over letters and
item texts, the relation and child filters, sorting a column, opening the tree, and clicking through
to a pair page. One browser for the module; skipped only where Chromium or Playwright is absent
(CI sets CI=true, and then they must be there)."""

import os
import shutil
from pathlib import Path

import pytest
from folder_factory import HOSTILE, build_cascade_folder
from typer.testing import CliRunner

from cli import app

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def _need(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is not installed (CI is set, so the explorer tests must run)")
    pytest.skip(f"{what} is not installed")


@pytest.fixture(scope="module")
def browser():
    exe = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not exe:
        _need("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _need("playwright")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("explorer")
    root, _ = build_cascade_folder(tmp, inject=HOSTILE)
    report = tmp / "report"
    result = CliRunner().invoke(app, ["analyse", str(root), "-o", str(report), "--jobs", "1", "-f", "html,pairs,docx"])
    assert result.exit_code == 1, result.output  # the factory folder holds broken files
    return report


@pytest.fixture
def page(browser, out: Path):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto((out / "index.html").as_uri())
    pg.wait_for_selector("body[data-ready='1']")
    yield pg
    context.close()
    assert errors == []


def test_search_finds_letters_and_item_text(page):
    page.fill("#q", "Lộc Ninh")
    page.wait_for_selector("#hits p")
    assert "78-CV/HU" in page.inner_text("#hits")
    page.fill("#q", "Hỏi &amp; Đáp")  # the hostile item: shown as written, found without its diacritics too
    page.wait_for_function("document.querySelector('#hits').innerText.includes('alert(1)')")
    hits = page.inner_text("#hits")
    assert "<script>alert(1)</script>" in hits
    assert page.locator("#hits img").count() == 0
    page.fill("#q", "zzz")
    page.wait_for_function("document.querySelector('#hits').innerText.includes('Không tìm thấy')")
    page.fill("#q", "hoi &amp; dap")
    page.wait_for_function("document.querySelector('#hits').innerText.includes('alert(1)')")


def test_relation_filter_dims_other_cells_and_hides_empty_rows(page):
    page.locator(".mxs[data-done] td.c").first.wait_for()
    cells = page.locator(".mxs[data-done] td.c")
    relations = set(cells.evaluate_all("els => els.map(e => e.dataset.rel)"))
    assert "dropped" in relations and len(relations) > 2
    page.select_option("#rel", "dropped")
    visible = page.locator(".mxs[data-done] tr:not(.hidden) td.c:not(.dim)")
    assert set(visible.evaluate_all("els => els.map(e => e.dataset.rel)")) == {"dropped"}
    page.select_option("#rel", "")
    assert page.locator(".mxs[data-done] td.c.dim").count() == 0


def test_child_filter_narrows_the_matrix_columns(page):
    section = page.locator(".mxs[data-done]").first
    before = section.locator("table.mx thead th").count()
    page.fill("#kid", "lộc ninh")
    after = section.locator("table.mx thead th").count()
    assert 1 < after < before
    assert "LỘC NINH" in section.locator("table.mx thead").inner_text()


def test_sorting_a_child_column_reorders_the_items(page):
    section = page.locator(".mxs[data-done]").first
    first_rows = section.locator("tbody tr td.item .id").all_inner_texts()
    section.locator("table.mx thead th").nth(1).click()
    desc = section.locator("tbody tr td.item .id").all_inner_texts()
    assert sorted(desc) == sorted(first_rows)
    assert desc != first_rows


def test_tree_opens_and_closes(page):
    toggle = page.locator("#tree-root > li > .tog").first
    nested = page.locator("#tree-root > li > ul").first
    assert nested.is_visible()
    toggle.click()
    assert not nested.is_visible()
    toggle.click()
    assert nested.is_visible()


def test_click_through_to_a_pair_page_and_back(page, out: Path):
    link = page.locator(".mxs[data-done] td.c a").first
    href = link.get_attribute("href")
    assert href and href.startswith("pairs/") and "#p-" in href
    link.click()
    page.wait_for_load_state()
    assert page.url.startswith((out / "pairs").as_uri())
    fragment = href.split("#", 1)[1]
    assert page.locator(f"[id='{fragment}']").count() == 1
    back = page.locator("nav.pairnav a").first
    assert back.get_attribute("href").startswith("../index.html#m-")
    back.click()
    page.wait_for_selector("body[data-ready='1']")
    assert page.url.startswith((out / "index.html").as_uri())


def test_no_horizontal_overflow(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"]
