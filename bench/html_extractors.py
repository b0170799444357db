"""Which extractor keeps a saved portal page's letter and drops the portal: trafilatura, jusText,
selectolax (the page's body text), measured on portal pages built around the sample letters
(tests/html_factory.py: menu, sidebar, view counter, related news, footer) and on a page whose letter
header and signature are HTML tables, as many portals publish them.

Figures: share of the letter's lines kept (recall), boilerplate lines let through, whether the header
table's cells survive as cells, and milliseconds per page.

Run: .venv/bin/python bench/html_extractors.py   (jusText comes with trafilatura; selectolax only if
installed by hand)
"""

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO))

BOILERPLATE = ("Trang chủ", "Liên kết website", "Thống kê truy cập", "Tin cùng chuyên mục", "Bản quyền thuộc",
               "Ghi rõ nguồn", "Lượt xem")
TABLE_PAGE = """<html><head><meta charset="utf-8"><title>Công văn</title></head><body>
<nav><a href="/">Trang chủ</a> | <a href="/tin">Tin tức</a></nav><article>
<table><tr><td>TỈNH ỦY BÌNH PHƯỚC<br>BAN TUYÊN GIÁO<br>*</td><td>ĐẢNG CỘNG SẢN VIỆT NAM</td></tr>
<tr><td>Số 1383-CV/BTGTU</td><td>Bình Phước, ngày 22 tháng 5 năm 2024</td></tr></table>
<p>Kính gửi: Các ban xây dựng Đảng Tỉnh ủy.</p>
<p>1. Tuyên truyền sâu rộng chủ trương của Đảng trong toàn tỉnh với nhiều hình thức phù hợp.</p>
<p>2. Bám sát cơ sở, nắm chắc tình hình tư tưởng của các tầng lớp Nhân dân trên địa bàn.</p>
<table><tr><td>Nơi nhận:<br>- Như trên,<br>- Lưu VPTU.</td><td>T/M BAN THƯỜNG VỤ<br>PHÓ BÍ THƯ<br>Nguyễn Văn A</td></tr>
</table></article><footer>Bản quyền thuộc Ban Tuyên giáo Tỉnh ủy</footer></body></html>"""


def trafilatura_lines(page: str) -> tuple[list[str], bool]:
    from pathlib import Path as _P

    from parsers.readers.html import article_blocks

    blocks = article_blocks(_P("page.html"), page)
    return [b.text for b in blocks], any(b.table is not None and b.cell == 1 for b in blocks)


def justext_lines(page: str) -> tuple[list[str], bool]:
    import justext

    paras = justext.justext(page.encode("utf-8"), justext.get_stoplist("Vietnamese"))
    return [p.text for p in paras if not p.is_boilerplate], False


def selectolax_lines(page: str) -> tuple[list[str], bool]:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(page)
    for tag in ("script", "style"):
        for node in tree.css(tag):
            node.decompose()
    body = tree.body
    text = body.text(separator="\n") if body else ""
    return [line.strip() for line in text.splitlines() if line.strip()], False


EXTRACTORS = {"trafilatura (cascade)": ("trafilatura", trafilatura_lines), "jusText": ("justext", justext_lines),
              "selectolax body text": ("selectolax", selectolax_lines)}


def main() -> None:
    from exports import SAMPLES
    from html_factory import portal_page

    pages = []
    for name in SAMPLES:
        lines = [ln.strip() for ln in (REPO / "samples" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
                 if ln.strip()]
        pages.append((lines, portal_page(lines)))
    print("| extractor | letter lines kept | boilerplate lines let through | header table cells kept | ms/page |")
    print("|---|---|---|---|---|")
    for label, (module, fn) in EXTRACTORS.items():
        try:
            __import__(module)
        except ImportError:
            print(f"| {label} | not installed | | | |")
            continue
        kept = total = leaked = 0
        fn(pages[0][1])  # imports and first-call set-up are not the per-page cost
        start = time.perf_counter()
        for lines, page in pages:
            got, _ = fn(page)
            text = "\n".join(got)
            kept += sum(1 for ln in lines if ln in text)
            total += len(lines)
            leaked += sum(1 for g in got if any(b in g for b in BOILERPLATE))
        ms = (time.perf_counter() - start) / len(pages) * 1000
        _, cells = fn(TABLE_PAGE)
        print(f"| {label} | {kept / total:.1%} | {leaked} | {'yes' if cells else 'no'} | {ms:.0f} |")


if __name__ == "__main__":
    main()
