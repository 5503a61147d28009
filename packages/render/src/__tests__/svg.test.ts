import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { createPen } from '../pen.js';
import { toSvg } from '../svg.js';
import { getTheme } from '../themes.js';
import type { Drawing, Pen } from '../types.js';
import { formatNumber } from '../xml.js';

function drawSample(pen: Pen): void {
  const theme = pen.theme;
  pen.rect(10, 10, 60, 40, { fill: theme.palette[0], stroke: theme.foreground, rx: 4 }, { id: 'box' });
  pen.line(0, 0, 100, 100 / 3, { stroke: theme.accent, dash: [4, 2], lineCap: 'round' });
  pen.polyline([[10, 90], [40, 60], [70, 90]], { stroke: theme.palette[1] });
  pen.polygon([[100, 10], [140, 10], [120, 40]], { fill: theme.palette[2], opacity: 0.5 });
  pen.circle(160, 70, 15, { fill: theme.palette[3] });
  pen.ellipse(60, 120, 30, 10, { stroke: theme.muted });
  pen.path('M100 100 C 120 80, 140 120, 160 100', { x: 100, y: 90, width: 60, height: 20 }, { stroke: theme.foreground });
  pen.group('label', () => pen.text(100, 140, 'Label', { anchor: 'middle', baseline: 'middle', weight: 'bold' }));
}

function samplePen(themeName = 'light'): Pen {
  const pen = createPen({ width: 200, height: 150, theme: getTheme(themeName) });
  drawSample(pen);
  return pen;
}

describe('toSvg', () => {
  it('is deterministic: equal drawings give equal strings, in both styles', () => {
    expect(toSvg(samplePen())).toBe(toSvg(samplePen()));
    expect(toSvg(samplePen(), { style: 'sketch' })).toBe(toSvg(samplePen(), { style: 'sketch' }));
    expect(toSvg(samplePen(), { style: 'sketch', sketchFill: 'hachure', seed: 42 })).toBe(
      toSvg(samplePen(), { style: 'sketch', sketchFill: 'hachure', seed: 42 }),
    );
  });

  it('paints the background first, in the theme background', () => {
    const svg = toSvg(samplePen('dark'));
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="200" height="150" viewBox="0 0 200 150"><rect width="200" height="150" fill="#16181d"\/>/);
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  it('writes plain elements in the crisp style', () => {
    const svg = toSvg(samplePen());
    expect(svg).toContain('<rect x="10" y="10" width="60" height="40" rx="4" fill="#1f77b4" stroke="#1f2328" stroke-width="2"/>');
    expect(svg).toContain('<line x1="0" y1="0" x2="100" y2="33.33" fill="none" stroke="#d1242f" stroke-width="2" stroke-dasharray="4 2" stroke-linecap="round"/>');
    expect(svg).toContain('<polyline points="10,90 40,60 70,90" fill="none" stroke="#d95f02" stroke-width="2"/>');
    expect(svg).toContain('<polygon points="100,10 140,10 120,40" fill="#2ca02c" opacity="0.5"/>');
    expect(svg).toContain('<circle cx="160" cy="70" r="15" fill="#d62728"/>');
    expect(svg).toContain('<ellipse cx="60" cy="120" rx="30" ry="10" fill="none" stroke="#a0a7b0" stroke-width="2"/>');
    expect(svg).toContain('<path d="M100 100 C 120 80, 140 120, 160 100" fill="none" stroke="#1f2328" stroke-width="2"/>');
  });

  it('writes text with the bundled family name and a baseline computed from the font', () => {
    const svg = toSvg(samplePen('paper'));
    // y 140, baseline middle: half of DejaVu Serif's cap height (1493/2048 em) at 14 px lower.
    expect(svg).toContain(
      '<text x="100" y="145.1" font-family="DejaVu Serif" font-size="14" font-weight="bold" text-anchor="middle" fill="#2b2118">Label</text>',
    );
    const mono = createPen({ width: 10, height: 10, theme: getTheme('blueprint') });
    mono.text(0, 5, 'x');
    expect(toSvg(mono)).toContain('font-family="DejaVu Sans Mono" font-size="14" font-weight="normal" text-anchor="start"');
  });

  it('escapes text and attribute values', () => {
    const pen = createPen({ width: 50, height: 20 });
    pen.text(0, 10, `<b> & "quotes" 'single' </b>`, { fill: '"><script>' });
    pen.rect(0, 0, 1, 1, { fill: "a'b" });
    const svg = toSvg(pen);
    expect(svg).toContain('>&lt;b&gt; &amp; &quot;quotes&quot; &apos;single&apos; &lt;/b&gt;</text>');
    expect(svg).toContain('fill="&quot;&gt;&lt;script&gt;"');
    expect(svg).toContain('fill="a&apos;b"');
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
  });

  it('keeps runs of spaces that the measured width counts', () => {
    const pen = createPen({ width: 50, height: 20 });
    pen.text(0, 10, 'a  b');
    pen.text(0, 10, 'ab');
    const svg = toSvg(pen);
    expect(svg).toContain(' xml:space="preserve">a  b</text>');
    expect(svg).toMatch(/fill="#1f2328">ab<\/text>/);
  });

  it('leaves out shapes that paint nothing, which still give regions', () => {
    const pen = createPen({ width: 50, height: 20 });
    pen.rect(1, 2, 3, 4, {}, { id: 'hit-area' });
    pen.rect(1, 2, 3, 4, { fill: 'none', stroke: '#000', strokeWidth: 0 });
    pen.rect(1, 2, 3, 4, { fill: '#000', opacity: 0 });
    expect(toSvg(pen)).toBe('<svg xmlns="http://www.w3.org/2000/svg" width="50" height="20" viewBox="0 0 50 20"><rect width="50" height="20" fill="#ffffff"/></svg>');
    expect(toSvg(pen, { style: 'sketch' })).toBe(toSvg(pen));
    expect(pen.regions().get('hit-area')).toEqual({ x: 1, y: 2, width: 3, height: 4 });
  });

  it('turns anti-aliasing off for crisp-edged shapes in the crisp style only', () => {
    const pen = createPen({ width: 40, height: 40 });
    pen.rect(4, 4, 10, 10, { fill: '#000', crispEdges: true });
    pen.line(0, 20, 40, 20, { stroke: '#000' });
    const svg = toSvg(pen);
    expect(svg).toContain('<rect x="4" y="4" width="10" height="10" fill="#000" shape-rendering="crispEdges"/>');
    expect(svg.match(/shape-rendering/g)).toHaveLength(1);
    expect(toSvg(pen, { style: 'sketch' })).not.toContain('shape-rendering');
    // Without anti-aliasing a half-pixel edge is all or nothing: fewer distinct grey levels.
    const shades = (crispEdges: boolean) => {
      const p = createPen({ width: 40, height: 40 });
      p.rect(4.5, 4.5, 10, 10, { fill: '#000', crispEdges });
      const pixels = new Resvg(toSvg(p)).render().pixels;
      return new Set(Array.from({ length: pixels.length / 4 }, (_, i) => pixels[i * 4])).size;
    };
    expect(shades(true)).toBe(2);
    expect(shades(false)).toBeGreaterThan(2);
  });

  it('accepts a plain display list as well as a pen', () => {
    const pen = samplePen();
    const plain = { width: pen.width, height: pen.height, theme: pen.theme, shapes: structuredClone(pen.shapes) };
    expect(toSvg(plain)).toBe(toSvg(pen));
    const unresolved: Drawing = {
      width: 20,
      height: 20,
      theme: getTheme('dark'),
      shapes: [
        { kind: 'line', x1: 0, y1: 0, x2: 10, y2: 10, style: { stroke: '#fff' }, box: { x: 0, y: 0, width: 10, height: 10 } },
        { kind: 'text', x: 0, y: 10, text: 'a', style: {}, box: { x: 0, y: 0, width: 10, height: 10 } },
      ],
    };
    const svg = toSvg(unresolved);
    expect(svg).toContain('stroke="#fff" stroke-width="2"');
    expect(svg).toContain('font-family="DejaVu Sans" font-size="14" font-weight="normal" text-anchor="start" fill="#e6e6e6"');
  });

  it('rejects unknown styles, bad seeds and non-finite numbers in hand-made lists', () => {
    expect(() => toSvg(samplePen(), { style: 'ink' as never })).toThrow("toSvg: unknown style 'ink'; allowed styles: crisp, sketch");
    expect(() => toSvg(samplePen(), { style: 'sketch', seed: 1.5 })).toThrow('toSvg: seed must be an integer, got 1.5');
    expect(() => toSvg(samplePen(), { style: 'sketch', sketchFill: 'dots' as never })).toThrow("toSvg: unknown sketchFill 'dots'");
    const broken: Drawing = {
      width: 10,
      height: 10,
      theme: getTheme('light'),
      shapes: [{ kind: 'circle', cx: Number.NaN, cy: 0, r: 1, style: { fill: '#000' }, box: { x: 0, y: 0, width: 0, height: 0 } }],
    };
    expect(() => toSvg(broken)).toThrow('toSvg: cannot write the non-finite number NaN');
  });

  it('parses in resvg in both styles', () => {
    for (const style of ['crisp', 'sketch'] as const) {
      const resvg = new Resvg(toSvg(samplePen(), { style }), { font: { loadSystemFonts: false } });
      expect([resvg.width, resvg.height]).toEqual([200, 150]);
    }
  });
});

describe('sketch style', () => {
  it('draws shapes as rough paths and keeps text crisp', () => {
    const svg = toSvg(samplePen(), { style: 'sketch' });
    expect(svg).not.toMatch(/<(line|polyline|polygon|circle|ellipse) /);
    // Only the background stays a rect.
    expect(svg.match(/<rect /g)).toHaveLength(1);
    expect(svg.match(/<path /g)!.length).toBeGreaterThanOrEqual(8);
    expect(svg).toContain('>Label</text>');
    expect(svg).toContain('<g opacity="0.5">');
    expect(svg).toContain('stroke-dasharray="4 2"');
  });

  it('changes with the seed and defaults to seed 1', () => {
    const pen = samplePen();
    expect(toSvg(pen, { style: 'sketch' })).toBe(toSvg(pen, { style: 'sketch', seed: 1 }));
    expect(toSvg(pen, { style: 'sketch', seed: 2 })).not.toBe(toSvg(pen, { style: 'sketch', seed: 1 }));
  });

  it('does not change earlier shapes when more are drawn', () => {
    const short = createPen({ width: 100, height: 100 });
    short.rect(10, 10, 30, 30, { stroke: '#000' });
    const long = createPen({ width: 100, height: 100 });
    long.rect(10, 10, 30, 30, { stroke: '#000' });
    long.circle(70, 70, 10, { stroke: '#000' });
    const shortSvg = toSvg(short, { style: 'sketch' });
    expect(toSvg(long, { style: 'sketch' }).startsWith(shortSvg.slice(0, -'</svg>'.length))).toBe(true);
  });

  it('does not draw equal shapes with equal wobble', () => {
    const pen = createPen({ width: 100, height: 100 });
    pen.rect(0, 0, 30, 30, { stroke: '#000' });
    pen.rect(0, 0, 30, 30, { stroke: '#000' });
    const paths = toSvg(pen, { style: 'sketch' }).match(/<path d="[^"]*"/g)!;
    expect(paths).toHaveLength(2);
    expect(paths[0]).not.toBe(paths[1]);
  });

  it('keeps thin shapes thin, so a 2 px wall stays a wall', () => {
    const pen = createPen({ width: 120, height: 40 });
    pen.rect(10, 20, 100, 2, { fill: '#000' });
    const d = /<path d="([^"]*)"/.exec(toSvg(pen, { style: 'sketch' }))![1]!;
    const numbers = d.match(/-?\d*\.?\d+/g)!.map(Number);
    const ys = numbers.filter((_, i) => i % 2 === 1);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(19.5);
    expect(Math.max(...ys)).toBeLessThanOrEqual(22.5);
  });

  it('writes path numbers with at most 2 decimals', () => {
    const numbers = toSvg(samplePen(), { style: 'sketch' }).match(/d="[^"]*"/g)!.join(' ').match(/-?\d*\.\d+/g)!;
    for (const number of numbers) expect(number).toMatch(/^-?\d*\.\d{1,2}$/);
  });
});

describe('formatNumber', () => {
  it('rounds to 2 decimals and never writes -0', () => {
    expect(formatNumber(1 / 3)).toBe('0.33');
    expect(formatNumber(2.004)).toBe('2');
    expect(formatNumber(2.006)).toBe('2.01');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(-0.001)).toBe('0');
    expect(formatNumber(-1.236)).toBe('-1.24');
    expect(formatNumber(12)).toBe('12');
    expect(() => formatNumber(Number.POSITIVE_INFINITY)).toThrow('non-finite number Infinity');
  });
});
