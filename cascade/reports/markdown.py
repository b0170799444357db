"""The link report as Markdown: summary figures, then each parent item with its child units and an
inline redline (~~trimmed~~, **added**)."""

import re

from cascade.reports.common import describe, flags, rows, summary_figures
from cascade.reports.labels import label
from cascade.verdicts import PairVerdicts, judge
from models import DiffSpan, LinkResult, SpanKind

_MD_SPECIAL_RE = re.compile(r"([\\`*_{}\[\]<>#|~])")


def md_escape(text: str) -> str:
    return _MD_SPECIAL_RE.sub(r"\\\1", text)


def md_code(text: str) -> str:
    """A code span: Markdown does not unescape inside it, so the text goes in as is."""
    fence = "``" if "`" in text else "`"
    pad = " " if fence == "``" else ""
    return f"{fence}{pad}{text}{pad}{fence}"


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
        t("link_md_legend"),
        "",
        f"## {t('items_heading')}",
    ]
    current_item = None
    local_started = False
    for row in rows(result):
        if row.parent is None:
            assert row.child is not None
            if not local_started:
                out += ["", f"## {t('local_in_child')}", ""]
                local_started = True
            out.append(f"- `{row.child.id}` **{md_escape(row.child.text)}**")
            continue
        if row.parent.item != current_item:
            current_item = row.parent.item
            iv = item_verdicts.get(current_item)
            head = f"{t('parent_item')} `{current_item}`"
            if iv is not None:
                head += " → " + (", ".join(f"`{c}`" for c in iv.child_items) or t("dropped"))
                head += f": {t(iv.relation.value)}"
                if iv.relation.value != "dropped":
                    head += f", {t('kept_word')} {iv.kept_share:.0%}"
            out += ["", f"### {head}", ""]
        if not row.links:
            out.append(f"- `{row.parent.id}` {t('dropped')}: ~~{md_escape(row.parent.text)}~~")
            continue
        for link in row.links:
            v = link_verdicts[(link.parent, link.child)]
            extra = f", {flags(link, lang)}" if flags(link) else ""
            head = (f"- `{link.parent}` → `{link.child}` ({t(v.relation.value)}, {t('kept_word')} "
                    f"{v.kept_share:.0%}{extra})")
            out.append(f"{head}: {redline(link.diff)}")
    return "\n".join(out) + "\n"
