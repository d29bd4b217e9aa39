"""Where the contact graph's nodes go: the case in the centre, each depth on its own ring, each contact
next to the person it was exposed to (Qt-free: the trace panel draws it with pyqtgraph)."""

from __future__ import annotations

import numpy as np

from app.models.tracing import Trace


def trace_graph(result: Trace) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(node person ids, node depths, positions (n, 2), edges (m, 2) as node indices); node 0 is the case."""
    people = [result.case_id] + [c.person_id for c in result.contacts]
    depths = [0] + [c.depth for c in result.contacts]
    index = {p: i for i, p in enumerate(people)}
    angle = np.zeros(len(people))
    pos = np.zeros((len(people), 2))
    edges = []
    for d in range(1, result.depth + 1):
        ring = [i for i, c in enumerate(result.contacts, start=1) if c.depth == d]
        parent_angle = [angle[index[result.contacts[i - 1].links[0].source]] for i in ring]
        order = [ring[k] for k in np.argsort(parent_angle, kind="stable")]
        for k, i in enumerate(order):
            angle[i] = 2 * np.pi * k / max(len(order), 1)
            pos[i] = d * np.cos(angle[i]), d * np.sin(angle[i])
    for i, c in enumerate(result.contacts, start=1):
        for source in dict.fromkeys(ln.source for ln in c.links):
            edges.append((index[source], i))
    return (np.asarray(people, np.int64), np.asarray(depths, np.int64), pos,
            np.asarray(edges, np.int64).reshape(-1, 2))
