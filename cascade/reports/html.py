"""The link report as one self-contained HTML page: side by side, coloured spans, a legend, an
anchor per parent item and per child unit, the list of changes to step through (each change links to
the next), and, in a folder run, links back to the overview, to the pair's .docx and to the pairs of
the tiers above and below. No external assets, no script; every piece of document text is escaped.
Relations are the verdicts of cascade.verdicts, as in every other report."""

import itertools
from dataclasses import dataclass, field
from html import escape

from cascade.reports.common import describe, rows, sentence_map, summary_figures
from cascade.reports.labels import label, score_key
from cascade.units import letter_units
from cascade.verdicts import PairVerdicts, Verdict, judge
from models import DiffSpan, LinkResult, SpanKind, Strength


@dataclass(frozen=True)
class PairNav:
    """Where a pair page of a folder run links to (relative hrefs)."""

    index: str | None = None
    docx: str | None = None
    parents: list[tuple[str, str]] = field(default_factory=list)  # (title, href) of the pairs one tier up
    children: list[tuple[str, str]] = field(default_factory=list)  # and one tier down

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
nav.pairnav{font-size:13px;margin:8px 0}nav.pairnav a{margin-right:10px}
ol.changes{columns:2 380px;font-size:13px}a.next{font-size:12px;margin-left:8px}
.r-kept{background:#c8ecc9}.r-localised{background:#cfe0ff}.r-expanded{background:#d9f2ee}.r-trimmed{background:#ffe3b8}
.r-paraphrased{background:#f3e4ff}.r-modified{background:#ffc9bf}.r-added{background:#e6d8ff}.r-dropped{background:#e4e4e4}
.v{padding:0 5px;border-radius:3px}
.rel.paraphrased{color:#8a5a00;font-style:italic}.frame{color:#777}
ul.sent{grid-column:1/-1;margin:0 0 4px 1em;padding:0;font-size:12px;color:#444;list-style:none}
.warn{background:#fff3c4;padding:4px 8px;border-radius:4px}
@media print{.pair{break-inside:avoid}nav.pairnav,a.next{display:none}}
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


def render_html(result: LinkResult, title: str | None = None, lang: str = "en",
                verdicts: PairVerdicts | None = None, nav: PairNav | None = None) -> str:
    verdicts = verdicts or judge(result)
    s = result.summary
    cc = result.citation_check
    title = title or label("link_title", lang)
    item_verdicts = {v.item: v for v in verdicts.items}
    link_verdicts = {(v.parent, v.child): v for v in verdicts.links}

    def t(key: str) -> str:
        return escape(label(key, lang))

    def badge(relation: Verdict) -> str:
        return f'<span class="v r-{relation.value}">{t(relation.value)}</span>'

    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang, quote=True)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>",
        f"<header><h1>{escape(title)}</h1>",
    ]
    if nav is not None:
        links = []
        if nav.index:
            links.append(f'<a href="{escape(nav.index, quote=True)}">← {t("back_to_index")}</a>')
        if nav.docx:
            links.append(f'<a href="{escape(nav.docx, quote=True)}">{t("whole_letter_redline")}</a>')
        links += [f'<a href="{escape(href, quote=True)}">↑ {t("parent_pair")}: {escape(name)}</a>'
                  for name, href in nav.parents]
        links += [f'<a href="{escape(href, quote=True)}">↓ {escape(name)}</a>' for name, href in nav.children]
        parts.append(f'<nav class="pairnav">{"".join(links)}</nav>')
    parts += [
        f'<p class="meta">{t("parent")}: {escape(describe(result.parent, lang))}</p>',
        f'<p class="meta">{t("child")}: {escape(describe(result.child, lang))}</p>',
        f'<p class="meta">{t("citation_check")}: <span class="badge {cc.status.value}">'
        f'{t("cs_" + cc.status.value)}</span> {escape("; ".join(cc.reasons))}</p>',
        f'<p class="legend"><span class="trimmed">{t("trimmed")}</span><span class="added">{t("added_words")}</span>'
        f'<span class="localised">{t("localised")}</span><span class="orthographic">{t("orthographic")}</span></p>',
        '<table class="sum">',
    ]
    figures = summary_figures(s, lang)
    parts += [f"<tr><td>{escape(str(k))}</td><td>{escape(str(v))}</td></tr>" for k, v in figures]
    parts.append("</table>")
    changes = [v for v in verdicts.items if v.relation is not Verdict.KEPT]
    anchors = [f"p-{v.item}" for v in changes] + (["local"] if verdicts.added else [])
    following = {a: b for a, b in itertools.pairwise(anchors)}
    if anchors:
        parts.append(f'<h2 id="changes">{t("changes")}</h2><ol class="changes">')
        parts += [f'<li><a href="#p-{escape(v.item, quote=True)}">{t("item")} {escape(v.item)}</a> {badge(v.relation)}'
                  f" {escape(_where(v.child_items, v.kept_share, v.relation))}</li>" for v in changes]
        if verdicts.added:
            parts.append(f'<li><a href="#local">{t("local_in_child")}</a> {badge(Verdict.ADDED)} '
                         f"{len(verdicts.added)}</li>")
        parts.append("</ol>")
    parts += [f'<p class="warn">{t("warnings")}: {escape(w.message)}</p>' for w in result.warnings]
    parts.append("</header><main>")
    child_texts = {u.id: u.text for u in letter_units(result.child)}

    def next_link(anchor: str) -> str:
        nxt = following.get(anchor)
        return f' <a class="next" href="#{escape(nxt, quote=True)}">↓ {t("next_change")}</a>' if nxt else ""

    current = None
    local = False
    seen_child: set[str] = set()

    def child_id(unit: str) -> str:
        if unit in seen_child:
            return ""
        seen_child.add(unit)
        return f' id="c-{escape(unit, quote=True)}"'

    for row in rows(result):
        if row.parent is None:
            assert row.child is not None
            if not local:
                parts.append(f'<h2 id="local">{t("local_in_child")} {badge(Verdict.ADDED)}</h2>')
                local = True
            cid = escape(row.child.id, quote=True)
            parts.append(f'<div class="pair"{child_id(row.child.id)}><span class="id"></span><span></span>'
                         f'<span class="id">{cid}</span><span><ins>{escape(row.child.text)}</ins></span></div>')
            continue
        if row.parent.item != current:
            current = row.parent.item
            iv = item_verdicts.get(current)
            anchor = escape(current, quote=True)
            if row.parent.frame:  # preamble and closing stay unit links: their targets are the row's own
                targets = sorted({ln.child for ln in row.links})
                where = ", ".join(targets) if targets else label("frame" if row.framed else "dropped", lang)
                parts.append(f'<h3 id="p-{anchor}">{t(row.parent.zone)} {escape(current)} → {escape(where)}</h3>')
            elif iv is None:
                parts.append(f'<h3 id="p-{anchor}">{t("parent_item")} {escape(current)}</h3>')
            else:
                parts.append(f'<h3 id="p-{anchor}">{t("parent_item")} {escape(current)} → '
                             f"{escape(', '.join(iv.child_items) or label('dropped', lang))} {badge(iv.relation)} "
                             f"{escape(_share(iv.kept_share, iv.relation, lang))}{next_link('p-' + current)}</h3>")
        if row.framed:
            parts.append(f'<div class="pair"><span class="id">{escape(row.parent.id)}</span>'
                         f'<span class="frame">{escape(row.parent.text)}</span><span class="id">—</span>'
                         f'<span class="rel">{t("frame")}</span></div>')
            continue
        if not row.links:
            parts.append(f'<div class="pair"><span class="id">{escape(row.parent.id)}</span>'
                         f'<span><del>{escape(row.parent.text)}</del></span><span class="id">—</span>'
                         f'<span class="rel">{badge(Verdict.DROPPED)}</span></div>')
            continue
        for link in row.links:
            v = link_verdicts[(link.parent, link.child)]
            extra = "".join(f" · {label(f, lang)}" for f in ("split", "merged", "moved") if getattr(link, f))
            weak = " paraphrased" if link.strength in (Strength.PARAPHRASED, Strength.DEFERRED) else ""
            parts.append(
                f'<div class="pair"{child_id(link.child)}><span class="id">{escape(link.parent)}</span>'
                f'<span>{_side(link.diff, "parent")}</span>'
                f'<span class="id">{escape(link.child)}</span><span>{_side(link.diff, "child")}</span>'
                f'<span class="rel{weak}">{badge(v.relation)} · {t("strength")} {t(link.strength.value)} · '
                f'{t(score_key(link.strength.value))} {link.score:.2f} · {t("kept_word")} {v.kept_share:.0%} · '
                f"{t('similarity')} {v.similarity:.2f}{escape(extra)}</span>"
            )
            pairs = sentence_map(link, row.parent.text, child_texts.get(link.child, ""))
            if pairs:
                parts.append('<ul class="sent">' + "".join(
                    f"<li>{t('sentence_map')}: «{escape(a)}» → «{escape(b)}» ({c:.2f})</li>" for a, b, c in pairs)
                    + "</ul>")
            parts.append("</div>")
    parts.append("</main></body></html>")
    return "\n".join(parts) + "\n"


def _share(kept: float, relation: Verdict, lang: str) -> str:
    return "" if relation is Verdict.DROPPED else f"({label('kept_word', lang)} {kept:.0%})"


def _where(child_items: tuple[str, ...], kept: float, relation: Verdict) -> str:
    if relation is Verdict.DROPPED:
        return ""
    return f"{kept:.0%}" + (f" → {', '.join(child_items)}" if child_items else "")
