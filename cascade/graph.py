"""The cascade as a networkx graph: letter and unit nodes, `contains` and `derived_from` edges."""

import json
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO
from xml.sax.saxutils import escape as xml_escape

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


# --- streamed files: the same graph written node by node, never held whole (a national folder's graph
# has millions of unit nodes) ----------------------------------------------------------------------------

_NODE_KEYS = (("kind", "string"), ("path", "string"), ("sha256", "string"), ("symbol", "string"), ("date", "string"),
              ("issuer", "string"), ("tier", "string"), ("system", "string"), ("subject", "string"),
              ("letter", "string"), ("unit", "string"), ("item", "string"), ("is_item", "boolean"),
              ("text", "string"))
_EDGE_KEYS = (("kind", "string"), ("citation", "string"), ("retention", "double"), ("relation", "string"),
              ("similarity", "double"), ("kept_share", "double"), ("split", "boolean"), ("merged", "boolean"),
              ("moved", "boolean"))


def _letter_elements(letters: Iterable[tuple[str, Letter]]) -> Iterator[tuple[str, str, str | None, dict[str, object]]]:
    """("node", key, None, data) and ("edge", source, target, data) of the letters, as `build_graph`."""
    for key, letter in letters:
        h = letter.header
        yield "node", key, None, {"kind": "letter", "path": letter.source.path, "sha256": letter.source.sha256,
                                  "symbol": h.symbol or "", "date": h.date.isoformat() if h.date else "",
                                  "issuer": h.issuer or "", "tier": letter.tier.value, "system": letter.system.value,
                                  "subject": h.subject or ""}
        for u in letter_units(letter):
            node = f"{key}#{u.id}"
            yield "node", node, None, {"kind": "unit", "letter": key, "unit": u.id, "item": u.item,
                                       "is_item": u.is_item, "text": u.text}
            yield "edge", f"{key}#{u.container}" if u.container else key, node, {"kind": "contains"}


def _pair_edges(p: str, c: str, result: LinkResult) -> Iterator[tuple[str, str, str | None, dict[str, object]]]:
    """The `derived_from` edges of one linked pair: letter to letter, then unit to unit."""
    yield "edge", c, p, {"kind": "derived_from", "citation": result.citation_check.status.value,
                         "retention": result.summary.retention}
    for link in result.links:
        yield "edge", f"{c}#{link.child}", f"{p}#{link.parent}", {
            "kind": "derived_from", "relation": link.relation.value, "similarity": link.similarity,
            "kept_share": link.kept_share, "split": link.split, "merged": link.merged, "moved": link.moved}


def _graphml_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return xml_escape(xml_text(str(value)), {'"': "&quot;"})


_IDS = {("node", name): f"n{k}" for k, (name, _) in enumerate(_NODE_KEYS)} | {
    ("edge", name): f"e{k}" for k, (name, _) in enumerate(_EDGE_KEYS)}


class GraphWriter:
    """Both graph files written as a folder run goes, never held whole: every letter's nodes and
    `contains` edges (the letters are all known before linking starts), each pair's `derived_from`
    edges as the pair is linked (`add_pair`), the closing tags at `close`. The files are those
    `write_graphml` and `write_graph_json` write. Either output may be None.

    The letters are read once: given as `letters`, or handed one at a time (`add_letter`, then
    `end_letters`, before the first pair). The node-link file lists every node before every link, so
    the letters' `contains` links wait in a temporary file until the last letter's nodes are written."""

    def __init__(self, graphml: TextIO | None, node_link: TextIO | None,
                 letters: Callable[[], Iterable[tuple[str, Letter]]] | None = None) -> None:
        self.graphml, self.node_link = graphml, node_link
        self.first_link = True
        self.first_node = True
        self._contains: TextIO | None = None  # the letters' `contains` links of the node-link file, meanwhile
        if graphml is not None:
            graphml.write('<?xml version="1.0" encoding="utf-8"?>\n'
                          '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                          'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation='
                          '"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
            for scope, keys in (("node", _NODE_KEYS), ("edge", _EDGE_KEYS)):
                for name, kind in keys:
                    graphml.write(f'  <key id="{_IDS[(scope, name)]}" for="{scope}" attr.name="{name}" '
                                  f'attr.type="{kind}" />\n')
            graphml.write('  <graph edgedefault="directed">\n')
        if node_link is not None:
            node_link.write('{\n "directed": true,\n "multigraph": false,\n "graph": {},\n "nodes": [')
            self._contains = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 (closed by end_letters)
        if letters is not None:
            for key, letter in letters():
                self.add_letter(key, letter)
            self.end_letters()

    def add_letter(self, key: str, letter: Letter) -> None:
        """One letter's nodes and `contains` edges (every letter before `end_letters`)."""
        elements = list(_letter_elements(((key, letter),)))
        if self.graphml is not None:
            self._graphml(elements)
        if self.node_link is not None:
            out = self.node_link
            for what, a, _, data in elements:
                if what == "node":
                    out.write(("\n  " if self.first_node else ",\n  ")
                              + json.dumps({**data, "id": a}, ensure_ascii=False))
                    self.first_node = False
            self._links(elements, self._contains)

    def end_letters(self) -> None:
        """The letters are all written: the node-link file's nodes end and its links begin."""
        if self.node_link is not None and self._contains is not None:
            self.node_link.write('\n ],\n "links": [')
            self._contains.seek(0)
            shutil.copyfileobj(self._contains, self.node_link)
            self._contains.close()
            self._contains = None

    def add_pair(self, parent: str, child: str, result: LinkResult) -> None:
        self.end_letters()
        if self.graphml is not None:
            self._graphml(_pair_edges(parent, child, result))
        if self.node_link is not None:
            self._links(_pair_edges(parent, child, result))

    def close(self) -> None:
        self.end_letters()
        if self.graphml is not None:
            self.graphml.write("  </graph>\n</graphml>\n")
        if self.node_link is not None:
            self.node_link.write("\n ]\n}\n")

    def _graphml(self, elements: Iterable[tuple[str, str, str | None, dict[str, object]]]) -> None:
        out = self.graphml
        assert out is not None
        for what, a, b, data in elements:
            values = "".join(f'<data key="{_IDS[(what, k)]}">{_graphml_text(v)}</data>' for k, v in data.items())
            if what == "node":
                out.write(f'    <node id="{_graphml_text(a)}">{values}</node>\n')
            else:
                out.write(f'    <edge source="{_graphml_text(a)}" target="{_graphml_text(b)}">{values}</edge>\n')

    def _links(self, elements: Iterable[tuple[str, str, str | None, dict[str, object]]],
               out: TextIO | None = None) -> None:
        out = out or self.node_link
        assert out is not None
        for what, a, b, data in elements:
            if what == "edge":
                out.write(("\n  " if self.first_link else ",\n  ")
                          + json.dumps({**data, "source": a, "target": b}, ensure_ascii=False))
                self.first_link = False


def write_graph_json(out: TextIO, letters: Callable[[], Iterable[tuple[str, Letter]]],
                     results: Callable[[], Iterable[tuple[str, str, LinkResult]]]) -> None:
    """Node-link JSON as `graph_to_json` gives (d3, networkx.node_link_graph), written as it goes: the
    nodes, then the links, each in one pass over the letters and results (`letters()`, `results()`)."""
    writer = GraphWriter(None, out, letters)
    for p, c, result in results():
        writer.add_pair(p, c, result)
    writer.close()


def write_graphml(out: TextIO, letters: Iterable[tuple[str, Letter]],
                  results: Iterable[tuple[str, str, LinkResult]]) -> None:
    """GraphML (Gephi, yEd, Cytoscape) written as it goes, well-formed as `graph_to_graphml`: keys and
    texts through `xml_text` (visible escapes for what XML 1.0 cannot hold), then XML-escaped."""
    writer = GraphWriter(out, None, lambda: letters)
    for p, c, result in results:
        writer.add_pair(p, c, result)
    writer.close()
