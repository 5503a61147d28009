import type { Level } from '@absynth/core';
import type { Box } from '@absynth/render';
import { resolveParams, rngFromKey } from '@absynth/core';
import { createPen, getTheme, themeNames } from '@absynth/render';
import { describe, expect, it } from 'vitest';
import { cellText } from '../format.js';
import type { TableParams } from '../params.js';
import { tables } from '../scenario.js';
import type { TableScene } from '../scene.js';

type TextShape = { kind: 'text'; text: string; box: Box; style: { fontSize?: number } };

function textShapes(shapes: readonly { kind: string; children?: readonly unknown[] }[]): TextShape[] {
  return shapes.flatMap((s) =>
    s.kind === 'group' ? textShapes((s.children ?? []) as never) : s.kind === 'text' ? [s as unknown as TextShape] : [],
  );
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

describe.each([1, 2, 3, 4, 5] as const)('level %i drawings', (level: Level) => {
  it('draw every quoted text inside the image, at 10 px or more, overlapping no other text', () => {
    for (let index = 0; index < 40; index++) {
      const params = resolveParams(tables, level) as TableParams;
      const scene = tables.sample(rngFromKey(`tables-draw\u0000${level}\u0000${index}`), params, { size: tables.size?.(params) ?? { width: 512, height: 512 }, resources: {} }) as TableScene;
      const theme = getTheme(themeNames[index % themeNames.length] as string);
      const pen = createPen({ ...tables.size?.(params), theme } as never);
      tables.draw(scene, pen);
      const texts = textShapes(pen.shapes as never);
      const drawn = new Set(texts.map((s) => s.text));
      for (const table of scene.tables) {
        const quoted = [table.title, table.labelHeader, ...table.rows, ...table.columns.map((c) => c.header)];
        for (const column of table.columns) quoted.push(...column.values.map((v) => cellText(table, v)));
        if (table.group !== null) quoted.push(table.group);
        for (const text of quoted) expect(drawn.has(text), `${index}: "${text}"`).toBe(true);
      }
      texts.forEach((s, i) => {
        expect(s.box.x, s.text).toBeGreaterThanOrEqual(0);
        expect(s.box.y, s.text).toBeGreaterThanOrEqual(0);
        expect(s.box.x + s.box.width, s.text).toBeLessThanOrEqual(pen.width);
        expect(s.box.y + s.box.height, s.text).toBeLessThanOrEqual(pen.height);
        expect(s.style.fontSize ?? 14, s.text).toBeGreaterThanOrEqual(10);
        for (const other of texts.slice(i + 1)) expect(overlap(s.box, other.box), `${index}: "${s.text}" / "${other.text}"`).toBe(false);
      });
    }
  });
});

describe('images smaller than the tables need', () => {
  it.each([64, 128, 200])('render at %i px square (too small to read) without crashing the renderer', async (side) => {
    const { generate } = await import('@absynth/engine');
    for await (const sample of generate({ scenario: tables, seed: 2, count: 3, size: { width: side, height: side } })) {
      expect(sample.png.subarray(1, 4).toString('latin1')).toBe('PNG');
    }
  });
});
