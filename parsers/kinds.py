"""The one table of document kinds: the name a letter or a citation gives, the type code of its symbol,
whether it stands as a title line, and whether it is cited by name alone.

Everything that needs a list of kinds (title lines, type codes, citation kinds, named references,
page titles) derives it from `KINDS`, so a kind added here is known everywhere at once.
Sources: Nghị định 30/2020 Phụ lục III (state), Hướng dẫn 36-HD/VPTW (Party), and codes seen in real
letters (QĐi/QyĐ for Quy định, CTr for Chương trình, KHPH for a joint plan).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class DocKind:
    name: str  # as a sentence writes it: "Kế hoạch"
    codes: tuple[str, ...] = ()  # type codes in symbols, the usual one first: ("QĐi", "QyĐ")
    title: bool = True  # printed alone as the title line ("KẾ HOẠCH")
    named: bool = False  # cited by name without a number ("Nghị quyết Trung ương 4 khóa XII")
    system: str | None = None  # "party" / "state" when the code means this kind only in that system

    @property
    def title_text(self) -> str:
        return self.name.upper()


# Longer names before the names they start with, so alternations built from this order match whole.
KINDS: tuple[DocKind, ...] = (
    DocKind("Nghị quyết", ("NQ",), named=True),
    DocKind("Nghị định", ("NĐ",)),
    DocKind("Quyết định", ("QĐ",)),
    DocKind("Chỉ thị", ("CT",), named=True),
    DocKind("Kết luận", ("KL",), named=True),
    DocKind("Quy chế", ("QC",)),
    DocKind("Quy định", ("QĐi", "QyĐ"), named=True),
    DocKind("Quy hoạch", ("QH",), title=False),
    DocKind("Thông tri", ("TT",), system="party"),
    DocKind("Thông tư liên tịch", ("TTLT",)),
    DocKind("Thông tư", ("TT",), system="state"),
    DocKind("Thông cáo", ("TC",)),
    DocKind("Thông báo", ("TB",)),
    DocKind("Hướng dẫn", ("HD", "HDLT"), named=True),
    DocKind("Chương trình hành động", ("CTr", "CTHĐ"), named=True),
    DocKind("Chương trình phối hợp", ("CTPH",)),
    DocKind("Chương trình", ("CTr",), named=True),
    DocKind("Kế hoạch phối hợp", ("KHPH",)),
    DocKind("Kế hoạch", ("KH",)),
    DocKind("Phương án", ("PA",)),
    DocKind("Đề án", ("ĐA",)),
    DocKind("Dự án", ("DA",), title=False),
    DocKind("Báo cáo", ("BC",)),
    DocKind("Biên bản", ("BB",)),
    DocKind("Tờ trình", ("TTr",)),
    DocKind("Hợp đồng", ("HĐ",), title=False),
    DocKind("Công điện", ("CĐ",)),
    DocKind("Công văn", ("CV",)),
    DocKind("Giấy mời", ("GM",)),
    DocKind("Giấy giới thiệu", ("GGT",)),
    DocKind("Điều lệ", ("ĐL",), named=True),
    DocKind("Bản sao", ("BS",), title=False),
    DocKind("Luật", (), title=False, named=True),
    DocKind("Pháp lệnh", (), title=False, named=True),
    DocKind("Hiến pháp", (), title=False, named=True),
    DocKind("Văn bản", (), title=False),
    DocKind("Điện", ("Đ",)),
)

# Title lines that name a document of no numbered kind ("ĐỊNH HƯỚNG TUYÊN TRUYỀN …", "THỂ LỆ").
OTHER_TITLES = ("ĐỊNH HƯỚNG", "THỂ LỆ", "ĐỀ CƯƠNG", "CHUYÊN ĐỀ")


def kind_names() -> list[str]:
    """Every kind name, longest first within a shared start (the table order)."""
    return [k.name for k in KINDS]


def named_kinds() -> list[str]:
    return [k.name for k in KINDS if k.named]


def title_kinds() -> list[DocKind]:
    return [k for k in KINDS if k.title]


def kind_of_code(code: str | None, system: str | None = None) -> str | None:
    """The kind a type code names; `system` decides codes that two systems use for two kinds ("TT").

    >>> kind_of_code("KH"), kind_of_code("TT", "state"), kind_of_code("TT", "party"), kind_of_code("UBND")
    ('Kế hoạch', 'Thông tư', 'Thông tri', None)
    """
    if not code:
        return None
    found = [k for k in KINDS if code in k.codes]
    if not found:
        return None
    if system:
        for k in found:
            if k.system == system:
                return k.name
    return found[0].name


def code_of_kind(name: str | None) -> str | None:
    """The usual type code of a kind name, in any case ("KẾ HOẠCH" → "KH")."""
    if not name:
        return None
    low = " ".join(name.split()).lower()
    for k in KINDS:
        if k.name.lower() == low:
            return k.codes[0] if k.codes else None
    return None


TYPE_CODES: frozenset[str] = frozenset(c for k in KINDS for c in k.codes)
