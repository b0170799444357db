"""Saved portal pages built in code: a letter's lines as the article, wrapped in what a provincial
portal puts around it (menu, sidebar, related news, footer), as .html and as single-file .mhtml."""

import html
from email.message import EmailMessage


def portal_page(lines: list[str], title: str = "Công văn về việc tiếp tục đẩy mạnh công tác tuyên truyền") -> str:
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines if line.strip())
    menu = " | ".join(f'<a href="/{k}">{html.escape(t)}</a>' for k, t in enumerate(
        ("Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Văn bản chỉ đạo", "Liên hệ")))
    related = "".join(f'<li><a href="/tin/{k}">{html.escape(t)}</a></li>' for k, t in enumerate((
        "Hội nghị tổng kết công tác tuyên giáo năm 2023", "Kế hoạch tổ chức các hoạt động kỷ niệm",
        "Thông báo lịch tiếp công dân tháng 6", "Hướng dẫn sinh hoạt chi bộ định kỳ")))
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{html.escape(title)} - Cổng thông tin điện tử</title>
<script>var _gaq = _gaq || []; _gaq.push(['_trackPageview']);</script></head>
<body><header><div class="logo">CỔNG THÔNG TIN ĐIỆN TỬ BAN TUYÊN GIÁO</div><nav>{menu}</nav></header>
<div class="sidebar"><h3>Liên kết website</h3><ul><li>Báo Nhân Dân</li><li>Tạp chí Cộng sản</li></ul>
<h3>Thống kê truy cập</h3><p>Đang truy cập: 25</p></div>
<div class="main"><article class="post"><h1 class="title">{html.escape(title)}</h1>
<div class="meta">Ngày đăng: 23/05/2024 08:15 | Lượt xem: 1024</div>
<div class="content">
{body}
</div></article>
<div class="related"><h3>Tin cùng chuyên mục</h3><ul>{related}</ul></div></div>
<footer><p>Bản quyền thuộc Ban Tuyên giáo Tỉnh ủy. Địa chỉ: số 1 đường Trần Hưng Đạo.</p>
<p>Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p></footer></body></html>
"""


def menu_only_page() -> str:
    """A page with no article: a portal's category index (menus and links only)."""
    links = "".join(f'<li><a href="/van-ban/{k}">Văn bản số {k}</a></li>' for k in range(12))
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Văn bản</title></head><body>'
            f'<nav><a href="/">Trang chủ</a> | <a href="/tin">Tin tức</a></nav><ul>{links}</ul>'
            f'<footer>Bản quyền thuộc Ban Tuyên giáo Tỉnh ủy</footer></body></html>')


def mhtml(page: str, url: str = "https://tuyengiao.example.vn/van-ban/1383.html") -> bytes:
    """`page` as Chromium's "Save as… Webpage, single file" writes it (multipart/related, quoted-printable)."""
    msg = EmailMessage()
    msg["From"] = "<Saved by Blink>"
    msg["Snapshot-Content-Location"] = url
    msg["Subject"] = "Công văn"
    msg.make_related()
    msg.add_related(page, subtype="html", charset="utf-8", cte="quoted-printable",
                    headers=[f"Content-Location: {url}"])
    msg.add_related(b"\x89PNG\r\n\x1a\n" + b"\0" * 32, maintype="image", subtype="png",
                    headers=["Content-Location: https://tuyengiao.example.vn/logo.png"])
    return bytes(msg)
