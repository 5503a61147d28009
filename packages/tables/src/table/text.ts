import { cellText } from './format.js';
import type { TableScene } from './scene.js';

/**
 * The tables as Markdown-like text, for datasets written text-only or with both the image and the
 * text: per table a `Table N: title` line, a line naming the grouped header when there is one, and
 * a pipe table whose cells are printed exactly as drawn.
 */
export function tablesText(scene: TableScene): string {
  return scene.tables
    .map((table, t) => {
      const lines = [`Table ${t + 1}: ${table.title}`];
      if (table.group !== null) lines.push(`Grouped header over the numeric columns: ${table.group}`);
      lines.push(`| ${[table.labelHeader, ...table.columns.map((c) => c.header)].join(' | ')} |`);
      lines.push(`| --- |${table.columns.map(() => ' ---: |').join('')}`);
      table.rows.forEach((label, r) => {
        lines.push(`| ${[label, ...table.columns.map((c) => cellText(table, c.values[r] ?? 0))].join(' | ')} |`);
      });
      return lines.join('\n');
    })
    .join('\n\n');
}
