"""The link report as Markdown: summary figures, then each parent item with its child units and an
inline redline (~~trimmed~~, **added**)."""

from cascade.reports.common import describe, flags, rows, sentence_map, summary_figures
from cascade.reports.safe import md_code
from cascade.reports.safe import md_text as md_escape
from cascade.units import letter_units
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


def render_markdown(result: LinkResult) -> str:
    s = result.summary
    cc = result.citation_check
    out = [
        "# Cascade link report",
        "",
        f"- Parent: {md_escape(describe(result.parent))}",
        f"- Child: {md_escape(describe(result.child))}",
        f"- Citation check: **{cc.status.value}**" + (f" — {md_escape('; '.join(cc.reasons))}" if cc.reasons else ""),
        "",
        "## Summary",
        "",
        "| figure | value |",
        "|---|---|",
        *(f"| {md_escape(name)} | {md_escape(value)} |" for name, value in summary_figures(s, "en")),
        "",
        *(f"- Warning: {md_escape(w.message)}" for w in result.warnings),
        "",
        "Legend: ~~trimmed~~ parent words not carried down, **added** local words, ~~tỉnh~~_huyện_ localised.",
        "",
        "## Items",
    ]
    child_texts = {u.id: u.text for u in letter_units(result.child)}
    current_item = None
    local_started = False
    for row in rows(result):
        if row.parent is None:
            assert row.child is not None
            if not local_started:
                out += ["", "## Local additions in the child", ""]
                local_started = True
            out.append(f"- {md_code(row.child.id)} **{md_escape(row.child.text)}**")
            continue
        if row.parent.item != current_item:
            current_item = row.parent.item
            if row.parent.frame:  # preamble and closing stay unit links: their targets are the row's own
                head, targets = row.parent.zone.capitalize(), sorted({ln.child for ln in row.links})
            else:
                head = "Parent item"
                targets = sorted({il.child_item for il in result.item_links if il.parent_item == current_item})
            where = ", ".join(md_code(t) for t in targets) if targets else ("frame" if row.framed else "dropped")
            out += ["", f"### {head} {md_code(current_item)} → {where}", ""]
        if row.framed:
            out.append(f"- {md_code(row.parent.id)} frame (lead-in, citation; not compared): "
                       f"{md_escape(row.parent.text)}")
            continue
        if not row.links:
            out.append(f"- {md_code(row.parent.id)} dropped: ~~{md_escape(row.parent.text)}~~")
            continue
        for link in row.links:
            extra = f", {flags(link)}" if flags(link) else ""
            head = (f"- {md_code(link.parent)} → {md_code(link.child)} ({link.relation.value}, {link.strength.value} "
                    f"{link.score:.2f}, kept {link.kept_share:.0%}{extra})")
            out.append(f"{head}: {redline(link.diff)}")
            for a, b, c in sentence_map(link, row.parent.text, child_texts.get(link.child, "")):
                out.append(f"  - sentence: «{md_escape(a)}» → «{md_escape(b)}» ({c:.2f})")
    return "\n".join(out) + "\n"
