"""report.md of a folder run: the tree, per parent letter its item × child matrix (the same item
verdicts as index.html), and pair by pair each parent item's verdict with its units' verdicts.

Written as a sink: the pair-by-pair part streams to a temporary file as pairs come; the matrices
keep only their small figures until the end."""

import shutil
import tempfile
from pathlib import Path
from typing import IO

from cascade.analysis import Pair
from cascade.corpus import TIER_RANK
from cascade.reports.explorer import translate_error, translate_flag
from cascade.reports.labels import label
from cascade.reports.markdown import md_code, md_escape
from cascade.reports.sink import RunInfo
from cascade.verdicts import PairVerdicts
from models import Letter, LinkResult, NodeStatus
from models.corpus import LetterNode


def item_line(v_item: str, relation: str, kept: float, child_items: tuple[str, ...], lang: str) -> str:
    """How every report in Markdown writes an item verdict: 'trimmed 86% → 1.3, 1.4'."""
    text = label(relation, lang)
    if relation != "dropped":
        text += f" {kept:.0%}"
    if child_items:
        text += " → " + ", ".join(child_items)
    return text


class MarkdownReport:
    NAME = "report.md"

    def __init__(self, folder: Path, lang: str) -> None:
        self.folder, self.lang = folder, lang
        self.tmp = Path(tempfile.mkdtemp(prefix=".report-md-", dir=folder))
        self.changes: IO[str] = (self.tmp / "changes.md").open("w", encoding="utf-8")
        self.items: dict[str, list[str]] = {}
        self.cells: dict[str, dict[str, dict[str, str]]] = {}
        self.local: dict[str, dict[str, list[str]]] = {}

    def add_letter(self, node: LetterNode, letter: Letter | None) -> None:
        return None

    def add_pair(self, pair: Pair, result: LinkResult, verdicts: PairVerdicts) -> None:
        parent, child = pair
        lang = self.lang
        if parent not in self.items:
            self.items[parent] = [v.item for v in verdicts.items]
        self.cells.setdefault(parent, {})[child] = {
            v.item: item_line(v.item, v.relation.value, v.kept_share, v.child_items, lang) for v in verdicts.items}
        self.local.setdefault(parent, {})[child] = list(verdicts.local_items)
        w = self.changes.write
        w(f"\n### {md_code(parent)} → {md_code(child)}\n\n")
        for v in verdicts.items:
            units = "; ".join(f"{u.parent} → {u.child or '—'} {label(u.relation.value, lang)}"
                              + (f" {u.kept_share:.0%}" if u.child else "") for u in v.units)
            w(f"- {label('item', lang)} {md_code(v.item)}: "
              f"{md_escape(item_line(v.item, v.relation.value, v.kept_share, v.child_items, lang))}"
              f" — {md_escape(units)}\n")
        for uv in verdicts.added:
            w(f"- {label('unit', lang)} {md_code(uv.child or '')}: {md_escape(label('added', lang))}\n")

    def finish(self, run: RunInfo) -> list[str]:
        self.changes.close()
        lang = self.lang
        nodes = run.nodes
        parsed = [n for n in nodes.values() if n.status is NodeStatus.PARSED]
        failures = [n for n in nodes.values() if n.status is NodeStatus.FAILED]
        pairs = sum(len(v) for v in self.cells.values())
        out = [f"# {label('title', lang)}", "", f"{md_escape(run.root)}: {len(parsed)} {label('parsed', lang)}, "
               f"{len(failures)} {label('failed', lang)}, {pairs} {label('pairs_linked', lang)}", ""]
        if failures:
            out += [f"## {label('failures', lang)}", "", f"| {label('file', lang)} | {label('reason', lang)} |",
                    "|---|---|"]
            out += [f"| {md_code(n.path, in_table=True)} | {md_escape(translate_error(n.error or '', lang))} |"
                    for n in failures]
            out.append("")
        out += [f"## {label('tree', lang)}", ""]
        roots = sorted((p for p, n in nodes.items() if n.status is NodeStatus.PARSED and not n.parents),
                       key=lambda p: (TIER_RANK.get(nodes[p].tier, 9), p))
        for root in roots:
            out += self._tree(nodes, root, 0, frozenset())
        for parent, by_child in self.cells.items():
            node = nodes.get(parent)
            children = [c for c in (node.children if node else []) if c in by_child] or list(by_child)
            out += ["", f"## {md_escape(node.symbol if node and node.symbol else parent)} ({md_code(parent)})", "",
                    f"### {label('matrix', lang)}", ""]
            out.append(f"| {label('item', lang)} | " + " | ".join(md_code(c, in_table=True) for c in children) + " |")
            out.append("|---|" + "---|" * len(children))
            for item in self.items[parent]:
                cells = [md_escape(by_child[c].get(item, label("dropped", lang))) for c in children]
                out.append(f"| {md_code(item, in_table=True)} | " + " | ".join(cells) + " |")
            out += ["", f"### {label('local_additions', lang)}", ""]
            for c in children:
                local = self.local[parent][c]
                out.append(f"- {md_code(c)}: " + (", ".join(md_code(i) for i in local) or label("none", lang)))
        out += ["", f"## {label('report_md_links', lang)}"]
        target = self.folder / self.NAME
        with target.open("w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")
            with (self.tmp / "changes.md").open(encoding="utf-8") as changes:
                shutil.copyfileobj(changes, f)
        shutil.rmtree(self.tmp, ignore_errors=True)
        return [self.NAME]

    def _tree(self, nodes: dict[str, LetterNode], path: str, depth: int, seen: frozenset[str]) -> list[str]:
        lang = self.lang
        node = nodes[path]
        via = "; ".join(f"← {label('ev_' + p.evidence.value, lang)} {p.confidence:.2f}" for p in node.parents)
        line = (f"{'  ' * depth}- **{md_escape(node.symbol or label('no_symbol', lang))}** "
                f"{md_escape(node.issuer or '—')} ({label(node.tier.value, lang)}, {node.date or '—'}, "
                f"{label('citation', lang)}: {label('cs_' + node.citation_status.value, lang)}) {md_code(path)} "
                f"{md_escape(via)}")
        out = [line] + [f"{'  ' * (depth + 1)}- ⚠ {md_escape(translate_flag(f, lang))}" for f in node.flags]
        if path in seen:
            return out
        for child in node.children:
            if child in nodes:
                out += self._tree(nodes, child, depth + 1, seen | {path})
        return out
