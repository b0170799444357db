"""index.html of a folder analysis: the cascade tree, and per parent letter the item × child matrix
as a heat map, the items all or no children carried, local additions side by side and the deepest
chain of each item. One self-contained page (inline CSS, no scripts, no network); all text escaped."""

from html import escape

from cascade.analysis import FolderAnalysis, Pair
from cascade.matrix import deepest_chains, parent_matrix
from cascade.reports.labels import label
from models import NodeStatus
from models.corpus import LetterNode

CSS = """
body{font:14px/1.45 system-ui,'Segoe UI',Roboto,Arial,sans-serif;margin:0;color:#1d232a}
main{max-width:1500px;margin:0 auto;padding:8px 20px 40px}
h1{font-size:22px;margin:14px 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ddd}
h3{font-size:15px;margin:18px 0 6px}
.muted{color:#666}.badge{display:inline-block;padding:0 7px;border-radius:9px;font-size:12px;background:#eee;
 margin-left:4px}
.tier-central{background:#e8dcff}.tier-province{background:#dbe9ff}.tier-district{background:#dcf5e6}
.tier-commune{background:#fff1cc}.st-exact{background:#dcf5dc}.st-near{background:#fff3c4}
.st-missing-in-folder{background:#fde2e1}.st-none{background:#eee}.flag{color:#8a1c17;font-size:12px}
ul.tree{list-style:none;padding-left:18px;border-left:1px dotted #bbb}ul.tree>li{margin:5px 0}
table{border-collapse:collapse;margin:6px 0}td,th{border:1px solid #ddd;padding:3px 6px;vertical-align:top}
th{background:#f3f5f7;font-weight:600;text-align:left}
table.heat td.cell{text-align:center;font-size:12px;min-width:70px}
td.item{max-width:420px}.id{font:12px ui-monospace,Consolas,monospace;color:#444}
table.local td{max-width:360px}
a{color:#1b4fa0}
@media print{h2{break-before:page}table{font-size:11px}a{color:inherit;text-decoration:none}}
"""


def _heat(share: float, relation: str) -> str:
    if relation == "dropped":
        return "background:#fbe3e1"
    # white → green with the share of words carried down
    light = 96 - int(40 * share)
    return f"background:hsl(130,55%,{light}%)"


def _letter_line(node: LetterNode, names: dict[Pair, str], with_pairs: bool, lang: str) -> str:
    tier = node.tier.value
    bits = [f'<span class="badge tier-{tier}">{escape(label(tier, lang))}</span>',
            f"<b>{escape(node.issuer or '—')}</b>", escape(node.symbol or label("none", lang)),
            f'<span class="muted">{escape(node.date or "")}</span>',
            f'<span class="badge st-{node.citation_status.value}">{escape(label("citation", lang))}: '
            f"{escape(node.citation_status.value)}</span>",
            f'<span class="id">{escape(node.path)}</span>']
    for parent in node.parents:
        pair = (parent.parent, node.path)
        target = f' <a href="pairs/{escape(names[pair], quote=True)}.html">{escape(label("pair", lang))}</a>' \
            if with_pairs and pair in names else ""
        bits.append(f'<span class="muted">← {escape(parent.evidence.value)} ({parent.confidence:.2f}): '
                    f"{escape('; '.join(parent.reasons))}</span>{target}")
    bits += [f'<div class="flag">⚠ {escape(flag)}</div>' for flag in node.flags]
    return " ".join(bits)


def _tree(analysis: FolderAnalysis, path: str, names: dict[Pair, str], with_pairs: bool, lang: str,
          seen: set[str]) -> str:
    node = analysis.nodes[path]
    if path in seen:
        return f'<li><span class="id">{escape(path)}</span> (↻)</li>'
    seen = seen | {path}
    kids = "".join(_tree(analysis, c, names, with_pairs, lang, seen) for c in node.children)
    return f"<li>{_letter_line(node, names, with_pairs, lang)}" + (f'<ul class="tree">{kids}</ul>' if kids else "") \
        + "</li>"


def render_index(analysis: FolderAnalysis, names: dict[Pair, str], lang: str = "vi", with_pairs: bool = True) -> str:
    parsed = [n for n in analysis.nodes.values() if n.status is NodeStatus.PARSED]
    parts = [
        f'<!DOCTYPE html><html lang="{escape(lang)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(label('title', lang))}</title><style>{CSS}</style></head><body><main>",
        f"<h1>{escape(label('title', lang))}</h1>",
        f'<p class="muted">{escape(analysis.root)} · {len(parsed)} {escape(label("parsed", lang))}, '
        f"{len(analysis.failures)} {escape(label('failed', lang))}, {len(analysis.pairs)} "
        f"{escape(label('pair', lang).lower())}</p>",
    ]
    if analysis.failures:
        parts.append(f"<h2 id=\"failures\">{escape(label('failures', lang))}</h2><table><tr>"
                     f"<th>{escape(label('file', lang))}</th><th>{escape(label('reason', lang))}</th></tr>")
        parts += [f"<tr><td class=\"id\">{escape(n.path)}</td><td>{escape(n.error or '')}</td></tr>"
                  for n in analysis.failures]
        parts.append("</table>")
    parts.append(f"<h2 id=\"tree\">{escape(label('tree', lang))}</h2><ul class=\"tree\">")
    parts += [_tree(analysis, root, names, with_pairs, lang, set()) for root in analysis.roots()]
    parts.append("</ul>")
    for path, node in analysis.nodes.items():
        if node.status is not NodeStatus.PARSED or not node.children:
            continue
        parts.append(_parent_section(analysis, path, names, with_pairs, lang))
    parts.append("</main></body></html>")
    return "\n".join(parts) + "\n"


def _parent_section(analysis: FolderAnalysis, path: str, names: dict[Pair, str], with_pairs: bool, lang: str) -> str:
    m = parent_matrix(analysis, path)
    node = analysis.nodes[path]
    anchor = escape(f"m-{path}", quote=True)
    out = [f'<h2 id="{anchor}">{escape(node.symbol or path)} <span class="id">{escape(path)}</span></h2>']
    if not m.children:
        return "".join(out)
    out.append(f"<h3>{escape(label('matrix', lang))}</h3>")
    out.append(f"<table class=\"heat\"><tr><th>{escape(label('item', lang))}</th>")
    for child in m.children:
        cnode = analysis.nodes[child]
        title = escape(f"{child} · {cnode.issuer or ''}", quote=True)
        out.append(f'<th title="{title}">{escape(cnode.symbol or child)}<br>'
                   f'<span class="id">{escape(child)}</span></th>')
    out.append("</tr>")
    for item_id, text in m.items:
        short = text if len(text) <= 110 else text[:109] + "…"
        out.append(f'<tr><td class="item"><span class="id">{escape(item_id)}</span> {escape(short)}</td>')
        for child in m.children:
            cell = m.cells[(item_id, child)]
            text_cell = escape(label(cell.relation, lang))
            if cell.relation != "dropped":
                text_cell += f"<br>{cell.kept_share:.0%}"
                if with_pairs:
                    href = f"pairs/{names[(path, child)]}.html#p-{item_id}"
                    text_cell = f'<a href="{escape(href, quote=True)}">{text_cell}</a>'
            out.append(f'<td class="cell" style="{_heat(cell.kept_share, cell.relation)}">{text_cell}</td>')
        out.append("</tr>")
    out.append("</table>")
    for key, ids in (("carried_by_all", m.carried_by_all), ("carried_by_none", m.carried_by_none)):
        out.append(f"<p><b>{escape(label(key, lang))}:</b> "
                   f"{escape(', '.join(ids)) if ids else escape(label('none', lang))}</p>")
    out.append(f"<h3>{escape(label('local_additions', lang))}</h3><table class=\"local\"><tr>")
    out += [f"<th>{escape(c)}</th>" for c in m.children]
    out.append("</tr><tr>")
    for child in m.children:
        entries = "".join(f'<p><span class="id">{escape(uid)}</span> {escape(text)}</p>'
                          for uid, text in m.local_additions[child])
        out.append(f"<td>{entries or escape(label('none', lang))}</td>")
    out.append("</tr></table>")
    if not node.parents:
        chains = deepest_chains(analysis, path)
        deep = {k: v for k, v in chains.items() if len(v) > 2}
        if deep:
            out.append(f"<h3>{escape(label('chains', lang))}</h3><table>")
            for chain in deep.values():
                steps = " → ".join(f'<span class="id">{escape(letter)}#{escape(unit)}</span>'
                                   for letter, unit, _ in chain)
                out.append(f"<tr><td>{steps}<br>{escape(chain[-1][2])}</td></tr>")
            out.append("</table>")
    return "\n".join(out)
