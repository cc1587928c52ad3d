"""Import cycles between modules of editor_app (imports inside functions count; imports only
for type checkers do not): prints each cycle's modules and the total, exit 1 when any.

    .venv/bin/python scripts/import_cycles.py
"""

from __future__ import annotations

import sys

import grimp


def cycles(package: str = "editor_app") -> list[list[str]]:
    graph = grimp.build_graph(package, exclude_type_checking_imports=True)
    modules = sorted(graph.modules)
    edges = {m: sorted(set(graph.find_modules_directly_imported_by(m)) & set(modules)) for m in modules}
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        order[v] = low[v] = len(order)
        stack.append(v)
        on_stack.add(v)
        for w in edges[v]:
            if w not in order:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], order[w])
        if low[v] == order[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10 * len(modules)))
    for m in modules:
        if m not in order:
            visit(m)
    return sorted(found)


if __name__ == "__main__":
    groups = cycles()
    for group in groups:
        print(f"{len(group)} modules: {', '.join(group)}")
    print(f"{len(groups)} cycle(s), {sum(map(len, groups))} modules in them")
    sys.exit(1 if groups else 0)
