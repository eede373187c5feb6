"""Prerequisite graphs of units: finding a cycle, for the loader's one clear error."""

from __future__ import annotations


def find_cycle(graph: dict[str, tuple[str, ...]]) -> list[str]:
    """One prerequisite cycle as a path (first id repeated at the end), or []."""
    state: dict[str, int] = {}
    for root in graph:
        if state.get(root):
            continue
        stack: list[tuple[str, int]] = [(root, 0)]
        path: list[str] = []
        while stack:
            node, i = stack.pop()
            if i == 0:
                state[node] = 1
                path.append(node)
            edges = [e for e in graph.get(node, ()) if e in graph]
            if i < len(edges):
                stack.append((node, i + 1))
                nxt = edges[i]
                if state.get(nxt) == 1:
                    return [*path[path.index(nxt) :], nxt]
                if not state.get(nxt):
                    stack.append((nxt, 0))
            else:
                state[node] = 2
                path.pop()
    return []
