import type { Box, Pen, Point } from '@absynth/render';
import { mixColours } from '@absynth/render';
import { formatScaleValue, instrumentIds, romanNumerals } from './ids.js';
import type { Clock, DashboardScene, Gauge } from './scene.js';

/** Height of the caption strip under each face, as a share of the cell's side. */
const captionShare = 0.13;

/** The point at compass angle `angle` (degrees clockwise from straight up) and distance `r` from (`cx`, `cy`). */
export function polar(cx: number, cy: number, r: number, angle: number): Point {
  const t = (angle * Math.PI) / 180;
  return [cx + r * Math.sin(t), cy - r * Math.cos(t)];
}

/** The compass angle of a value on a gauge's scale. */
export function scaleAngle(gauge: Gauge, value: number): number {
  const { min, max, start, sweep } = gauge.scale;
  return start + ((value - min) / (max - min)) * sweep;
}

/** The compass angles of a clock's hands. */
export function handAngles(clock: Clock): { hour: number; minute: number; second: number | null } {
  const seconds = clock.seconds ?? 0;
  return {
    hour: (clock.hours % 12) * 30 + clock.minutes / 2 + seconds / 120,
    minute: clock.minutes * 6 + seconds / 10,
    second: clock.seconds === null ? null : clock.seconds * 6,
  };
}

/** Cells of the grid: as many columns as give the largest square cells for the image. */
export function cells(count: number, width: number, height: number): Box[] {
  let best = { columns: 1, side: 0 };
  for (let columns = 1; columns <= count; columns++) {
    const rows = Math.ceil(count / columns);
    const side = Math.min(width / columns, height / rows);
    if (side > best.side + 1e-9) best = { columns, side };
  }
  const { columns } = best;
  const rows = Math.ceil(count / columns);
  const w = width / columns;
  const h = height / rows;
  return Array.from({ length: count }, (_, i) => ({ x: (i % columns) * w, y: Math.floor(i / columns) * h, width: w, height: h }));
}

/** Where a cell's face sits: its centre and radius, above the caption strip. */
export function faceIn(cell: Box): { cx: number; cy: number; r: number; caption: number } {
  const side = Math.min(cell.width, cell.height);
  const strip = side * captionShare;
  const r = Math.min(cell.width, cell.height - strip) / 2 - side * 0.05;
  return { cx: cell.x + cell.width / 2, cy: cell.y + (cell.height - strip) / 2 + side * 0.02, r, caption: cell.y + cell.height - strip * 0.95 };
}

/** An annular sector from compass angle `a` to `b` (clockwise) between radii `r0` and `r1`, as SVG path data with its box. */
function bandPath(cx: number, cy: number, r0: number, r1: number, a: number, b: number): { d: string; box: Box } {
  const large = b - a > 180 ? 1 : 0;
  const [x0, y0] = polar(cx, cy, r1, a);
  const [x1, y1] = polar(cx, cy, r1, b);
  const [x2, y2] = polar(cx, cy, r0, b);
  const [x3, y3] = polar(cx, cy, r0, a);
  const f = (n: number) => n.toFixed(2);
  const d = `M ${f(x0)} ${f(y0)} A ${f(r1)} ${f(r1)} 0 ${large} 1 ${f(x1)} ${f(y1)} L ${f(x2)} ${f(y2)} A ${f(r0)} ${f(r0)} 0 ${large} 0 ${f(x3)} ${f(y3)} Z`;
  // The box of the sector: its corners and every compass point it passes.
  const points: Point[] = [[x0, y0], [x1, y1], [x2, y2], [x3, y3]];
  for (let q = Math.ceil(a / 90) * 90; q <= b; q += 90) points.push(polar(cx, cy, r1, q));
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { d, box: { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) } };
}

/** Print and face colours of a scene. */
function palette(scene: DashboardScene) {
  return scene.face === 'light'
    ? { face: '#f7f6f0', print: '#1b1d21', bezel: '#8c929b', shadow: '#c9c6bb' }
    : { face: '#1d2026', print: '#f1f1ee', bezel: '#6b717b', shadow: '#0c0d10' };
}

/** The face: a flat disc, a disc in a metal bezel, or a bezel with the face shaded towards its rim. */
function drawFace(pen: Pen, scene: DashboardScene, id: string, cx: number, cy: number, r: number): void {
  const colours = palette(scene);
  if (scene.finish !== 'flat') pen.circle(cx, cy, r * 1.06, { fill: colours.bezel, stroke: colours.print, strokeWidth: Math.max(1, r * 0.01) });
  pen.circle(cx, cy, r, { fill: colours.face, stroke: colours.print, strokeWidth: Math.max(1.5, r * 0.015) }, { id, class: 'face' });
  if (scene.finish === 'shaded') {
    // Rings darkening towards the rim, like light falling on a domed glass.
    for (let k = 1; k <= 4; k++) pen.circle(cx, cy, r * (1 - k * 0.012), { stroke: mixColours(colours.face, colours.shadow, 0.25 * k), strokeWidth: r * 0.012 });
  }
}

/** A needle or hand from a short tail behind the pivot to its tip, as a polygon. */
function pointer(cx: number, cy: number, angle: number, length: number, width: number, shape: 'bar' | 'taper' | 'spade' | 'needle'): Point[] {
  const tip = polar(cx, cy, length, angle);
  const tail = polar(cx, cy, length * 0.18, angle + 180);
  const side = (r: number, w: number, sign: number) => polar(...polar(cx, cy, r, angle), w, angle + 90 * sign);
  if (shape === 'bar') return [side(-length * 0.18, width / 2, 1), side(length * 0.96, width / 2, 1), tip, side(length * 0.96, width / 2, -1), side(-length * 0.18, width / 2, -1)];
  if (shape === 'spade') {
    return [tail, side(0, width / 2, 1), side(length * 0.72, width / 3, 1), side(length * 0.8, width * 1.1, 1), tip, side(length * 0.8, width * 1.1, -1), side(length * 0.72, width / 3, -1), side(0, width / 2, -1)];
  }
  // A taper (clock) or needle (gauge): widest at the pivot, to a point.
  return [tail, side(0, width / 2, 1), tip, side(0, width / 2, -1)];
}

function drawGauge(pen: Pen, scene: DashboardScene, gauge: Gauge, index: number, cell: Box): void {
  const ids = instrumentIds(index);
  const { cx, cy, r, caption } = faceIn(cell);
  const { print } = palette(scene);
  const { scale } = gauge;
  drawFace(pen, scene, ids.face, cx, cy, r);
  for (const [k, zone] of gauge.zones.entries()) {
    const band = bandPath(cx, cy, r * 0.8, r * 0.9, scaleAngle(gauge, zone.from), scaleAngle(gauge, zone.to));
    pen.path(band.d, band.box, { fill: zone.colour.hex }, { class: 'zone-band' });
    // The band's box is mostly face: a square in its middle, between two ticks, is the region that shows its colour.
    const tick = scale.major / scale.minor;
    const middle = zone.from + (Math.floor((zone.to - zone.from) / tick / 2) + 0.5) * tick;
    const [mx, my] = polar(cx, cy, r * 0.85, scaleAngle(gauge, middle));
    const side = r * 0.07;
    pen.region(ids.zone(k), { x: mx - side / 2, y: my - side / 2, width: side, height: side }, { class: 'zone' });
  }
  const ticks = Math.round((scale.max - scale.min) / (scale.major / scale.minor));
  for (let t = 0; t <= ticks; t++) {
    const major = t % scale.minor === 0;
    const angle = scale.start + (t / ticks) * scale.sweep;
    const [x1, y1] = polar(cx, cy, r * 0.9, angle);
    const [x2, y2] = polar(cx, cy, r * (major ? 0.76 : 0.83), angle);
    pen.line(x1, y1, x2, y2, { stroke: print, strokeWidth: Math.max(1, r * (major ? 0.018 : 0.009)) }, { class: major ? 'tick major-tick' : 'tick' });
  }
  // Numbers as large as fits between neighbours along their circle.
  const labels = Math.round((scale.max - scale.min) / scale.major);
  const texts = Array.from({ length: labels + 1 }, (_, k) => formatScaleValue(scale.min + k * scale.major, scale.decimals));
  const longest = Math.max(...texts.map((t) => pen.measureText(t, 10)));
  // Neighbours are a chord apart, side by side at the top, stacked at the sides and diagonal
  // between: the larger of the text's width and height (about 1.3 times its size) must fit in
  // the chord over √2, where two boxes on a diagonal would touch.
  const chord = 2 * r * 0.6 * Math.sin((scale.sweep * Math.PI) / 180 / labels / 2);
  const size = Math.max(10, Math.min(r * 0.12, (chord * 0.85) / Math.SQRT2 / Math.max(longest / 10, 1.3)));
  texts.forEach((text, k) => {
    const [x, y] = polar(cx, cy, r * 0.6, scale.start + (k / labels) * scale.sweep);
    pen.text(x, y, text, { fontSize: size, anchor: 'middle', baseline: 'middle', fill: print }, { id: ids.label(k), class: 'scale-label' });
  });
  pen.text(cx, cy + r * 0.34, gauge.unit, { fontSize: Math.max(10, r * 0.1), anchor: 'middle', baseline: 'middle', fill: print, weight: 'bold' }, { id: ids.unit });
  for (const [k, needle] of gauge.needles.entries()) {
    const points = pointer(cx, cy, scaleAngle(gauge, needle.value), r * 0.86, Math.max(3, r * 0.045), 'needle');
    pen.polygon(points, { fill: needle.colour.hex, stroke: mixColours(needle.colour.hex, '#000000', 0.35), strokeWidth: 1 }, { id: ids.needle(k), class: 'needle' });
  }
  pen.circle(cx, cy, r * 0.07, { fill: print, stroke: print, strokeWidth: 1 }, { id: ids.hub, class: 'hub' });
  drawCaption(pen, ids, cell, caption, gauge.title, gauge.needles.length > 1 ? gauge.needles.map((n) => ({ label: n.label as string, hex: n.colour.hex })) : []);
}

function drawClock(pen: Pen, scene: DashboardScene, clock: Clock, index: number, cell: Box): void {
  const ids = instrumentIds(index);
  const { cx, cy, r, caption } = faceIn(cell);
  const { print } = palette(scene);
  drawFace(pen, scene, ids.face, cx, cy, r);
  for (let m = 0; m < 60; m++) {
    const hour = m % 5 === 0;
    if (!hour && clock.ticks === 'hours') continue;
    const [x1, y1] = polar(cx, cy, r * 0.93, m * 6);
    const [x2, y2] = polar(cx, cy, r * (hour ? 0.8 : 0.87), m * 6);
    pen.line(x1, y1, x2, y2, { stroke: print, strokeWidth: Math.max(1, r * (hour ? 0.03 : 0.01)) }, { class: hour ? 'tick hour-mark' : 'tick' });
  }
  if (clock.numerals !== 'none') {
    const size = r * (clock.numerals === 'roman' ? 0.12 : 0.16);
    for (let h = 1; h <= 12; h++) {
      const [x, y] = polar(cx, cy, r * 0.66, h * 30);
      const text = clock.numerals === 'roman' ? (romanNumerals[h - 1] as string) : String(h);
      pen.text(x, y, text, { fontSize: size, anchor: 'middle', baseline: 'middle', fill: print, font: clock.numerals === 'roman' ? 'serif' : undefined }, { id: ids.label(h), class: 'numeral' });
    }
  }
  const angles = handAngles(clock);
  const width = Math.max(3, r * 0.05);
  pen.polygon(pointer(cx, cy, angles.hour, r * 0.5, width * 1.3, clock.hands), { fill: print }, { id: ids.hourHand, class: 'hand' });
  pen.polygon(pointer(cx, cy, angles.minute, r * 0.8, width, clock.hands), { fill: print }, { id: ids.minuteHand, class: 'hand' });
  if (angles.second !== null) {
    const [x1, y1] = polar(cx, cy, r * 0.2, angles.second + 180);
    const [x2, y2] = polar(cx, cy, r * 0.88, angles.second);
    pen.line(x1, y1, x2, y2, { stroke: '#e3262e', strokeWidth: Math.max(1.2, r * 0.012) }, { id: ids.secondHand, class: 'hand' });
  }
  pen.circle(cx, cy, r * 0.045, { fill: angles.second === null ? print : '#e3262e' }, { id: ids.hub, class: 'hub' });
  const dayPart = clock.dayPart === null ? null : `in the ${clock.dayPart}`;
  drawCaption(pen, ids, cell, caption, clock.title, [], dayPart);
}

/** The caption under a face: its title, then a key of the needles' colours or the part of the day. */
function drawCaption(
  pen: Pen,
  ids: ReturnType<typeof instrumentIds>,
  cell: Box,
  y: number,
  title: string,
  key: readonly { label: string; hex: string }[],
  note: string | null = null,
): void {
  const side = Math.min(cell.width, cell.height);
  const size = Math.max(12, side * 0.045);
  const cx = cell.x + cell.width / 2;
  pen.text(cx, y, title, { fontSize: size, anchor: 'middle', baseline: 'top', weight: 'bold' }, { id: ids.title });
  const second = y + size * 1.35;
  const small = Math.max(11, size * 0.8);
  if (note !== null) pen.text(cx, second, note, { fontSize: small, anchor: 'middle', baseline: 'top' }, { id: ids.note });
  if (key.length === 0) return;
  // Each needle's swatch and label, side by side.
  const widths = key.map((k) => small * 1.6 + pen.measureText(k.label, small));
  let x = cx - (widths.reduce((a, b) => a + b, 0) + small * (key.length - 1)) / 2;
  key.forEach((k, i) => {
    pen.rect(x, second + small * 0.1, small * 1.1, small * 0.8, { fill: k.hex }, { id: ids.swatch(i), class: 'swatch' });
    pen.text(x + small * 1.4, second, k.label, { fontSize: small, baseline: 'top' }, { id: ids.keyLabel(i) });
    x += (widths[i] as number) + small;
  });
}

/** Draws every instrument of the dashboard in its cell. */
export function drawDashboard(scene: DashboardScene, pen: Pen): void {
  const grid = cells(scene.instruments.length, pen.width, pen.height);
  scene.instruments.forEach((instrument, i) => {
    const cell = grid[i] as Box;
    pen.group(instrumentIds(i).instrument, () => {
      if (instrument.kind === 'gauge') drawGauge(pen, scene, instrument, i, cell);
      else drawClock(pen, scene, instrument, i, cell);
    }, { class: instrument.kind });
  });
}
