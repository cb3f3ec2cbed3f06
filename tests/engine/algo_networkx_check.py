#!/usr/bin/env python3
"""Cross-checks ergo's graph procedures against networkx.

Run by tests/engine/algo_networkx_test.cpp, which writes a random graph and
what ergo's procedures answered on it:

    python3 algo_networkx_check.py GRAPH RESULTS

GRAPH has a line `nodes N` (nodes 0..N-1), a line `label ID LABEL` per node
and a line `edge FROM TO TYPE WEIGHT` per relationship, in id order. RESULTS
has one line per answer, `ALGORITHM KEY... VALUE`, as written by the test.
Each answer is computed again here with networkx and compared. Prints one
line per mismatch and a summary `N passed, N failed`; exits 1 on any
mismatch, 2 when networkx cannot be imported.
"""

import sys
from collections import defaultdict

try:
    import networkx as nx
except ImportError:
    print("networkx is not installed")
    sys.exit(2)


def read_graph(path):
    labels, edges, n = {}, [], 0
    with open(path) as f:
        for line in f:
            parts = line.split()
            if parts[0] == "nodes":
                n = int(parts[1])
            elif parts[0] == "label":
                labels[int(parts[1])] = parts[2]
            elif parts[0] == "edge":
                edges.append((int(parts[1]), int(parts[2]), parts[3], float(parts[4])))
    return n, labels, edges


def project(n, labels, edges, label=None, rel_type=None):
    """The nodes and relationships a projection {labels: [label], types: [rel_type]} keeps."""
    nodes = [v for v in range(n) if label is None or labels[v] == label]
    keep = set(nodes)
    kept = [e for e in edges if e[0] in keep and e[1] in keep and (rel_type is None or e[2] == rel_type)]
    return nodes, kept


def multi_digraph(nodes, edges):
    g = nx.MultiDiGraph()
    g.add_nodes_from(nodes)
    for u, v, t, w in edges:
        g.add_edge(u, v, w=w)
    return g


def digraph(nodes, edges):
    g = nx.DiGraph()
    g.add_nodes_from(nodes)
    g.add_edges_from((u, v) for u, v, _, _ in edges)
    return g


def simple_graph(nodes, edges):
    g = nx.Graph()
    g.add_nodes_from(nodes)
    g.add_edges_from((u, v) for u, v, _, _ in edges if u != v)
    return g


def pagerank(multi, damping=0.85):
    """networkx's PageRank on the relationship counts as weights (ergo counts
    parallel relationships). networkx 3 runs it on scipy; without scipy, its
    pure-Python implementation gives the same numbers."""
    weighted = nx.DiGraph()
    weighted.add_nodes_from(multi.nodes)
    for u, v in multi.edges():
        weighted.add_edge(u, v, weight=weighted[u][v]["weight"] + 1 if weighted.has_edge(u, v) else 1)
    try:
        return nx.pagerank(weighted, alpha=damping, tol=1e-13, max_iter=10000)
    except ImportError:
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

        return _pagerank_python(weighted, alpha=damping, tol=1e-13, max_iter=10000)


def partition(assignment):
    groups = defaultdict(set)
    for node, comp in assignment.items():
        groups[comp].add(node)
    return sorted(sorted(g) for g in groups.values())


def count_multipaths(multi, paths):
    """Relationship sequences along the node paths: ergo lists a path per
    choice of parallel relationship."""
    total = 0
    for p in paths:
        ways = 1
        for u, v in zip(p, p[1:]):
            ways *= multi.number_of_edges(u, v)
        total += ways
    return total


def main():
    n, labels, edges = read_graph(sys.argv[1])
    answers = defaultdict(dict)
    with open(sys.argv[2]) as f:
        for line in f:
            parts = line.split()
            answers[parts[0]][tuple(parts[1:-1])] = parts[-1]

    nodes, _ = project(n, labels, edges)
    multi = multi_digraph(nodes, edges)
    plain = digraph(nodes, edges)
    undirected = simple_graph(nodes, edges)
    a_nodes, a_edges = project(n, labels, edges, label="A")
    x_nodes, x_edges = project(n, labels, edges, rel_type="X")

    passed, failures = 0, []

    def check(name, key, expected, got, tolerance=0.0):
        nonlocal passed
        ok = abs(expected - got) <= tolerance if tolerance else expected == got
        if ok:
            passed += 1
        else:
            failures.append(f"{name} {' '.join(map(str, key))}: networkx {expected}, ergo {got}")

    def by_node(name, cast=float):
        return {int(k[0]): cast(v) for k, v in answers[name].items()}

    # PageRank: ergo's scores sum to n when no node is dangling (the test
    # graphs have none), networkx's to 1.
    for v, score in pagerank(multi).items():
        check("pageRank", (v,), score * n, by_node("pageRank")[v], 1e-6)

    for v, score in nx.betweenness_centrality(plain, normalized=False).items():
        check("betweenness", (v,), score, by_node("betweenness")[v], 1e-9)
    for v, score in nx.betweenness_centrality(simple_graph(nodes, edges), normalized=False).items():
        check("betweenness_both", (v,), score, by_node("betweenness_both")[v], 1e-9)
    for v, score in nx.betweenness_centrality(digraph(a_nodes, a_edges), normalized=False).items():
        check("betweenness_A", (v,), score, by_node("betweenness_A")[v], 1e-9)

    for name, degrees in (("degree_out", multi.out_degree()), ("degree_in", multi.in_degree()),
                          ("degree_both", multi.degree())):
        got = by_node(name, int)
        for v, d in degrees:
            check(name, (v,), d, got[v])

    wcc = {v: i for i, c in enumerate(nx.weakly_connected_components(multi)) for v in c}
    check("wcc", ("partition",), partition(wcc), partition(by_node("wcc", int)))
    wcc_x = {v: i for i, c in enumerate(nx.weakly_connected_components(multi_digraph(x_nodes, x_edges))) for v in c}
    check("wcc_X", ("partition",), partition(wcc_x), partition(by_node("wcc_X", int)))
    scc = {v: i for i, c in enumerate(nx.strongly_connected_components(multi)) for v in c}
    check("scc", ("partition",), partition(scc), partition(by_node("scc", int)))

    for v, t in nx.triangles(undirected).items():
        check("triangles", (v,), t, by_node("triangles", int)[v])
    for v, c in nx.clustering(undirected).items():
        check("coefficient", (v,), c, by_node("coefficient")[v], 1e-12)
    x_undirected = simple_graph(x_nodes, x_edges)
    for v, t in nx.triangles(x_undirected).items():
        check("triangles_X", (v,), t, by_node("triangles_X", int)[v])

    for (s, t), got in answers["shortestPath"].items():
        s, t = int(s), int(t)
        expected = nx.shortest_path_length(multi, s, t) if nx.has_path(multi, s, t) else -1
        check("shortestPath", (s, t), expected, int(got))
    for (s, t), got in answers["allShortestPaths"].items():
        s, t = int(s), int(t)
        expected = count_multipaths(multi, nx.all_shortest_paths(multi, s, t)) if nx.has_path(multi, s, t) else 0
        check("allShortestPaths", (s, t), expected, int(got))
    for (s, t), got in answers["dijkstra"].items():
        s, t = int(s), int(t)
        expected = nx.dijkstra_path_length(multi, s, t, weight="w") if nx.has_path(multi, s, t) else -1
        check("dijkstra", (s, t), expected, float(got), 1e-9)
    for (s, k), got in answers["khop"].items():
        reached = nx.single_source_shortest_path_length(multi, int(s), cutoff=int(k))
        expected = ",".join(f"{v}:{d}" for v, d in sorted(reached.items()) if v != int(s)) or "-"
        check("khop", (s, k), expected, got)

    for f in failures:
        print(f)
    print(f"{passed} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
