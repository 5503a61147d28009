"""Draws the same tables as absynth with Matplotlib (Agg), for the benchmark's baseline.

Reads JSON lines of table scenes on stdin (the scene format of @absynth/tables), draws each at
the given pixel size (SIZE × SIZE) with the same elements absynth draws (every table stacked top
to bottom and centred, its bold title, the grouped header over the numeric columns when there is
one, the bold header row, the row labels and every cell with the table's decimals and `%` for
percentages, zebra shading or rules between rows, and the header and bottom rules), writes PNGs
into the output folder, and prints the seconds spent drawing and saving.
Usage: tables-matplotlib.py SIZE OUT [PROCESSES]
"""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402
from matplotlib.table import Table  # noqa: E402

from mpl_harness import run, size  # noqa: E402

MARGIN = 16
CHAR = 0.6  # average glyph width per pixel of font size (DejaVu Sans)


def cell_text(table, v):
    return f"{v:,.{table['decimals']}f}" + ("%" if table["unit"] == "%" else "")


def layout(table, font):
    """Column widths, width and height in pixels of a table at a font size in pixels."""
    pad = font * 0.6
    widths = [max(len(s) for s in [table["labelHeader"], *table["rows"]]) * CHAR * font + 2 * pad]
    for column in table["columns"]:
        texts = [column["header"], *(cell_text(table, v) for v in column["values"])]
        widths.append(max(len(s) for s in texts) * CHAR * font + 2 * pad)
    if table["group"] is not None:
        needed = len(table["group"]) * CHAR * font + 2 * pad
        spare = needed - sum(widths[1:])
        if spare > 0:
            widths[1:] = [w + spare / (len(widths) - 1) for w in widths[1:]]
    header_rows = 1 if table["group"] is None else 2
    row = round(font * 1.9)
    title = round((font + 2) * 1.8)
    return widths, sum(widths), title, row, title + (header_rows + len(table["rows"])) * row


def draw_table(fig, table, font, left, top, widths, width, title, row):
    """Draws one table whose top left corner is at (left, top) pixels from the top left."""
    header_rows = 1 if table["group"] is None else 2
    n_rows = header_rows + len(table["rows"])
    height = n_rows * row
    zebra = table["style"] == "zebra"
    ax = fig.add_axes([left / size, 1 - (top + title + height) / size, width / size, height / size])
    ax.axis("off")
    pt = font * 0.72  # pixels to points at 100 dpi
    ax.set_title(table["title"], fontweight="bold", fontsize=(font + 2) * 0.72, pad=(title - (font + 2)) / 2 * 0.72)
    grid = Table(ax, bbox=[0, 0, 1, 1])
    shares = [w / width for w in widths]
    h = 1 / n_rows

    def add(r, c, text, edges, bold=False):
        cell = grid.add_cell(r, c, shares[c], h, text=text, loc="left" if c == 0 else "right", fill=False,
                             edgecolor="#1f2328")
        cell.visible_edges = edges
        if bold:
            cell.get_text().set_fontweight("bold")
        return cell

    if zebra:  # cells with open edges do not fill, so the shading is drawn under them as absynth does
        ax.add_patch(Rectangle((0, 1 - header_rows * h), 1, header_rows * h, facecolor="#dbdcdd", edgecolor="none", zorder=-1))
        for i in range(1, len(table["rows"]), 2):
            ax.add_patch(Rectangle((0, 1 - (header_rows + i + 1) * h), 1, h, facecolor="#edeeee", edgecolor="none", zorder=-1))
    if table["group"] is not None:
        add(0, 0, "", "T")
        for c in range(1, len(widths)):
            add(0, c, "", "TB")
        ax.text((shares[0] + 1) / 2, 1 - h / 2, table["group"], ha="center", va="center", fontsize=pt, fontweight="bold")
    r = header_rows - 1
    edges = "TB" if table["group"] is None else "B"
    add(r, 0, table["labelHeader"], edges, bold=True)
    for c, column in enumerate(table["columns"], 1):
        add(r, c, column["header"], edges, bold=True)
    last = len(table["rows"]) - 1
    for i, label in enumerate(table["rows"]):
        edges = "B" if i == last or not zebra else "open"
        cells = [add(header_rows + i, 0, label, edges)]
        for c, column in enumerate(table["columns"], 1):
            cells.append(add(header_rows + i, c, cell_text(table, column["values"][i]), edges))
        if i < last and not zebra:
            for cell in cells:
                cell.set_edgecolor("#8c959f")
                cell.set_linewidth(0.75)
    grid.auto_set_font_size(False)
    grid.set_fontsize(pt)
    ax.add_table(grid)


def draw(scene, path):
    fig = plt.figure(figsize=(size / 100, size / 100), dpi=100)
    tables = scene["tables"]
    font = 13.0
    while True:  # the largest font at which every table fits, as absynth picks it
        layouts = [layout(t, font) for t in tables]
        gap = round(font * 1.5)
        total = sum(lay[4] for lay in layouts) + gap * (len(tables) - 1)
        if font <= 1 or (total <= size - 2 * MARGIN and all(lay[1] <= size - 2 * MARGIN for lay in layouts)):
            break
        font = font - 1 if font > 9 else font * 0.8
    top = max(0, round((size - total) / 2))
    for table, (widths, width, title, row, height) in zip(tables, layouts):
        draw_table(fig, table, font, round((size - width) / 2), top, widths, width, title, row)
        top += height + gap
    fig.savefig(path, dpi=100)
    plt.close(fig)


if __name__ == "__main__":
    run("tables", draw)
