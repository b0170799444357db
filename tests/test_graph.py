"""cascade.graph: letter and unit nodes, `contains` and `derived_from` edges, JSON and GraphML that
networkx reads back."""

import json
from collections import Counter

import networkx as nx
import pytest
from letter_factory import A, B, C, D, item, pair

from cascade.graph import build_graph, graph_to_graphml, graph_to_json, letter_key
from cascade.linking import link_letters
from cascade.units import letter_units

LOCAL = ("Chỉ đạo, quản lý chặt chẽ thông tin trên báo chí, Internet, mạng xã hội và hệ thống truyền thanh cơ sở; gỡ "
         "bỏ các thông tin sai trái, không đúng quy định pháp luật & <an toàn>.")


@pytest.fixture
def linked(tmp_path):
    parent, child = pair(
        tmp_path,
        item("1.", A, f"- {C}", f"+ {D}") + item("1.1.", B) + item("2.", "Hội Nhà báo tỉnh phối hợp tuyên truyền."),
        item("1.", A.replace("các cấp", "huyện"), f"- {C}", f"+ {D}") + item("1.1.", B) + item("2.", LOCAL),
    )
    return parent, child, link_letters(parent, child)


def edges_of(graph: nx.DiGraph, kind: str) -> list[tuple[str, str, dict]]:
    return [(u, v, d) for u, v, d in graph.edges(data=True) if d["kind"] == kind]


def test_letter_and_unit_nodes(linked):
    parent, child, result = linked
    g = build_graph([parent, child], [result])
    p, c = letter_key(parent), letter_key(child)
    assert p != c
    assert g.nodes[p]["kind"] == "letter" and g.nodes[c]["kind"] == "letter"
    assert g.nodes[p]["symbol"] == "12-CV/BTGTU" and g.nodes[p]["date"] == "2024-05-22"
    assert g.nodes[p]["tier"] == "province" and g.nodes[c]["tier"] == "district"
    assert g.nodes[p]["system"] == "party"
    for letter, key in ((parent, p), (child, c)):
        units = letter_units(letter)
        nodes = {n for n, d in g.nodes(data=True) if d["kind"] == "unit" and d["letter"] == key}
        assert nodes == {f"{key}#{u.id}" for u in units}
        for u in units:
            d = g.nodes[f"{key}#{u.id}"]
            assert (d["unit"], d["item"], d["is_item"], d["text"]) == (u.id, u.item, u.is_item, u.text)
    kinds = Counter(d["kind"] for _, d in g.nodes(data=True))
    assert kinds == {"letter": 2, "unit": len(letter_units(parent)) + len(letter_units(child))}


def test_contains_edges_stay_inside_a_letter(linked):
    parent, child, result = linked
    g = build_graph([parent, child], [result])
    p, c = letter_key(parent), letter_key(child)
    contains = edges_of(g, "contains")
    assert len(contains) == len(letter_units(parent)) + len(letter_units(child))  # one parent edge per unit
    for u, v, _ in contains:
        assert u.split("#")[0] == v.split("#")[0]
    for key in (p, c):
        # the tree: letter → 1 → 1/1 → 1/1/1, letter → 1 → 1.1
        assert g.has_edge(key, f"{key}#1") and g.has_edge(key, f"{key}#2")
        assert g.has_edge(f"{key}#1", f"{key}#1/1")
        assert g.has_edge(f"{key}#1/1", f"{key}#1/1/1")
        assert g.has_edge(f"{key}#1", f"{key}#1.1")
        assert not g.has_edge(key, f"{key}#1.1")
        sub = g.edge_subgraph((u, v) for u, v, d in contains if u.split("#")[0] == key)
        assert nx.is_arborescence(sub)


def test_derived_from_edges_run_child_to_parent(linked):
    parent, child, result = linked
    g = build_graph([parent, child], [result])
    p, c = letter_key(parent), letter_key(child)
    derived = edges_of(g, "derived_from")
    letter_edges = [(u, v, d) for u, v, d in derived if "#" not in u]
    assert [(u, v) for u, v, _ in letter_edges] == [(c, p)]
    assert letter_edges[0][2]["citation"] == result.citation_check.status.value == "exact"
    assert letter_edges[0][2]["retention"] == result.summary.retention
    unit_edges = {(u, v): d for u, v, d in derived if "#" in u}
    assert set(unit_edges) == {(f"{c}#{link.child}", f"{p}#{link.parent}") for link in result.links}
    assert len(unit_edges) == len(result.links) > 0
    for link in result.links:
        d = unit_edges[(f"{c}#{link.child}", f"{p}#{link.parent}")]
        assert d["relation"] == link.relation.value
        assert d["similarity"] == link.similarity and d["kept_share"] == link.kept_share
        assert (d["split"], d["merged"], d["moved"]) == (link.split, link.merged, link.moved)
    assert unit_edges[(f"{c}#1", f"{p}#1")]["relation"] == "localised"
    assert not any(u.endswith("#2") for u, _ in unit_edges)  # child item 2 is local


def test_links_alone_add_their_letters(linked):
    parent, child, result = linked
    g = build_graph([], [result])
    assert g.number_of_nodes() == build_graph([parent, child], [result]).number_of_nodes()
    assert g.nodes[letter_key(child)]["kind"] == "letter"


def test_graph_to_json_round_trips(linked):
    parent, child, result = linked
    g = build_graph([parent, child], [result])
    text = graph_to_json(g)
    data = json.loads(text)
    assert "links" in data and "nodes" in data
    back = nx.node_link_graph(data, edges="links")
    assert back.is_directed()
    assert back.number_of_nodes() == g.number_of_nodes() and back.number_of_edges() == g.number_of_edges()
    assert dict(back.nodes(data=True)) == dict(g.nodes(data=True))
    assert {(u, v): d for u, v, d in back.edges(data=True)} == {(u, v): d for u, v, d in g.edges(data=True)}
    assert "Tuyên truyền" in text  # Vietnamese kept as written, not \u-escaped


def test_graph_to_graphml_parses_back(linked):
    parent, child, result = linked
    g = build_graph([parent, child], [result])
    back = nx.parse_graphml(graph_to_graphml(g))
    assert back.is_directed()
    assert back.number_of_nodes() == g.number_of_nodes()
    assert back.number_of_edges() == g.number_of_edges()
    assert set(back.nodes) == set(g.nodes)
    assert set(back.edges) == set(g.edges)
    c = letter_key(child)
    assert back.nodes[f"{c}#2"]["text"] == LOCAL  # & and <…> escaped in XML and read back
    for u, v, d in g.edges(data=True):
        assert back.edges[u, v]["kind"] == d["kind"]


def test_several_results_share_letter_nodes(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    province, district = pair(tmp_path / "a", item("1.", A) + item("2.", B), item("1.", A) + item("2.", B))
    _, commune = pair(tmp_path / "b", item("1.", A), item("1.", A, f"- {C}"))
    g = build_graph([province, district, commune],
                    [link_letters(province, district), link_letters(district, commune)])
    letters = [n for n, d in g.nodes(data=True) if d["kind"] == "letter"]
    assert len(letters) == 3
    assert {(u, v) for u, v, d in g.edges(data=True) if d["kind"] == "derived_from" and "#" not in u} == {
        (letter_key(district), letter_key(province)), (letter_key(commune), letter_key(district))}
    # a commune unit reaches the province unit it descends from through the district
    assert nx.has_path(g, f"{letter_key(commune)}#1", f"{letter_key(province)}#1")
