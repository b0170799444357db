"""The folder reports (index.html, pairs/*.html) in a real browser: headless Chromium renders them,
they reach no network, their links resolve, and letter text with markup in it stays text. The
explorer is driven with Playwright on Debian's Chromium (search, filters, sorting, click-through).

The analysed folder is the cascade of tests/folder_factory.py with one hostile item injected into the
provincial letter and into D1 (a `<script>`, an `<img onerror>`, a literal "&amp;" and a bare "&").

Chromium's own background traffic (component updates, sign-in probes) is not the report's doing: in
the net log it has the initiator "not an origin"; a request made by a page opened from file:// has the
initiator "null". `test_net_log_sees_what_a_page_fetches` shows the check catches a page that does
fetch something."""

import json
import os
import re
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from folder_factory import HOSTILE, PARENT_OF, build_cascade_folder
from typer.testing import CliRunner

from cascade.reports.explorer import unpack
from cascade.reports.folder import pair_names
from cli import app

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run")
INTERNAL_SCHEMES = ("file:", "data:", "blob:", "about:", "chrome:", "chrome-extension:", "devtools:")


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("chromium is not installed (CI is set, so the browser tests must run)")
    pytest.skip("chromium is not installed")


@pytest.fixture(scope="module")
def chromium() -> str:
    return _chromium()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    tmp = tmp_path_factory.mktemp("browser")
    root, roles = build_cascade_folder(tmp, inject=HOSTILE)
    out = tmp / "report"
    result = CliRunner().invoke(app, ["analyse", str(root), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 1, result.output  # the folder holds broken files; every report is written
    pairs = sorted((roles[parent], roles[child]) for child, parent in PARENT_OF.items())
    names = pair_names(pairs)
    return {"root": root, "roles": roles, "out": out, "tmp": tmp,
            "d1_page": out / "pairs" / f"{names[(roles['province'], roles['d1'])]}.html",
            "pages": [out / "index.html", *sorted((out / "pairs").glob("*.html"))]}


class Browser:
    """One fresh headless Chromium per call, with its own profile and net log."""

    def __init__(self, exe: str, tmp: Path) -> None:
        self.exe, self.tmp, self.runs = exe, tmp, 0

    def run(self, page: Path, *mode: str) -> tuple[subprocess.CompletedProcess, Path]:
        self.runs += 1
        work = self.tmp / f"chromium-{self.runs}"
        work.mkdir(parents=True)
        net_log = work / "net-log.json"
        cmd = [self.exe, *CHROMIUM_FLAGS, f"--user-data-dir={work / 'profile'}", f"--log-net-log={net_log}",
               *mode, page.resolve().as_uri()]
        proc = subprocess.run(cmd, capture_output=True, timeout=90, cwd=work)
        assert proc.returncode == 0, proc.stderr.decode(errors="replace")[-3000:]
        return proc, net_log

    def dom(self, page: Path) -> tuple[str, Path]:
        # the explorer inflates its data asynchronously: let the page's tasks run before the dump
        proc, net_log = self.run(page, "--dump-dom", "--virtual-time-budget=15000")
        return proc.stdout.decode("utf-8"), net_log

    def screenshot(self, page: Path) -> bytes:
        shot = self.tmp / f"shot-{self.runs + 1}.png"
        self.run(page, "--window-size=1280,1600", f"--screenshot={shot}")
        return shot.read_bytes()


@pytest.fixture(scope="module")
def browser(chromium: str, report: dict) -> Browser:
    return Browser(chromium, report["tmp"])


@pytest.fixture(scope="module")
def index_dom(browser: Browser, report: dict) -> tuple[str, Path]:
    return browser.dom(report["out"] / "index.html")


@pytest.fixture(scope="module")
def pair_dom(browser: Browser, report: dict) -> tuple[str, Path]:
    return browser.dom(report["d1_page"])


# --- reading HTML and net logs --------------------------------------------------------------------


class Outline(HTMLParser):
    """Headings (tag, text), ids, every attribute, and the tags seen."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[str, str]] = []
        self.ids: set[str] = set()
        self.attrs: list[tuple[str, str, str]] = []
        self.tags: set[str] = set()
        self.text: list[str] = []
        self._heading: list[str] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            self.attrs.append((tag, name, value or ""))
            if name == "id" and value:
                self.ids.add(value)
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = [tag]

    def handle_endtag(self, tag: str) -> None:
        if self._heading and tag == self._heading[0]:
            self.headings.append((tag, " ".join("".join(self._heading[1:]).split())))
            self._heading = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._heading is not None:
            self._heading.append(data)


def heading_texts(html: str, tag: str) -> list[str]:
    return [text for t, text in Outline(html).headings if t == tag]


def page_requests(net_log: Path) -> list[tuple[str, str]]:
    """(initiator, url) of every URL request a page made; browser-internal requests left out."""
    raw = net_log.read_text(encoding="utf-8")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:  # a log cut short lacks its closing brackets
        data = json.loads(raw.rstrip().rstrip(",") + "]}")
    names = {v: k for k, v in data["constants"]["logEventTypes"].items()}
    out = []
    for event in data["events"]:
        params = event.get("params") or {}
        if (names.get(event["type"]) == "URL_REQUEST_START_JOB" and "url" in params
                and params.get("initiator") != "not an origin"):
            out.append((str(params.get("initiator")), params["url"]))
    return out


def network_requests(net_log: Path) -> list[tuple[str, str]]:
    return [(i, u) for i, u in page_requests(net_log) if not u.lower().startswith(INTERNAL_SCHEMES)]


def png_facts(data: bytes) -> tuple[int, int, int]:
    """Width, height and the number of distinct byte values in the (filtered) pixel rows."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, width, height, idat = 8, 0, 0, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", chunk[:8])
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    return width, height, len(set(zlib.decompress(idat)))


# --- rendering ------------------------------------------------------------------------------------


def test_index_renders_with_its_headings(index_dom: tuple[str, Path], report: dict):
    dom, _ = index_dom
    assert heading_texts(dom, "h1") == ["Phân tích truyền đạt văn bản"]
    h2 = heading_texts(dom, "h2")
    assert h2[:4] == ["Chú giải", "Sơ đồ truyền đạt", "Tệp không đọc được", "Cây văn bản"]
    for symbol in ("8371-CV/BTGTW", "1383-CV/BTGTU", "45-CV/HU", "112-CV/HU"):  # one section per parent
        assert any(h.startswith(symbol) for h in h2), (symbol, h2)
    assert len(h2) == 4 + 4
    text = " ".join(Outline(dom).text)
    for role in ("empty", "corrupt", "pdf", "unrelated", "c1", "c2"):
        assert report["roles"][role] in text
    assert "Nội dung bổ sung của địa phương" in text  # the first matrices render with the page


def test_pair_page_renders_with_its_headings(pair_dom: tuple[str, Path], report: dict):
    dom, _ = pair_dom
    roles = report["roles"]
    assert heading_texts(dom, "h1") == [f"{roles['province']} → {roles['d1']}"]
    h3 = heading_texts(dom, "h3")
    # the folder report's default language is Vietnamese; the letter's frame (preamble) comes first
    assert next(h for h in h3 if h.startswith("Mục cấp trên")).startswith("Mục cấp trên 1 → 1")
    assert len(h3) >= 6
    assert any(h.startswith("Nội dung bổ sung ở cấp dưới") for h in heading_texts(dom, "h2"))


@pytest.mark.parametrize("which", ["index", "pair"])
def test_screenshot_is_not_blank(browser: Browser, report: dict, which: str):
    page = report["out"] / "index.html" if which == "index" else report["d1_page"]
    png = browser.screenshot(page)
    width, height, distinct = png_facts(png)
    assert (width, height) == (1280, 1600)
    assert len(png) > 30_000  # a blank page of that size compresses to a few kB
    assert distinct > 64


# --- no network -----------------------------------------------------------------------------------

URL_ATTRS = {"src", "href", "srcset", "action", "formaction", "poster", "data", "background", "cite", "longdesc",
             "manifest", "ping", "xlink:href"}


def test_pages_hold_no_remote_reference(report: dict):
    for page in report["pages"]:
        html = page.read_text(encoding="utf-8")
        outline = Outline(html)
        assert not re.search(r"https?://(?!www\.w3\.org/2000/svg\b)", html, re.I), page.name  # no URL, even in text
        assert not re.search(r"@import|url\s*\(|\bfetch\(|XMLHttpRequest|\bimport\(", html, re.I), page.name
        assert not outline.tags & {"link", "iframe", "object", "embed", "img", "video", "audio", "source", "base",
                                   "form"}, page.name
        if page.name == "index.html":  # the explorer: inline JSON data, one inline script, an inline picture
            assert not re.search(r"<script[^>]*\bsrc\b", html, re.I)
            assert len(re.findall(r"<script>", html)) == 1
        else:
            assert not outline.tags & {"script", "svg"}, page.name
        for tag, name, value in outline.attrs:
            if name in URL_ATTRS:
                scheme = urlsplit(value.strip()).scheme
                assert scheme == "" and not value.strip().startswith("//"), (page.name, tag, name, value)
            assert not name.startswith("on"), (page.name, tag, name)  # no event handlers
        meta_refresh = [v for t, n, v in outline.attrs if t == "meta" and n == "http-equiv"]
        assert "refresh" not in [v.lower() for v in meta_refresh]


def test_index_reaches_no_network(index_dom: tuple[str, Path]):
    _, net_log = index_dom
    assert net_log.stat().st_size > 0
    assert network_requests(net_log) == []


def test_pair_page_reaches_no_network(pair_dom: tuple[str, Path]):
    _, net_log = pair_dom
    assert network_requests(net_log) == []


def test_net_log_sees_what_a_page_fetches(browser: Browser, report: dict):
    """The check above is not blind: a page that fetches (from a closed local port) shows up."""
    page = report["tmp"] / "fetching.html"
    page.write_text('<!DOCTYPE html><html><head><link rel="stylesheet" href="http://127.0.0.1:9/a.css"></head>'
                    '<body><img src="http://127.0.0.1:9/b.png"></body></html>', encoding="utf-8")
    _, net_log = browser.dom(page)
    urls = {u for _, u in network_requests(net_log)}
    assert {"http://127.0.0.1:9/a.css", "http://127.0.0.1:9/b.png"} <= urls


# --- links ----------------------------------------------------------------------------------------


def test_every_link_in_the_index_resolves(report: dict, index_dom: tuple[str, Path]):
    out = report["out"]
    index = Outline(index_dom[0])  # as rendered: the tree and the first matrices are drawn by the script
    hrefs = [v for t, n, v in index.attrs if t == "a" and n == "href"]
    assert len(hrefs) > len(PARENT_OF)  # tree links and matrix cells
    targets: dict[Path, set[str]] = {}
    for href in hrefs:
        parts = urlsplit(href)
        target = (out / unquote(parts.path)).resolve() if parts.path else (out / "index.html").resolve()
        assert target.is_file(), href
        assert out.resolve() in target.parents, href
        if parts.fragment:
            page = index_dom[0] if target.name == "index.html" else target.read_text(encoding="utf-8")
            ids = targets.setdefault(target, Outline(page).ids)
            assert unquote(parts.fragment) in ids, href
    linked = {(out / unquote(urlsplit(h).path)).resolve() for h in hrefs if urlsplit(h).path}
    assert {p.resolve() for p in (out / "pairs").glob("*")} <= linked  # every pair page and .docx is reachable
    for name in ("cascade.xlsx", "cascade.db", "links.csv", "matrix.csv", "report.md"):
        assert (out / name).resolve() in linked, name


# --- escaping -------------------------------------------------------------------------------------


def test_markup_in_letters_stays_text_in_the_files(report: dict):
    index = (report["out"] / "index.html").read_text(encoding="utf-8")
    pair = report["d1_page"].read_text(encoding="utf-8")
    assert "<img" not in index.lower() and "<img" not in pair.lower()
    assert "<script>alert" not in index.lower()
    units = re.search(r'<script type="[^"]*" id="d-units">(.*?)</script>', index, re.S)
    assert units is not None
    data = "\n".join(unpack(units.group(1)))  # the explorer's packed data: JSON with <, > and & escaped
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in data
    assert "Hỏi \\u0026amp; Đáp" in data
    assert "<" not in data
    assert "&lt;img src=x onerror=alert(2)&gt;" in pair
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pair
    assert "Hỏi &amp;amp; Đáp" in pair  # the letter's literal "&amp;", escaped once
    assert "Bình Phước &amp; các huyện" in pair
    for page in report["pages"]:
        if page.name != "index.html":
            assert "<script" not in page.read_text(encoding="utf-8").lower(), page.name


def test_markup_in_letters_stays_text_in_the_browser(index_dom: tuple[str, Path], pair_dom: tuple[str, Path]):
    for dom, _ in (index_dom, pair_dom):
        outline = Outline(dom)
        assert "img" not in outline.tags
        text = "".join(outline.text)
        assert "<script>alert(1)</script>" in text  # shown to the reader as written
        assert "<img src=x onerror=alert(2)>" in text
        assert "Hỏi &amp; Đáp" in text
