#!/usr/bin/env python3
"""GraphML from `ergo dump --format graphml`, read by networkx.

Dumps the bundled graph with the real binary, reads it with
networkx.read_graphml, and compares node and edge counts, the typed keys
and a few properties with what ergo itself answers. Exits 77 (CTest
SKIP_RETURN_CODE) only when python3 cannot import networkx.

usage: graphml_networkx_check.py ERGO DATA_DIR
"""
import json
import subprocess
import sys
import tempfile
import os

try:
    import networkx
except ImportError:
    print("SKIP: python3 cannot import networkx (Debian package python3-networkx)")
    sys.exit(77)

ergo, data = sys.argv[1], sys.argv[2]


def ergo_json(query):
    out = subprocess.run([ergo, data, "--format", "jsonl", "-e", query], check=True, capture_output=True, text=True)
    return [json.loads(line) for line in out.stdout.splitlines()]


def check(condition, message):
    if not condition:
        print("FAIL:", message)
        sys.exit(1)


with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "graph.graphml")
    subprocess.run([ergo, "dump", data, "-o", path], check=True, capture_output=True)
    g = networkx.read_graphml(path)

counts = ergo_json("MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS relationships")[0]
check(g.number_of_nodes() == counts["nodes"], f"{g.number_of_nodes()} nodes, ergo has {counts['nodes']}")
check(g.number_of_edges() == counts["relationships"], f"{g.number_of_edges()} edges, ergo has {counts['relationships']}")
check(g.is_directed(), "read as an undirected graph")

by_name = {attrs.get("name"): attrs for _, attrs in g.nodes(data=True)}
ms = by_name["Microsoft"]
check(ms["labels"] == ":Company", f"Microsoft's labels are {ms['labels']!r}")
check(json.loads(ms["aliases"]) == ["마이크로소프트", "MS", "마이크로스프트"], f"Microsoft's aliases are {ms['aliases']!r}")
openai = by_name["OpenAI"]
check(openai["founded"] == "2015-12-01" and openai["founded_precision"] == "month", f"OpenAI: {openai}")

deals = [(u, v, d) for u, v, d in g.edges(data=True) if d.get("label") == "INVESTS_IN" and "amount" in d]
check(len(deals) == 1, f"{len(deals)} INVESTS_IN edges with an amount")
u, v, d = deals[0]
check(g.nodes[u]["name"] == "Microsoft" and g.nodes[v]["name"] == "OpenAI", f"the deal runs {u} -> {v}")
check(d["amount"] == 1000000000 and isinstance(d["amount"], int), f"amount {d['amount']!r}")
check(d["line"] == 4 and isinstance(d["line"], int), f"line {d['line']!r}")
check(d["currency"] == "USD" and d["source"] == "001_009795713d7dc0a1", f"deal {d}")

members = ergo_json("MATCH (n {name: 'AI Alliance'}) RETURN n.members_approx AS m")[0]["m"]
check(by_name["AI Alliance"]["members_approx"] == members, "members_approx differs")
print(f"OK: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, typed keys read back by networkx {networkx.__version__}")
