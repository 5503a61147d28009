"""Draws the same road maps as absynth with Matplotlib (Agg), for the benchmark's baseline.

Reads JSON lines of road-map scenes on stdin (the scene format of @absynth/maps), draws each at
the given pixel size with the same elements absynth draws (the free area, obstacle cells merged
into runs, thin grid lines, a frame, the start and end dots with a rim, and the two-character
markers in bold), writes PNGs into the output folder, and prints the seconds spent drawing and
saving. Usage: roadmap-matplotlib.py SIZE OUT [PROCESSES]
"""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.collections import LineCollection, PatchCollection  # noqa: E402
from matplotlib.patches import Circle, Rectangle  # noqa: E402

from mpl_harness import run, size  # noqa: E402


def ink_on(hex_colour):
    """Black or white, whichever has the higher WCAG contrast on the colour (as absynth picks)."""
    def linear(c):
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    lum = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    return "#000000" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "#ffffff"


def mix(a, b, share):
    pa = [int(a[i : i + 2], 16) for i in (1, 3, 5)]
    pb = [int(b[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x * share + y * (1 - share)):02x}" for x, y in zip(pa, pb))


def draw(scene, path):
    grid = scene["grid"]
    n = scene["size"]
    colours = scene["colours"]
    fig = plt.figure(figsize=(size / 100, size / 100), dpi=100)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_xlim(0, size)
    ax.set_ylim(size, 0)
    ax.axis("off")
    margin = 16
    cell = int((size - 2 * margin) / n)
    side = cell * n
    x0 = round((size - side) / 2)
    y0 = x0
    ax.add_patch(Rectangle((x0, y0), side, side, facecolor=colours["free"]["hex"], edgecolor="none"))
    rects = []
    for r, line in enumerate(grid):
        c = 0
        while c < n:
            if line[c] == "#":
                start = c
                while c + 1 < n and line[c + 1] == "#":
                    c += 1
                rects.append(Rectangle((x0 + start * cell, y0 + r * cell), (c + 1 - start) * cell, cell))
            c += 1
    ax.add_collection(PatchCollection(rects, facecolor=colours["obstacle"]["hex"], edgecolor="none"))
    if scene["gridLines"]:
        lines = []
        for i in range(1, n):
            lines.append([(x0 + i * cell, y0), (x0 + i * cell, y0 + side)])
            lines.append([(x0, y0 + i * cell), (x0 + side, y0 + i * cell)])
        ax.add_collection(LineCollection(lines, colors=mix(colours["obstacle"]["hex"], colours["free"]["hex"], 0.5), linewidths=1))
    ax.add_patch(Rectangle((x0, y0), side, side, facecolor="none", edgecolor="#1f2328", linewidth=2))
    ink = ink_on(colours["free"]["hex"])

    def centre(p):
        return x0 + (p["col"] + 0.5) * cell, y0 + (p["row"] + 0.5) * cell

    for dot in ("start", "end"):
        ax.add_patch(Circle(centre(scene[dot]), cell * 0.36, facecolor=colours[dot]["hex"], edgecolor=ink, linewidth=max(1, cell * 0.05)))
    font = max(7, min(18, cell * 0.52)) * 0.75  # pixels to points at 100 dpi
    for marker in scene["markers"]:
        cx, cy = centre(marker)
        ax.text(cx, cy, marker["label"], ha="center", va="center", color=ink, fontsize=font, fontweight="bold")
    fig.savefig(path, dpi=100)
    plt.close(fig)


if __name__ == "__main__":
    run("roadmap", draw)
