"""The link report as Markdown: summary figures, then each parent item with its child units and an
inline redline (~~trimmed~~, **added**)."""

from cascade.reports.common import describe, flags, rows, sentence_map, summary_figures
from cascade.reports.labels import evidence_text, label
from cascade.reports.safe import md_code
from cascade.reports.safe import md_text as md_escape
from cascade.units import letter_units
from cascade.verdicts import PairVerdicts, judge
from models import DiffSpan, LinkResult, SpanKind

__all__ = ["md_code", "md_escape", "redline", "render_markdown"]


def _mark(text: str, left: str, right: str) -> str:
    core = text.strip()
    if not core:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    return f"{lead}{left}{md_escape(core)}{right}{trail}"


def redline(spans: list[DiffSpan]) -> str:
    out = []
    for s in spans:
        if s.kind in (SpanKind.EQUAL, SpanKind.ORTHOGRAPHIC):
            out.append(md_escape(s.child))
        elif s.kind is SpanKind.TRIMMED:
            out.append(_mark(s.parent, "~~", "~~"))
        elif s.kind is SpanKind.ADDED:
            out.append(_mark(s.child, "**", "**"))
        else:  # localised: show the swap
            out.append(_mark(s.parent, "~~", "~~") + _mark(s.child, "_", "_"))
    return "".join(out)


def render_markdown(result: LinkResult, lang: str = "en", verdicts: PairVerdicts | None = None) -> str:
    """The link report in Markdown, labelled in `lang`, relations from cascade.verdicts."""
    verdicts = verdicts or judge(result)
    item_verdicts = {v.item: v for v in verdicts.items}
    link_verdicts = {(v.parent, v.child): v for v in verdicts.links}
    s = result.summary
    cc = result.citation_check

    def t(key: str) -> str:
        return label(key, lang)

    out = [
        f"# {t('link_title')}",
        "",
        f"- {t('parent')}: {md_escape(describe(result.parent, lang))}",
        f"- {t('child')}: {md_escape(describe(result.child, lang))}",
        f"- {t('citation_check')}: **{t('cs_' + cc.status.value)}**"
        + (f" — {md_escape('; '.join(cc.reasons))}" if cc.reasons else ""),
        "",
        f"## {t('summary')}",
        "",
        f"| {t('figure')} | {t('value')} |",
        "|---|---|",
        *(f"| {md_escape(name)} | {md_escape(value)} |" for name, value in summary_figures(s, lang)),
        "",
        *(f"- {t('warnings')}: {md_escape(w.message)}" for w in result.warnings),
        "",
        t("link_md_legend"),
        "",
        f"## {t('items_heading')}",
    ]
    child_texts = {u.id: u.text for u in letter_units(result.child)}
    current_item = None
    local_started = False
    for row in rows(result):
        if row.parent is None:
            assert row.child is not None
            if not local_started:
                out += ["", f"## {t('local_in_child')}", ""]
                local_started = True
            out.append(f"- {md_code(row.child.id)} **{md_escape(row.child.text)}**")
            continue
        if row.parent.item != current_item:
            current_item = row.parent.item
            iv = item_verdicts.get(current_item)
            if row.parent.frame:  # preamble and closing stay unit links: their targets are the row's own
                head, targets = t(row.parent.zone), sorted({ln.child for ln in row.links})
            else:
                head = t("parent_item")
                targets = list(iv.child_items) if iv else sorted(
                    {il.child_item for il in result.item_links if il.parent_item == current_item})
            where = ", ".join(md_code(x) for x in targets) if targets else (t("frame") if row.framed
                                                                           else t("dropped"))
            verdict = ""
            if iv is not None and not row.parent.frame:
                verdict = f": {t(iv.relation.value)}"
                if iv.relation.value != "dropped":
                    verdict += f", {t('kept_word')} {iv.kept_share:.0%}"
            out += ["", f"### {head} {md_code(current_item)} → {where}{verdict}", ""]
        if row.framed:
            out.append(f"- {md_code(row.parent.id)} {t('frame')}: {md_escape(row.parent.text)}")
            continue
        if not row.links:
            out.append(f"- {md_code(row.parent.id)} {t('dropped')}: ~~{md_escape(row.parent.text)}~~")
            continue
        for link in row.links:
            v = link_verdicts[(link.parent, link.child)]
            extra = f", {flags(link, lang)}" if flags(link) else ""
            head = (f"- {md_code(link.parent)} → {md_code(link.child)} ({t(v.relation.value)}, "
                    f"{evidence_text(link.strength.value, link.score, lang)}, "
                    f"{t('kept_word')} {v.kept_share:.0%}{extra})")
            out.append(f"{head}: {redline(link.diff)}")
            for a, b, c in sentence_map(link, row.parent.text, child_texts.get(link.child, "")):
                out.append(f"  - {t('sentence_map')}: «{md_escape(a)}» → «{md_escape(b)}» ({c:.2f})")
    return "\n".join(out) + "\n"
