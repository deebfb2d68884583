"""Reads the help map's GEXF and GraphML files with networkx, as a researcher would, and prints what it found as JSON.

Usage: /usr/bin/python3 read_network.py FILE.gexf FILE.graphml
"""
import json
import sys
import warnings

import networkx as nx


def describe(graph):
    return {
        "directed": graph.is_directed(),
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "ids": sorted(str(n) for n in graph.nodes),
        "in_degree": sum(int(d.get("in_degree", 0)) for _, d in graph.nodes(data=True)),
        "months": sum(int(d.get("months", 0)) for _, _, d in graph.edges(data=True)),
        "value_minor_units": sum(int(d.get("value_minor_units", 0)) for _, _, d in graph.edges(data=True)),
        "currencies": sorted({str(d.get("currency")) for _, _, d in graph.edges(data=True)}),
    }


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    found = {"gexf": describe(nx.read_gexf(sys.argv[1])), "graphml": describe(nx.read_graphml(sys.argv[2]))}
found["warnings"] = [str(w.message) for w in caught]
print(json.dumps(found))
