"""Draws the same graphs and flowcharts as absynth with Graphviz, for the benchmark's baseline.

Reads JSON lines of graph scenes (@absynth/graphs `graphs`: nodes with label, shape and colour,
edges with an optional weight, a layout) or flowchart scenes (`flowcharts`: symbols by kind with
their text, edges labelled Yes or No, fills per kind, a direction), told apart by their fields.
For each it writes the equivalent DOT (the title as the graph label on top, the same labels,
node shapes and fills, weights and Yes/No on the edges, arrows only on directed edges, rank
direction from the layout or direction, neato for force layouts from the scene's start
positions) and renders it to PNG by running Graphviz (`dot -Tpng`, with `-Kneato` for force
layouts) once per image, as the `graphviz` Python package's render() does: the drawing scaled
to fit and centred on a SIZE × SIZE canvas. The timing covers writing the DOT and running Graphviz, pool start-up
excluded. Needs Debian's graphviz (the `dot` binary); no Python packages beyond the standard
library. Usage: graphs-graphviz.py SIZE OUT [PROCESSES]
"""
import subprocess

from mpl_harness import run, size

DPI = 96
FONT = "DejaVu Sans"
BOLD = "DejaVu Sans Bold"
INK = "#222222"

# Graph node outlines: Graphviz shape and style.
GRAPH_SHAPES = {
    "box": ("box", "filled"),
    "rounded": ("box", "rounded,filled"),
    "ellipse": ("ellipse", "filled"),
    "hexagon": ("hexagon", "filled"),
}
# Flowchart symbols: start and end as rounded boxes (the nearest to a stadium), input and output
# as parallelograms, processes as boxes, decisions as diamonds.
FLOW_SHAPES = {
    "start": ("box", "rounded,filled"),
    "end": ("box", "rounded,filled"),
    "input": ("parallelogram", "filled"),
    "output": ("parallelogram", "filled"),
    "process": ("box", "filled"),
    "decision": ("diamond", "filled"),
}


def quote(text):
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def header(title, rankdir, layout, splines):
    inches = size / DPI
    return [
        "digraph G {",
        f"  graph [label={quote(title)}, labelloc=t, fontname={quote(BOLD)}, fontsize=18, layout={layout},"
        f' rankdir={rankdir}, splines={splines}, size="{inches:.3f},{inches:.3f}!", dpi={DPI}, pad=0.2,'
        # The drawing scaled to fit, centred on a SIZE × SIZE canvas (the viewport is in points).
        f' viewport="{inches * 72:.1f},{inches * 72:.1f}", bgcolor=white, overlap=false, sep="+8",'
        " nodesep=0.3, ranksep=0.4];",
        f"  node [fontname={quote(FONT)}, fontsize=11, color={quote(INK)}, fontcolor={quote(INK)}, penwidth=1.2,"
        " height=0.35, margin=\"0.12,0.04\"];",
        f"  edge [fontname={quote(FONT)}, fontsize=10, color={quote(INK)}, fontcolor={quote(INK)}, arrowsize=0.7];",
    ]


def graph_dot(scene):
    force = scene["layout"] == "force"
    rankdir = "LR" if scene["layout"] == "layered-right" else "TB"
    # absynth draws force layouts with straight edges and layered ones with orthogonal routes.
    lines = header(scene["title"], rankdir, "neato" if force else "dot", "line" if force else "ortho")
    for node in scene["nodes"]:
        shape, style = GRAPH_SHAPES[node["shape"]]
        attrs = f"label={quote(node['label'])}, shape={shape}, style={quote(style)}, fillcolor={quote(node['colour']['hex'])}"
        if force and node["at"] is not None:
            x, y = node["at"]
            attrs += f', pos="{x * 4:.3f},{(1 - y) * 3:.3f}"'  # neato starts from the scene's positions
        lines.append(f"  {quote(node['id'])} [{attrs}];")
    for edge in scene["edges"]:
        attrs = []
        if edge["weight"] is not None:
            attrs.append(f"label={quote(edge['weight'])}")
        if not scene["directed"]:
            attrs.append("dir=none")
        lines.append(f"  {quote(edge['from'])} -> {quote(edge['to'])} [{', '.join(attrs)}];")
    lines.append("}")
    return "\n".join(lines), "neato" if force else "dot"


def flowchart_dot(scene):
    rankdir = "LR" if scene["direction"] == "RIGHT" else "TB"
    # Orthogonal routes as absynth draws them; Graphviz's ortho router places labels as xlabels.
    lines = header(scene["title"], rankdir, "dot", "ortho")
    for node in scene["nodes"]:
        shape, style = FLOW_SHAPES[node["kind"]]
        fill = scene["fills"][node["kind"]]["hex"]
        lines.append(f"  {quote(node['id'])} [label={quote(node['text'])}, shape={shape}, style={quote(style)}, fillcolor={quote(fill)}];")
    for edge in scene["edges"]:
        attrs = ""
        if edge["label"] is not None:
            attrs = f" [xlabel={quote(edge['label'])}, fontname={quote(BOLD)}]"
        lines.append(f"  {quote(edge['from'])} -> {quote(edge['to'])}{attrs};")
    lines.append("}")
    return "\n".join(lines), "dot"


def draw(scene, path):
    source, engine = flowchart_dot(scene) if "fills" in scene else graph_dot(scene)
    # One Graphviz process per image; warnings (such as ortho's about labels) are not errors.
    command = ["dot", f"-K{engine}", "-Tpng", "-o", path]
    done = subprocess.run(command, input=source.encode(), stderr=subprocess.DEVNULL)
    if done.returncode != 0 and "splines=ortho" in source:
        # Graphviz's orthogonal router aborts on some graphs (an assertion in its maze router);
        # such a graph is drawn again with polyline edges, and both attempts count in the time.
        source = source.replace("splines=ortho", "splines=polyline")
        done = subprocess.run(command, input=source.encode(), stderr=subprocess.DEVNULL)
    if done.returncode != 0:
        raise RuntimeError(f"Graphviz failed on {path}")


if __name__ == "__main__":
    run("graph", draw)
