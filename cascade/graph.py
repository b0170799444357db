"""The cascade as a networkx graph: letter and unit nodes, `contains` and `derived_from` edges."""

import json
from collections.abc import Callable, Iterable

import networkx as nx

from cascade.reports.safe import xml_text
from cascade.units import letter_units
from models import Letter, LinkResult


def letter_key(letter: Letter) -> str:
    return letter.source.path


Namer = Callable[[Letter], str]


def add_letter(graph: nx.DiGraph, letter: Letter, name: Namer = letter_key) -> str:
    key = name(letter)
    h = letter.header
    graph.add_node(key, kind="letter", path=letter.source.path, sha256=letter.source.sha256,
                   symbol=h.symbol or "", date=h.date.isoformat() if h.date else "", issuer=h.issuer or "",
                   tier=letter.tier.value, system=letter.system.value, subject=h.subject or "")
    for u in letter_units(letter):
        node = f"{key}#{u.id}"
        graph.add_node(node, kind="unit", letter=key, unit=u.id, item=u.item, is_item=u.is_item, text=u.text)
        graph.add_edge(f"{key}#{u.container}" if u.container else key, node, kind="contains")
    return key


def add_links(graph: nx.DiGraph, result: LinkResult, name: Namer = letter_key) -> None:
    p, c = name(result.parent), name(result.child)
    for node in (p, c):
        if node not in graph:
            add_letter(graph, result.parent if node == p else result.child, name)
    graph.add_edge(c, p, kind="derived_from", citation=result.citation_check.status.value,
                   retention=result.summary.retention)
    for link in result.links:
        graph.add_edge(f"{c}#{link.child}", f"{p}#{link.parent}", kind="derived_from", relation=link.relation.value,
                       similarity=link.similarity, kept_share=link.kept_share, split=link.split,
                       merged=link.merged, moved=link.moved)


def build_graph(letters: Iterable[Letter], results: Iterable[LinkResult], name: Namer = letter_key) -> nx.DiGraph:
    """One graph for any number of letters and their pairwise link results; `name` gives a letter's
    node key (its source path by default)."""
    graph = nx.DiGraph()
    for letter in letters:
        add_letter(graph, letter, name)
    for result in results:
        add_links(graph, result, name)
    return graph


def graph_to_json(graph: nx.DiGraph) -> str:
    """Node-link JSON (networkx's format), readable by d3 and by networkx.node_link_graph."""
    return json.dumps(nx.node_link_data(graph, edges="links"), ensure_ascii=False, indent=1)


def graph_to_graphml(graph: nx.DiGraph) -> str:
    """GraphML text (Gephi, yEd, Cytoscape), always well-formed: networkx writes strings as they
    are, and XML 1.0 cannot hold the control characters a file name or a letter's text may carry,
    so node keys and string attributes go through `xml_text` first."""
    def clean(data: dict) -> dict:
        return {k: xml_text(v) if isinstance(v, str) else v for k, v in data.items()}

    safe = nx.DiGraph(**clean(graph.graph))
    key = {n: xml_text(n) if isinstance(n, str) else n for n in graph}
    safe.add_nodes_from((key[n], clean(d)) for n, d in graph.nodes(data=True))
    safe.add_edges_from((key[a], key[b], clean(d)) for a, b, d in graph.edges(data=True))
    return "\n".join(nx.generate_graphml(safe, encoding="utf-8", prettyprint=True))
