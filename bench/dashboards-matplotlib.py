"""Draws the same dashboards as absynth with Matplotlib (Agg), for the benchmark's baseline.

Reads JSON lines of dashboard scenes on stdin (the scene format of @absynth/dashboards), draws
each at the given pixel size with the same elements absynth draws (the cells of the grid, each
face with its bezel and shading rings, gauge zones as ring sectors, every tick, the numbers round
the dial, the unit, needles as polygons, the hub; clock marks, numerals, hands and second hand;
captions, part of the day and the needles' key), writes PNGs into the output folder, and prints
the seconds spent drawing and saving. Usage: dashboards-matplotlib.py SIZE OUT [PROCESSES]
"""
import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.collections import LineCollection  # noqa: E402
from matplotlib.patches import Circle, Polygon, Rectangle, Wedge  # noqa: E402

from mpl_harness import run, size  # noqa: E402

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
PT = 0.72  # points per pixel at 100 dpi


def polar(cx, cy, r, angle):
    t = math.radians(angle)
    return cx + r * math.sin(t), cy - r * math.cos(t)


def cells(count, width, height):
    best = (1, 0)
    for columns in range(1, count + 1):
        rows = math.ceil(count / columns)
        side = min(width / columns, height / rows)
        if side > best[1] + 1e-9:
            best = (columns, side)
    columns = best[0]
    rows = math.ceil(count / columns)
    w, h = width / columns, height / rows
    return [((i % columns) * w, (i // columns) * h, w, h) for i in range(count)]


def pointer(cx, cy, angle, length, width):
    tip = polar(cx, cy, length, angle)
    tail = polar(cx, cy, length * 0.18, angle + 180)
    left = polar(cx, cy, width / 2, angle + 90)
    right = polar(cx, cy, width / 2, angle - 90)
    return [tail, left, tip, right]


def draw(scene, path):
    fig = plt.figure(figsize=(size / 100, size / 100), dpi=100)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_xlim(0, size)
    ax.set_ylim(size, 0)
    ax.set_aspect("equal")
    ax.axis("off")
    light = scene["face"] == "light"
    face, ink, bezel = ("#f7f6f0", "#1b1d21", "#8c929b") if light else ("#1d2026", "#f1f1ee", "#6b717b")
    for (x, y, w, h), inst in zip(cells(len(scene["instruments"]), size, size), scene["instruments"]):
        side = min(w, h)
        strip = side * 0.13
        r = min(w, h - strip) / 2 - side * 0.05
        cx, cy = x + w / 2, y + (h - strip) / 2 + side * 0.02
        if scene["finish"] != "flat":
            ax.add_patch(Circle((cx, cy), r * 1.06, facecolor=bezel, edgecolor=ink))
        ax.add_patch(Circle((cx, cy), r, facecolor=face, edgecolor=ink, linewidth=max(1.5, r * 0.015) * PT))
        if scene["finish"] == "shaded":
            for k in range(1, 5):
                ax.add_patch(Circle((cx, cy), r * (1 - k * 0.012), fill=False, edgecolor="#c9c6bb", alpha=0.25 * k, linewidth=r * 0.012 * PT))
        ticks = []
        if inst["kind"] == "gauge":
            s = inst["scale"]
            span = s["max"] - s["min"]
            at = lambda v: s["start"] + (v - s["min"]) / span * s["sweep"]  # noqa: E731
            for z in inst["zones"]:
                # Wedge angles are counter-clockwise from +x in a y-up frame; the axis is y-down.
                a0, a1 = 90 - at(z["to"]), 90 - at(z["from"])
                ax.add_patch(Wedge((cx, cy), r * 0.9, -a1, -a0, width=r * 0.1, facecolor=z["colour"]["hex"]))
            n = round(span / (s["major"] / s["minor"]))
            for t in range(n + 1):
                major = t % s["minor"] == 0
                a = s["start"] + t / n * s["sweep"]
                ticks.append([polar(cx, cy, r * 0.9, a), polar(cx, cy, r * (0.76 if major else 0.83), a)])
            labels = round(span / s["major"])
            for k in range(labels + 1):
                lx, ly = polar(cx, cy, r * 0.6, s["start"] + k / labels * s["sweep"])
                ax.text(lx, ly, f"{s['min'] + k * s['major']:.{s['decimals']}f}", ha="center", va="center", fontsize=r * 0.1 * PT, color=ink)
            ax.text(cx, cy + r * 0.34, inst["unit"], ha="center", va="center", fontsize=r * 0.1 * PT, color=ink, fontweight="bold")
            for needle in inst["needles"]:
                ax.add_patch(Polygon(pointer(cx, cy, at(needle["value"]), r * 0.86, max(3, r * 0.045)), facecolor=needle["colour"]["hex"]))
            title = inst["title"]
        else:
            for m in range(60):
                hour = m % 5 == 0
                if hour or inst["ticks"] == "minutes":
                    ticks.append([polar(cx, cy, r * 0.93, m * 6), polar(cx, cy, r * (0.8 if hour else 0.87), m * 6)])
            if inst["numerals"] != "none":
                for hr in range(1, 13):
                    nx, ny = polar(cx, cy, r * 0.66, hr * 30)
                    text = ROMAN[hr - 1] if inst["numerals"] == "roman" else str(hr)
                    ax.text(nx, ny, text, ha="center", va="center", fontsize=r * 0.14 * PT, color=ink)
            seconds = inst["seconds"] or 0
            hour_angle = (inst["hours"] % 12) * 30 + inst["minutes"] / 2 + seconds / 120
            minute_angle = inst["minutes"] * 6 + seconds / 10
            ax.add_patch(Polygon(pointer(cx, cy, hour_angle, r * 0.5, r * 0.065), facecolor=ink))
            ax.add_patch(Polygon(pointer(cx, cy, minute_angle, r * 0.8, r * 0.05), facecolor=ink))
            if inst["seconds"] is not None:
                ax.plot(*zip(polar(cx, cy, r * 0.2, seconds * 6 + 180), polar(cx, cy, r * 0.88, seconds * 6)), color="#e3262e", linewidth=max(1.2, r * 0.012) * PT)
            title = inst["title"]
            if inst["dayPart"] is not None:
                ax.text(cx, y + h - strip * 0.95 + side * 0.06, f"in the {inst['dayPart']}", ha="center", va="top", fontsize=side * 0.036 * PT)
        ax.add_collection(LineCollection(ticks, colors=ink, linewidths=max(1, r * 0.012) * PT))
        ax.add_patch(Circle((cx, cy), r * 0.06, facecolor=ink))
        ax.text(cx, y + h - strip * 0.95, title, ha="center", va="top", fontsize=max(12, side * 0.045) * PT, fontweight="bold")
        if inst["kind"] == "gauge" and len(inst["needles"]) > 1:
            for i, needle in enumerate(inst["needles"]):
                kx = cx + (i - 0.5) * side * 0.25
                ky = y + h - strip * 0.95 + side * 0.06
                ax.add_patch(Rectangle((kx, ky), side * 0.04, side * 0.03, facecolor=needle["colour"]["hex"]))
                ax.text(kx + side * 0.05, ky, needle["label"], va="top", fontsize=side * 0.036 * PT)
    fig.savefig(path, dpi=100)
    plt.close(fig)


run("dashboard", draw)
