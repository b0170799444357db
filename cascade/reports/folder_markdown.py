"""report.md of a folder analysis: the same overview and figures as index.html, in Markdown."""

from cascade.analysis import FolderAnalysis
from cascade.matrix import parent_matrix
from cascade.reports.labels import label
from cascade.reports.markdown import md_code, md_escape


def _tree_lines(analysis: FolderAnalysis, path: str, depth: int, seen: frozenset[str], lang: str) -> list[str]:
    node = analysis.nodes[path]
    via = "; ".join(f"← {p.evidence.value} {p.confidence:.2f}" for p in node.parents)
    line = (f"{'  ' * depth}- **{md_escape(node.symbol or label('none', lang))}** {md_escape(node.issuer or '—')} "
            f"({label(node.tier.value, lang)}, {node.date or '—'}, {label('citation', lang)} "
            f"{node.citation_status.value}) {md_code(path)} {md_escape(via)}")
    out = [line] + [f"{'  ' * (depth + 1)}- ⚠ {md_escape(f)}" for f in node.flags]
    if path in seen:
        return out
    for child in node.children:
        out += _tree_lines(analysis, child, depth + 1, seen | {path}, lang)
    return out


def render_report_md(analysis: FolderAnalysis, lang: str = "vi") -> str:
    parsed = [n for n in analysis.nodes.values() if n.status == "parsed"]
    out = [f"# {label('title', lang)}", "", f"{md_escape(analysis.root)}: {len(parsed)} {label('parsed', lang)}, "
           f"{len(analysis.failures)} {label('failed', lang)}, {len(analysis.pairs)} {label('pair', lang).lower()}", ""]
    if analysis.failures:
        out += [f"## {label('failures', lang)}", "", f"| {label('file', lang)} | {label('reason', lang)} |",
                "|---|---|"]
        out += [f"| {md_code(n.path, in_table=True)} | {md_escape(n.error or '')} |" for n in analysis.failures]
        out.append("")
    out += [f"## {label('tree', lang)}", ""]
    for root in analysis.roots():
        out += _tree_lines(analysis, root, 0, frozenset(), lang)
    for path, node in analysis.nodes.items():
        if node.status != "parsed" or not node.children:
            continue
        m = parent_matrix(analysis, path)
        if not m.children:
            continue
        out += ["", f"## {md_escape(node.symbol or path)} ({md_code(path)})", "",
                f"### {label('matrix', lang)}", ""]
        out.append(f"| {label('item', lang)} | " + " | ".join(md_code(c, in_table=True) for c in m.children) + " |")
        out.append("|---|" + "---|" * len(m.children))
        for item_id, _ in m.items:
            cells = []
            for child in m.children:
                cell = m.cells[(item_id, child)]
                share = "" if cell.relation == "dropped" else f" {cell.kept_share:.0%}"
                cells.append(label(cell.relation, lang) + share)
            out.append(f"| {md_code(item_id, in_table=True)} | " + " | ".join(cells) + " |")
        out += ["", f"- {label('carried_by_all', lang)}: "
                f"{', '.join(map(md_code, m.carried_by_all)) or label('none', lang)}",
                f"- {label('carried_by_none', lang)}: "
                f"{', '.join(map(md_code, m.carried_by_none)) or label('none', lang)}", "",
                f"### {label('local_additions', lang)}", ""]
        for child in m.children:
            out.append(f"- {md_code(child)}: " + ("; ".join(f"{md_code(uid)} {md_escape(text)}" for uid, text in
                                                                m.local_additions[child]) or label("none", lang)))
    return "\n".join(out) + "\n"
