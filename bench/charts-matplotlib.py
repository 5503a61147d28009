"""Draws the same charts as absynth with Matplotlib (Agg), for the benchmark's baseline.

Reads JSON lines of chart scenes on stdin (the scene format of @absynth/charts), draws each at
the given pixel size (SIZE × SIZE, one plot per chart in the scene's grid of columns × rows)
with the same elements absynth draws (the bold title, the value axis with its fixed range and
tick step, the category or scatter axis, axis titles, gridlines, the bars, lines, areas, slices
or points in their colours, the legend at its side, and the value labels), writes PNGs into the
output folder, and prints the seconds spent drawing and saving.
Usage: charts-matplotlib.py SIZE OUT [PROCESSES]
"""
import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from mpl_harness import run, size  # noqa: E402

FAMILIES = {"sans": "DejaVu Sans", "serif": "DejaVu Serif", "mono": "DejaVu Sans Mono"}
BARS = ("bar", "horizontal-bar", "grouped-bar", "stacked-bar")
ROUND = ("pie", "doughnut")


def number(v, decimals):
    return f"{v:,.{decimals}f}"


def ticks(axis):
    n = int(round((axis["max"] - axis["min"]) / axis["step"]))
    values = [axis["min"] + i * axis["step"] for i in range(n + 1)]
    return values, [number(v, axis["decimals"]) for v in values]


def legend_entries(chart):
    if chart["kind"] in ROUND:
        return [(c, s["hex"]) for c, s in zip(chart["categories"], chart["sliceColours"])]
    return [(s["label"], s["colour"]["hex"]) for s in chart["series"]]


def draw_chart(fig, chart, cell):
    """Draws one chart into `cell` (left, bottom, width, height in pixels from the bottom left)."""
    cx, cy, cw, ch = cell
    kind = chart["kind"]
    style = chart["style"]
    family = FAMILIES.get(style["font"], "DejaVu Sans")
    px = max(6.0, min(12.0, cw / 42))  # text size in pixels
    pt = px * 0.72  # pixels to points at 100 dpi
    font = {"fontfamily": family, "fontsize": pt}
    value_axis = chart["valueAxis"]
    horizontal = kind == "horizontal-bar"
    entries = legend_entries(chart)
    legend = style["legend"]
    pad = 0.6 * px

    # Margins in pixels: title on top, tick labels and axis titles below and left, the legend on its side.
    top = 2.0 * px
    bottom = pad
    left = pad
    right = pad
    legend_w = legend_h = 0.0
    if legend != "none":
        if legend in ("top", "bottom"):
            ncol = min(len(entries), 4)
            legend_h = math.ceil(len(entries) / ncol) * 1.5 * px + pad
        else:
            ncol = 1
            legend_w = max(len(label) for label, _ in entries) * 0.62 * px + 3 * px
    if kind not in ROUND:
        if kind == "scatter":
            x_ticks, x_labels = ticks(chart["scatter"]["axis"])
            x_title = chart["scatter"]["axis"]["title"]
        elif horizontal:
            x_ticks, x_labels = ticks(value_axis)
            x_title = value_axis["title"]
        else:
            x_ticks, x_labels = list(range(len(chart["categories"]))), chart["categories"]
            x_title = chart["categoryTitle"]
        if horizontal:
            y_ticks, y_labels = list(range(len(chart["categories"]))), chart["categories"]
            y_title = chart["categoryTitle"]
        else:
            y_ticks, y_labels = ticks(value_axis)
            y_title = value_axis["title"]
        left += max(len(s) for s in y_labels) * 0.62 * px + pad + (1.6 * px if y_title else 0)
        plot_w_guess = cw - left - right - legend_w
        rotate = sum(len(s) + 1 for s in x_labels) * 0.62 * px > plot_w_guess
        x_label_h = (max(len(s) for s in x_labels) * 0.62 * px * 0.71 + px) if rotate else 1.3 * px
        bottom += x_label_h + pad + (1.6 * px if x_title else 0)
        right += 0.5 * px
    if legend == "top":
        top += legend_h
    elif legend == "bottom":
        bottom += legend_h
    elif legend == "left":
        left += legend_w
    elif legend == "right":
        right += legend_w

    W, H = fig.get_size_inches() * fig.dpi
    rect = [(cx + left) / W, (cy + bottom) / H, max(1, cw - left - right) / W, max(1, ch - top - bottom) / H]
    ax = fig.add_axes(rect)
    title_pad = (0.4 * px + (legend_h if legend == "top" else 0)) * 0.72  # the top legend sits under the title
    ax.set_title(chart["title"], fontweight="bold", fontfamily=family, fontsize=pt * 1.15, pad=title_pad)

    if legend != "none":
        handles = [Patch(facecolor=colour, label=label) for label, colour in entries]
        if legend == "top":
            loc, anchor = "lower center", ((cx + cw / 2) / W, rect[1] + rect[3])
        elif legend == "bottom":
            loc, anchor = "lower center", ((cx + cw / 2) / W, cy / H)
        elif legend == "left":
            loc, anchor = "center left", (cx / W, (cy + ch / 2) / H)
        else:
            loc, anchor = "center right", ((cx + cw) / W, (cy + ch / 2) / H)
        ax.legend(
            handles=handles, loc=loc, bbox_to_anchor=anchor, bbox_transform=fig.transFigure, ncol=ncol,
            frameon=False, prop={"family": family, "size": pt}, handlelength=1.0, handleheight=0.8,
            columnspacing=1.0, borderaxespad=0.2, borderpad=0.2,
        )

    decimals = chart["decimals"]
    labels = style["valueLabels"]
    series = chart["series"]
    if kind in ROUND:
        values = series[0]["values"]
        colours = [c["hex"] for c in chart["sliceColours"]]
        donut = kind == "doughnut"
        wedges = {"width": 0.45, "edgecolor": "white"} if donut else {"edgecolor": "white"}
        ax.pie(
            values, colors=colours, startangle=90, counterclock=False, wedgeprops=wedges,
            labels=None if legend != "none" else chart["categories"],
            autopct=(lambda p: f"{p:.1f}%") if labels else None, pctdistance=0.78 if donut else 0.62,
            textprops={"fontfamily": family, "fontsize": pt},
        )
        ax.set_aspect("equal")
        return

    n = len(chart["categories"])
    xs = list(range(n))
    if kind == "bar" or kind == "horizontal-bar":
        s = series[0]
        if horizontal:
            bars = ax.barh(xs, s["values"], height=0.7, color=s["colour"]["hex"], zorder=2)
        else:
            bars = ax.bar(xs, s["values"], width=0.7, color=s["colour"]["hex"], zorder=2)
        if labels:
            ax.bar_label(bars, labels=[number(v, decimals) for v in s["values"]], padding=2, **font)
    elif kind == "grouped-bar":
        width = 0.8 / len(series)
        for i, s in enumerate(series):
            offset = (i - (len(series) - 1) / 2) * width
            bars = ax.bar([x + offset for x in xs], s["values"], width=width, color=s["colour"]["hex"], zorder=2)
            if labels:
                ax.bar_label(bars, labels=[number(v, decimals) for v in s["values"]], padding=2, **font)
    elif kind == "stacked-bar":
        base = [0.0] * n
        for s in series:
            bars = ax.bar(xs, s["values"], width=0.7, bottom=base, color=s["colour"]["hex"], zorder=2)
            if labels:
                ax.bar_label(bars, labels=[number(v, decimals) for v in s["values"]], label_type="center", **font)
            base = [b + v for b, v in zip(base, s["values"])]
    elif kind in ("line", "multi-line", "area"):
        for s in series:
            colour = s["colour"]["hex"]
            if kind == "area":
                ax.fill_between(xs, s["values"], value_axis["min"], color=colour, alpha=0.35, linewidth=0, zorder=2)
            ax.plot(xs, s["values"], color=colour, linewidth=2, marker="o", markersize=px * 0.4, zorder=3)
            if labels:
                for x, v in zip(xs, s["values"]):
                    ax.annotate(number(v, decimals), (x, v), xytext=(0, 0.5 * px * 0.72), textcoords="offset points",
                                ha="center", va="bottom", **font)
    elif kind == "scatter":
        s = series[0]
        ax.scatter(chart["scatter"]["values"], s["values"], color=s["colour"]["hex"], s=(px * 0.6) ** 2, zorder=3)
        if labels:
            for x, v in zip(chart["scatter"]["values"], s["values"]):
                ax.annotate(number(v, decimals), (x, v), xytext=(0, 0.5 * px * 0.72), textcoords="offset points",
                            ha="center", va="bottom", **font)

    ax.set_xticks(x_ticks, x_labels, **font, **({"rotation": 45, "ha": "right"} if rotate else {}))
    ax.set_yticks(y_ticks, y_labels, **font)
    if kind == "scatter":
        ax.set_xlim(chart["scatter"]["axis"]["min"], chart["scatter"]["axis"]["max"])
    elif not horizontal:
        ax.set_xlim(-0.6, n - 0.4)
    if horizontal:
        ax.set_ylim(n - 0.4, -0.6)  # first category on top
        ax.set_xlim(value_axis["min"], value_axis["max"])
    else:
        ax.set_ylim(value_axis["min"], value_axis["max"])
    if x_title:
        ax.set_xlabel(x_title, **font)
    if y_title:
        ax.set_ylabel(y_title, **font)
    ax.tick_params(length=3, pad=2)
    if style["gridlines"]:
        ax.grid(axis="x" if horizontal else "y", color="#d0d0d0", linewidth=0.8, zorder=0)
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)


def draw(scene, path):
    fig = plt.figure(figsize=(size / 100, size / 100), dpi=100)
    columns, rows = scene["columns"], scene["rows"]
    margin = 8
    cw = (size - 2 * margin) / columns
    ch = (size - 2 * margin) / rows
    for i, chart in enumerate(scene["charts"]):
        r, c = divmod(i, columns)
        draw_chart(fig, chart, (margin + c * cw, size - margin - (r + 1) * ch, cw, ch))
    fig.savefig(path, dpi=100)
    plt.close(fig)


if __name__ == "__main__":
    run("charts", draw)
