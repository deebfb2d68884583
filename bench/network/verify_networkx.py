#!/usr/bin/env python3
"""Checks `network-metrics` against NetworkX on small and medium graphs: betweenness_centrality
(normalized=True, directed) to 1e-9, degrees exactly, and that our clusters' modularity is at least
what NetworkX's own Louvain finds (minus 0.05: Louvain finds a local optimum, e.g. 0.26 against 0.30 on a path of six) on the undirected version.

    /usr/bin/python3 bench/network/verify_networkx.py "dotnet bench/Mutua.Bench/bin/Release/net10.0/Mutua.Bench.dll"
"""
import csv, os, random, shlex, subprocess, sys, tempfile
import networkx as nx
from networkx.algorithms import community as nxc

bench = shlex.split(sys.argv[1])

def grouped(n, seed):
    r = random.Random(seed)
    g = nx.DiGraph(); g.add_nodes_from(range(n))
    start = 0
    while start < n:
        size = min(n - start, r.randint(4, 8))
        for a in range(start, start + size):
            for b in range(start, start + size):
                if a != b and r.random() < 0.6: g.add_edge(a, b)
        start += size
    for a in range(n):
        for _ in range(r.randint(0, 2)):
            b = r.randrange(n)
            if b != a: g.add_edge(a, b)
    return g

graphs = {
    "path": nx.path_graph(6, create_using=nx.DiGraph),
    "star": nx.DiGraph([(0, i) for i in range(1, 6)] + [(i, 0) for i in range(1, 6)]),
    "cycle": nx.cycle_graph(7, create_using=nx.DiGraph),
    "gnp-150": nx.gnp_random_graph(150, 0.03, seed=3, directed=True),
    "grouped-500": grouped(500, 1),
    "grouped-2000": grouped(2000, 2),
}
worst = 0.0
ok = True
with tempfile.TemporaryDirectory() as d:
    for name, g in graphs.items():
        # Every node must appear in the edge list; these graphs have no node without links.
        edges = os.path.join(d, name + ".csv"); out = os.path.join(d, name + "-metrics.csv")
        with open(edges, "w") as f:
            f.write("source,target\n")
            for a, b in g.edges(): f.write(f"{a},{b}\n")
        subprocess.run(bench + ["network-metrics", "--edges", edges, "--out", out], check=True, stderr=subprocess.DEVNULL)
        rows = {int(r["node"]): r for r in csv.DictReader(open(out))}
        ref = nx.betweenness_centrality(g, normalized=True)
        diff = max(abs(float(rows[v]["betweenness"]) - ref[v]) for v in g.nodes)
        degrees = all(int(rows[v]["in_degree"]) == g.in_degree(v) and int(rows[v]["out_degree"]) == g.out_degree(v) for v in g.nodes)
        u = g.to_undirected()
        ours = {}
        for v in g.nodes: ours.setdefault(rows[v]["cluster"], set()).add(v)
        q_ours = nxc.modularity(u, list(ours.values()))
        q_nx = nxc.modularity(u, nxc.louvain_communities(u, seed=1)) if u.number_of_edges() else 0
        good = diff <= 1e-9 and degrees and q_ours >= q_nx - 0.05
        ok &= good
        worst = max(worst, diff)
        print(f"{name:14} n={g.number_of_nodes():5} m={g.number_of_edges():6}  max|betweenness - networkx|={diff:.2e}  "
              f"degrees {'ok' if degrees else 'DIFFER'}  modularity ours={q_ours:.4f} networkx-louvain={q_nx:.4f}  {'OK' if good else 'FAIL'}")
print(f"worst betweenness difference {worst:.2e}: {'all OK' if ok else 'FAILED'}")
sys.exit(0 if ok else 1)
