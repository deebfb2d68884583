#!/usr/bin/env python3
"""Times python3-igraph's betweenness() on a CSV edge list (source,target, integer node ids 0..n-1)
and writes the values normalised as NetworkX does for directed graphs: / ((n-1)(n-2))."""
import sys, time, igraph

edges_csv, out = sys.argv[1], sys.argv[2]
pairs = []
n = 0
with open(edges_csv) as f:
    next(f)
    for line in f:
        a, b = line.strip().split(",")[:2]
        a, b = int(a), int(b)
        if a != b:
            pairs.append((a, b))
        n = max(n, a + 1, b + 1)
g = igraph.Graph(n=n, edges=pairs, directed=True)
g.simplify(multiple=True, loops=True)
print(f"igraph graph: {g.vcount()} nodes, {g.ecount()} links, igraph {igraph.__version__}", flush=True)
start, cpu = time.perf_counter(), time.process_time()
values = g.betweenness(directed=True)
elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
print(f"igraph betweenness: {elapsed:.2f} s wall (1 thread)", flush=True)
print(f"igraph cpu: {cpu:.2f} s", flush=True)
scale = 1.0 / ((n - 1) * (n - 2))
with open(out, "w") as f:
    f.write("\n".join(repr(v * scale) for v in values))
