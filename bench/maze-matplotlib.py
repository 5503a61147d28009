"""Draws the same mazes as absynth with Matplotlib (Agg), for the benchmark's baseline.

Reads JSON lines of maze scenes on stdin (the scene format of @absynth/maps), draws each at the
given pixel size with the same elements absynth draws (walls or blocks merged into runs, faint
grid lines, start circle, goal square, letters), writes PNGs into the output folder, and prints
the seconds spent drawing and saving. Usage: maze-matplotlib.py SIZE OUT [PROCESSES]
"""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.collections import LineCollection, PatchCollection  # noqa: E402
from matplotlib.patches import Circle, Rectangle  # noqa: E402

from mpl_harness import run, size  # noqa: E402


def draw(scene, path):
    grid = scene["grid"]
    h, w = len(grid), len(grid[0])
    walls = scene["style"] == "walls"
    fig = plt.figure(figsize=(size / 100, size / 100), dpi=100)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_xlim(0, size)
    ax.set_ylim(size, 0)
    ax.axis("off")
    margin = 16
    across = scene["cols"] if walls else w
    unit = int((size - 2 * margin) / across)
    block = unit / 2 if walls else unit
    x0 = (size - across * unit) / 2
    y0 = x0
    grid_lines = []
    step = 2 * block if walls else block
    extent = (w - 1) * block if walls else w * block
    n = int(round(extent / step))
    for i in range(1, n):
        grid_lines.append([(x0 + i * step, y0), (x0 + i * step, y0 + extent)])
        grid_lines.append([(x0, y0 + i * step), (x0 + extent, y0 + i * step)])
    ax.add_collection(LineCollection(grid_lines, colors="#cccccc", linewidths=1, linestyles="--" if walls else "-"))
    if walls:
        segs = []
        for r in range(0, h, 2):
            c = 1
            while c < w:
                if grid[r][c] == "#":
                    start = c - 1
                    while c + 2 < w and grid[r][c + 2] == "#":
                        c += 2
                    segs.append([(x0 + start * block, y0 + r * block), (x0 + (c + 1) * block, y0 + r * block)])
                c += 2
        for c in range(0, w, 2):
            r = 1
            while r < h:
                if grid[r][c] == "#":
                    start = r - 1
                    while r + 2 < h and grid[r + 2][c] == "#":
                        r += 2
                    segs.append([(x0 + c * block, y0 + start * block), (x0 + c * block, y0 + (r + 1) * block)])
                r += 2
        ax.add_collection(LineCollection(segs, colors="#222222", linewidths=2.5, capstyle="projecting"))
    else:
        rects = []
        for r, line in enumerate(grid):
            c = 0
            while c < w:
                if line[c] == "#":
                    start = c
                    while c + 1 < w and line[c + 1] == "#":
                        c += 1
                    rects.append(Rectangle((x0 + start * block, y0 + r * block), (c + 1 - start) * block, block))
                c += 1
        ax.add_collection(PatchCollection(rects, facecolor="#222222", edgecolor="none"))

    def centre(p):
        if walls:
            return x0 + p["col"] * block, y0 + p["row"] * block
        return x0 + (p["col"] + 0.5) * block, y0 + (p["row"] + 0.5) * block

    cell = 2 * block if walls else block
    sx, sy = centre(scene["start"])
    ax.add_patch(Circle((sx, sy), cell * 0.4, color="#1f77b4"))
    ax.text(sx, sy, "S", ha="center", va="center", color="white", fontsize=cell * 0.35, fontweight="bold")
    gx, gy = centre(scene["goal"])
    ax.add_patch(Rectangle((gx - cell * 0.35, gy - cell * 0.35), cell * 0.7, cell * 0.7, color="#d62728"))
    ax.text(gx, gy, "G", ha="center", va="center", color="white", fontsize=cell * 0.35, fontweight="bold")
    for cand in scene["candidates"]:
        cx, cy = centre(cand)
        ax.text(cx, cy, cand["label"], ha="center", va="center", color="#e6550d", fontsize=cell * 0.45, fontweight="bold")
    fig.savefig(path, dpi=100)
    plt.close(fig)


if __name__ == "__main__":
    run("maze", draw)
