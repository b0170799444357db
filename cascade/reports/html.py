"""The link report as one self-contained HTML page: side by side, coloured spans, a legend and an
anchor per item. No external assets; every piece of document text is escaped."""

from html import escape

from cascade.reports.common import describe, rows, sentence_map, summary_figures
from cascade.reports.labels import label
from cascade.units import letter_units
from models import DiffSpan, LinkResult, SpanKind, Strength

CSS = """
body{font:15px/1.5 system-ui,'Segoe UI',Roboto,Arial,sans-serif;margin:0;color:#1d232a;background:#fff}
header,main{max-width:1400px;margin:0 auto;padding:0 20px}
h1{font-size:22px;margin:18px 0 6px} h2{font-size:18px;margin:26px 0 8px;border-bottom:1px solid #ddd}
h3{font-size:15px;margin:18px 0 6px;background:#f3f5f7;padding:4px 8px;border-radius:4px}
.meta{color:#555;margin:2px 0}
table.sum{border-collapse:collapse;margin:8px 0}
table.sum td{border:1px solid #ddd;padding:3px 10px}
.pair{display:grid;grid-template-columns:6em 1fr 6em 1fr;gap:4px 10px;align-items:start;margin:4px 0;
 border-top:1px solid #eee;padding-top:4px}
.id{font:12px/1.6 ui-monospace,Consolas,monospace;color:#555}
.rel{font-size:12px;color:#555;grid-column:1/-1}
del,.trimmed{background:#fde2e1;color:#8a1c17;text-decoration:line-through}
ins,.added{background:#dcf5dc;color:#14521d;text-decoration:none}
.localised{background:#e0ebff;color:#123d8a}
.orthographic{border-bottom:1px dotted #888}
.legend span{padding:1px 6px;margin-right:8px;border-radius:3px}
.badge{display:inline-block;padding:0 8px;border-radius:10px;font-size:12px;background:#eee}
.badge.exact{background:#dcf5dc}.badge.near{background:#fff3c4}.badge.unrelated{background:#fde2e1}
.rel.paraphrased{color:#8a5a00;font-style:italic}.frame{color:#777}
ul.sent{grid-column:1/-1;margin:0 0 4px 1em;padding:0;font-size:12px;color:#444;list-style:none}
.warn{background:#fff3c4;padding:4px 8px;border-radius:4px}
@media print{.pair{break-inside:avoid}}
"""


def _side(spans: list[DiffSpan], side: str) -> str:
    out = []
    for s in spans:
        text = s.parent if side == "parent" else s.child
        if not text:
            continue
        t = escape(text)
        if s.kind is SpanKind.EQUAL:
            out.append(t)
        elif s.kind is SpanKind.TRIMMED:
            out.append(f"<del>{t}</del>")
        elif s.kind is SpanKind.ADDED:
            out.append(f"<ins>{t}</ins>")
        else:
            title = "same word up to spelling" if s.kind is SpanKind.ORTHOGRAPHIC else "localised"
            other = escape(s.child if side == "parent" else s.parent, quote=True)
            out.append(f'<span class="{s.kind.value}" title="{title}: {other}">{t}</span>')
    return "".join(out)


def render_html(result: LinkResult, title: str | None = None, lang: str = "en") -> str:
    s = result.summary
    cc = result.citation_check
    title = title or label("link_title", lang)

    def t(key: str) -> str:
        return escape(label(key, lang))

    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang, quote=True)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>",
        f"<header><h1>{escape(title)}</h1>",
        f'<p class="meta">{t("parent")}: {escape(describe(result.parent))}</p>',
        f'<p class="meta">{t("child")}: {escape(describe(result.child))}</p>',
        f'<p class="meta">{t("citation_check")}: <span class="badge {cc.status.value}">{cc.status.value}</span> '
        f"{escape('; '.join(cc.reasons))}</p>",
        f'<p class="legend"><span class="trimmed">{t("trimmed")}</span><span class="added">{t("added")}</span>'
        f'<span class="localised">{t("localised")}</span><span class="orthographic">{t("orthographic")}</span></p>',
        '<table class="sum">',
    ]
    figures = summary_figures(s, lang)
    parts += [f"<tr><td>{escape(str(k))}</td><td>{escape(str(v))}</td></tr>" for k, v in figures]
    parts.append("</table>")
    parts += [f'<p class="warn">{t("warnings")}: {escape(w.message)}</p>' for w in result.warnings]
    parts += ["</header><main>"]
    child_texts = {u.id: u.text for u in letter_units(result.child)}
    current = None
    local = False
    for row in rows(result):
        if row.parent is None:
            assert row.child is not None
            if not local:
                parts.append(f'<h2 id="local">{t("local_in_child")}</h2>')
                local = True
            cid = escape(row.child.id, quote=True)
            parts.append(f'<div class="pair" id="c-{cid}"><span class="id"></span><span></span>'
                         f'<span class="id">{cid}</span><span><ins>{escape(row.child.text)}</ins></span></div>')
            continue
        if row.parent.item != current:
            current = row.parent.item
            if row.parent.frame:  # preamble and closing stay unit links: their targets are the row's own
                head, targets = t(row.parent.zone), sorted({ln.child for ln in row.links})
            else:
                head = t("parent_item")
                targets = sorted({il.child_item for il in result.item_links if il.parent_item == current})
            where = ", ".join(targets) if targets else label("frame" if row.framed else "dropped", lang)
            anchor = escape(current, quote=True)
            parts.append(f'<h3 id="p-{anchor}">{head} {escape(current)} → {escape(where)}</h3>')
        if row.framed:
            parts.append(f'<div class="pair"><span class="id">{escape(row.parent.id)}</span>'
                         f'<span class="frame">{escape(row.parent.text)}</span><span class="id">—</span>'
                         f'<span class="rel">{t("frame")}</span></div>')
            continue
        if not row.links:
            parts.append(f'<div class="pair"><span class="id">{escape(row.parent.id)}</span>'
                         f'<span><del>{escape(row.parent.text)}</del></span><span class="id">—</span>'
                         f'<span class="rel">{t("dropped")}</span></div>')
            continue
        for link in row.links:
            extra = "".join(f" · {label(f, lang)}" for f in ("split", "merged", "moved") if getattr(link, f))
            weak = " paraphrased" if link.strength is Strength.PARAPHRASED else ""
            parts.append(
                f'<div class="pair"><span class="id">{escape(link.parent)}</span>'
                f'<span>{_side(link.diff, "parent")}</span>'
                f'<span class="id">{escape(link.child)}</span><span>{_side(link.diff, "child")}</span>'
                f'<span class="rel{weak}">{t(link.relation.value)} · {t("strength")} {t(link.strength.value)} · '
                f'{t("score")} {link.score:.2f} · {t("kept_word")} {link.kept_share:.0%} · '
                f"{t('similarity')} {link.similarity:.2f}{escape(extra)}</span>"
            )
            pairs = sentence_map(link, row.parent.text, child_texts.get(link.child, ""))
            if pairs:
                parts.append('<ul class="sent">' + "".join(
                    f"<li>{t('sentence_map')}: «{escape(a)}» → «{escape(b)}» ({c:.2f})</li>" for a, b, c in pairs)
                    + "</ul>")
            parts.append("</div>")
    parts.append("</main></body></html>")
    return "\n".join(parts) + "\n"
