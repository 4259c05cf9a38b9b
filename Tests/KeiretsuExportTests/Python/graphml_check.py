#!/usr/bin/env python3
"""What networkx and igraph make of a GraphML file, as JSON for the Swift export tests.

    graphml_check.py read FILE             -> {"networkx": {...}, "igraph": {...}}
    graphml_check.py write-networkx FILE   writes a small graph with networkx.write_graphml
    graphml_check.py write-igraph FILE     writes a small graph with igraph's write_graphml

Every attribute value is printed as [type, text] so that nothing is lost on the way to Swift:
type is bool, int, float or str; floats use repr(), which round-trips ('nan', 'inf', '1e+308',
'5e-324'). A library that is missing or fails to read the file gives {"error": "..."} instead of
a result, and the Swift test reports it.
"""

import json
import sys


def encode(value):
    if isinstance(value, bool):
        return ["bool", str(value)]
    if isinstance(value, int):
        return ["int", str(value)]
    if isinstance(value, float):
        return ["float", repr(value)]
    if value is None:
        return ["none", ""]
    return ["str", str(value)]


def encode_attrs(attrs):
    return {str(k): encode(v) for k, v in sorted(attrs.items(), key=lambda kv: str(kv[0]))}


def read_networkx(path):
    try:
        import networkx as nx
    except ImportError as e:
        return {"error": "networkx not installed: %s" % e}
    try:
        g = nx.read_graphml(path)
    except Exception as e:  # the test shows the reason
        return {"error": "%s: %s" % (type(e).__name__, e)}
    nodes = {str(n): encode_attrs(d) for n, d in g.nodes(data=True)}
    # Edges as [source, target, edge id, attributes]: a simple graph keeps the GraphML edge id
    # in the attribute "id", a multigraph uses it as the edge key instead.
    edges = []
    if g.is_multigraph():
        for u, v, key, d in g.edges(keys=True, data=True):
            edges.append([str(u), str(v), str(key), encode_attrs(d)])
    else:
        for u, v, d in g.edges(data=True):
            edges.append([str(u), str(v), str(d.get("id", "")), encode_attrs(d)])
    return {"directed": g.is_directed(), "nodes": nodes, "edges": edges}


def read_igraph(path):
    try:
        import igraph
    except ImportError as e:
        return {"error": "igraph not installed (pip install igraph): %s" % e}
    try:
        g = igraph.Graph.Read_GraphML(path)
    except Exception as e:
        return {"error": "%s: %s" % (type(e).__name__, e)}
    vertices = [encode_attrs(v.attributes()) for v in g.vs]
    ids = [v["id"] if "id" in g.vs.attributes() else str(v.index) for v in g.vs]
    edges = [[ids[e.source], ids[e.target], "", encode_attrs(e.attributes())] for e in g.es]
    return {"directed": g.is_directed(), "vertices": vertices, "edges": edges}


def write_networkx(path):
    import networkx as nx
    g = nx.MultiDiGraph()
    g.add_node("Alice", age=42, height=1.68, member=True, city="Tōkyō <&>")
    g.add_node("Bob", age=7, height=float("nan"), member=False, city="Paris")
    g.add_node("Carol")
    g.add_edge("Alice", "Bob", weight=0.5, since=2019)
    g.add_edge("Alice", "Bob", weight=1.5, since=2020)
    g.add_edge("Bob", "Carol", weight=float("inf"))
    nx.write_graphml(g, path)


def write_igraph(path):
    import igraph
    g = igraph.Graph(directed=True)
    g.add_vertices(3)
    g.vs["name"] = ["x", "y", "z"]
    g.vs["score"] = [1.5, 2.0, -3.25]
    g.vs["flag"] = [True, False, True]
    g.add_edges([(0, 1), (1, 2), (2, 2)])
    g.es["kind"] = ["a", "b", "loop"]
    g.es["weight"] = [1.0, 2.5, 3.0]
    g.write_graphml(path)


def main():
    if len(sys.argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    mode, path = sys.argv[1], sys.argv[2]
    if mode == "read":
        json.dump({"networkx": read_networkx(path), "igraph": read_igraph(path)}, sys.stdout,
                  ensure_ascii=False)
    elif mode == "write-networkx":
        write_networkx(path)
    elif mode == "write-igraph":
        write_igraph(path)
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
