"""A picture of the actor network: a self-contained SVG (no JavaScript, no fonts to fetch).

Nodes are actors sized by how many events they take part in; an arrow goes from source to
target, its width the number of events and its colour the mean intensity (red conflict,
green cooperation). The layout is networkx's spring layout with a fixed seed, so the same
store gives the same picture.
"""
from __future__ import annotations

import html
import math

WIDTH, HEIGHT, MARGIN = 960, 640, 80


def _colour(intensity: float | None) -> str:
    if intensity is None:
        return "#888888"
    t = max(-10.0, min(10.0, float(intensity))) / 10.0
    if t < 0:  # grey to red
        return f"rgb({int(140 + 100 * -t)},{int(140 - 110 * -t)},{int(140 - 110 * -t)})"
    return f"rgb({int(140 - 110 * t)},{int(140 + 40 * t)},{int(140 - 90 * t)})"


def to_svg(graph, title: str = "flashpoint actor network") -> str:
    import networkx as nx

    if graph.number_of_nodes() == 0:
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="120">'
                f'<text x="20" y="60" font-family="sans-serif">No events to draw.</text></svg>')
    try:  # an even spread for small networks; spring layout where that is not available
        pos = nx.kamada_kawai_layout(graph.to_undirected())
    except (ImportError, nx.NetworkXException):
        pos = nx.spring_layout(graph, seed=7, k=2.5 / math.sqrt(graph.number_of_nodes()), iterations=300)
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1, (max(ys) - min(ys)) or 1

    def place(node):
        x, y = pos[node]
        return (MARGIN + (x - min(xs)) / span_x * (WIDTH - 2 * MARGIN),
                MARGIN + (y - min(ys)) / span_y * (HEIGHT - 2 * MARGIN))

    degree = {n: sum(d.get("count", 1) for *_, d in graph.edges(n, data=True))
              + sum(d.get("count", 1) for *_, d in graph.in_edges(n, data=True)) for n in graph}
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
           f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif">',
           '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" '
           'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>',
           f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#fcfcfa"/>',
           f'<text x="20" y="30" font-size="18" font-weight="bold">{html.escape(title)}</text>',
           '<text x="20" y="50" font-size="12" fill="#555">arrow: source → target; width: events; '
           'colour: mean intensity (red conflict, green cooperation)</text>']
    for u, v, data in graph.edges(data=True):
        (x1, y1), (x2, y2) = place(u), place(v)
        r2 = 6 + 3 * math.sqrt(degree[v])
        d = math.hypot(x2 - x1, y2 - y1) or 1
        x2, y2 = x2 - (x2 - x1) / d * r2, y2 - (y2 - y1) / d * r2
        label = f"{u} → {v}: {data.get('count', 1)} event(s) {data.get('event_types', '')}"
        out.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                   f'stroke="{_colour(data.get("mean_intensity"))}" stroke-width="{1 + 1.5 * math.sqrt(data.get("count", 1)):.1f}" '
                   f'marker-end="url(#arrow)" opacity="0.85"><title>{html.escape(label)}</title></line>')
    for node in graph:
        x, y = place(node)
        r = 6 + 3 * math.sqrt(degree[node])
        code = graph.nodes[node].get("code") or ""
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#2f5d8a" opacity="0.9">'
                   f'<title>{html.escape(str(node))} {html.escape(str(code))}</title></circle>')
        out.append(f'<text x="{x + r + 3:.1f}" y="{y + 4:.1f}" font-size="12">{html.escape(str(node))}</text>')
    out.append("</svg>")
    return "\n".join(out)
