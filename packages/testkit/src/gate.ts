/**
 * The drawing-first gate: checks what a question says a reader must see (its `needs`) against
 * the drawing itself, the display list and the PNG pixels, by code that never reads the scene.
 * A count must equal the marks drawn of its class; every number the question or rationale
 * states must be printed in the image, or read off a drawn scale whose reading error stays
 * within the statement's precision, or be declared as derived; a named colour must be the
 * colour of its region's pixels, of the right hue, and far (CIEDE2000) from every other mark's
 * colour the question could mean; a quoted text must be drawn inside the image, legibly, and
 * overlap no other text; a unique extreme must not tie; a needle reads its value against the
 * labels around its dial, and a clock's hands the stated time. It imports no vitest, so scripts can use it
 * as `@absynth/testkit/gate`; `testAnswerable` registers it as tests.
 */
import type { AnyScenario, Answer, Level, ReaderNeeds, ScaleReading } from '@absynth/core';
import { inspectItem, planRun } from '@absynth/engine';
import type { Box, DrawingStyle, Pixels, Point, Shape } from '@absynth/render';
import { chroma, ciede2000, decodePng, hueAngle, modalColour, namedColour } from '@absynth/render';

/** One question as the gate sees it: its wordings, answer and rationale, and what it says a reader needs. */
export interface GateQuestion {
  /** Every phrasing of the question. */
  phrasings: readonly string[];
  answer: Answer;
  /** The canonical text of the answer. */
  answerText: string;
  /** The rationale, one step per entry. */
  rationale: readonly string[];
  needs?: ReaderNeeds;
}

/** The drawing a question is about. */
export interface GateDrawing {
  shapes: readonly Shape[];
  /** The rendered image; colour checks need it. */
  pixels?: Pixels;
  width: number;
  height: number;
}

/** Thresholds of the gate. */
export interface GateRules {
  /** Smallest legible font size in pixels; default 9. */
  legibleFontSize: number;
  /** The share of a tick interval a reader can read to; default 0.2 (a fifth). */
  readingShare: number;
  /** Largest CIEDE2000 distance between a named colour and its region's pixels; default 10. */
  colourMatch: number;
  /** Smallest CIEDE2000 distance from a named colour to any other mark's colour the question could mean; default 12. */
  colourApart: number;
  /** How closely a reader judges a slice's share of a full turn, in percentage points; default 2.5. */
  sweepError: number;
}

/** The default {@link GateRules}. */
export const defaultGateRules: GateRules = { legibleFontSize: 9, readingShare: 0.2, colourMatch: 10, colourApart: 12, sweepError: 2.5 };

interface DrawnText {
  id: string | undefined;
  text: string;
  box: Box;
  /** Font size in pixels; the box height for a raster library's text. */
  size: number;
  /** Whether it is a title (class `title`), which no scale reads as a tick label. */
  title: boolean;
}

/** Whether a shape's space-separated classes include `name`. */
const hasClass = (shape: Shape, name: string) => shape.class?.split(' ').includes(name) ?? false;

/** Every shape of the display list, groups before their children. */
function flatten(shapes: readonly Shape[]): Shape[] {
  return shapes.flatMap((shape) => (shape.kind === 'group' ? [shape, ...flatten(shape.children)] : [shape]));
}

/** The texts among `shapes`: drawn texts, and regions carrying a raster library's text. */
function drawnTexts(shapes: readonly Shape[]): DrawnText[] {
  return shapes.flatMap((s): DrawnText[] => {
    if (s.kind === 'text') return [{ id: s.id, text: s.text, box: s.box, size: s.style.fontSize ?? 14, title: hasClass(s, 'title') }];
    if (s.kind === 'region' && s.text !== undefined) return [{ id: s.id, text: s.text, box: s.box, size: s.fontSize ?? s.box.height, title: hasClass(s, 'title') }];
    return [];
  });
}

// A number with thousands separators, or a plain one; neither glued to letters (c1, 3rd, A2).
const numberPattern = /(?<![\p{L}\d.,])[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\p{L}\d])/gu;

/** The numbers a text states, as values: thousands separators dropped; ordinals and numbers glued to letters (c1, 3rd, A2) left out. */
export function statedNumbers(text: string): number[] {
  return [...text.matchAll(numberPattern)].map((m) => Number(m[0].replace(/,/g, '').replace('−', '-')));
}

/** Whether `stated` is `exact` written to the decimals it shows (1.28 for 1.275). */
function sameStated(stated: number, exact: number): boolean {
  const decimals = (String(stated).split('.')[1] ?? '').length;
  return Math.abs(stated - exact) <= 0.5 * 10 ** -decimals + 1e-9;
}

const overlaps = (a: Box, b: Box) =>
  Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 0.5 && Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 0.5;

const inside = (box: Box, width: number, height: number) =>
  box.x >= -0.5 && box.y >= -0.5 && box.x + box.width <= width + 0.5 && box.y + box.height <= height + 0.5;

/** A linear scale read from the numeric tick labels drawn inside a region. */
interface Scale {
  vertical: boolean;
  /** The value at a pixel position along the axis. */
  at(position: number): number;
  /** The smallest interval between two ticks, in the value's units. */
  step: number;
}

function scaleIn(axis: Box, texts: readonly DrawnText[]): Scale | string {
  const ticks = texts.flatMap((t) => {
    if (t.title) return [];
    const cx = t.box.x + t.box.width / 2;
    const cy = t.box.y + t.box.height / 2;
    if (cx < axis.x - 1 || cx > axis.x + axis.width + 1 || cy < axis.y - 1 || cy > axis.y + axis.height + 1) return [];
    // A tick label is a number with at most a short unit around it ("$5", "40%", "2.5k"), not a title that holds one.
    const match = /^[^\d\s−-]{0,3}([-−]?[\d,]*\.?\d+)\s?[^\d\s]{0,4}$/u.exec(t.text.trim());
    if (match === null) return [];
    const value = Number((match[1] as string).replace(/,/g, '').replace('−', '-'));
    return Number.isFinite(value) ? [{ value, cx, cy }] : [];
  });
  if (ticks.length < 2) return `has ${ticks.length} numeric tick label(s), too few to read a scale`;
  const spread = (pick: (t: { cx: number; cy: number }) => number) => Math.max(...ticks.map(pick)) - Math.min(...ticks.map(pick));
  const vertical = spread((t) => t.cy) > spread((t) => t.cx);
  const points = ticks.map((t) => ({ p: vertical ? t.cy : t.cx, v: t.value }));
  const n = points.length;
  const meanP = points.reduce((s, q) => s + q.p, 0) / n;
  const meanV = points.reduce((s, q) => s + q.v, 0) / n;
  const sxx = points.reduce((s, q) => s + (q.p - meanP) ** 2, 0);
  if (sxx === 0) return 'has its tick labels all at one position';
  const slope = points.reduce((s, q) => s + (q.p - meanP) * (q.v - meanV), 0) / sxx;
  const at = (position: number) => meanV + slope * (position - meanP);
  const values = [...new Set(points.map((q) => q.v))].sort((a, b) => a - b);
  const step = Math.min(...values.slice(1).map((v, i) => v - (values[i] as number)));
  const range = (values[values.length - 1] as number) - (values[0] as number);
  const worst = Math.max(...points.map((q) => Math.abs(at(q.p) - q.v)));
  if (worst > range * 0.01) return `is not a linear scale (a tick label is ${worst.toPrecision(3)} off the line through the others)`;
  return { vertical, at, step };
}

function edgeOf(box: Box, edge: ScaleReading['edge'], vertical: boolean): number {
  if (edge === 'top') return box.y;
  if (edge === 'bottom') return box.y + box.height;
  if (edge === 'left') return box.x;
  if (edge === 'right') return box.x + box.width;
  return vertical ? box.y + box.height / 2 : box.x + box.width / 2;
}

/** The corner points a shape is drawn through (a group's, its children's); none for circles, texts and regions. */
function pointsOf(shape: Shape): Point[] {
  if (shape.kind === 'line') return [[shape.x1, shape.y1], [shape.x2, shape.y2]];
  if (shape.kind === 'polyline' || shape.kind === 'polygon') return [...shape.points];
  if (shape.kind === 'group') return shape.children.flatMap(pointsOf);
  return [];
}

const centreOf = (box: Box): Point => [box.x + box.width / 2, box.y + box.height / 2];

/** The compass angle of `p` seen from `centre`, in degrees clockwise from straight up, 0–360. */
function compassAngle(centre: Point, p: Point): number {
  const degrees = (Math.atan2(p[0] - centre[0], centre[1] - p[1]) * 180) / Math.PI;
  return (degrees + 360) % 360;
}

/** The point of a shape farthest from `centre` (a needle's or hand's tip), with its distance. */
function tipOf(shape: Shape, centre: Point): { point: Point; distance: number } | undefined {
  let best: { point: Point; distance: number } | undefined;
  for (const point of pointsOf(shape)) {
    const distance = Math.hypot(point[0] - centre[0], point[1] - centre[1]);
    if (best === undefined || distance > best.distance) best = { point, distance };
  }
  return best;
}

/** A dial's scale read from the numeric labels around the centre of region `dial`: the value at an angle, linear in it. */
function dialIn(dial: Box, texts: readonly DrawnText[], ticks: readonly Shape[]): { at(angle: number): number; step: number } | string {
  const centre = centreOf(dial);
  const radius = Math.min(dial.width, dial.height) / 2;
  const labels = texts.flatMap((t) => {
    if (t.title) return [];
    const c = centreOf(t.box);
    const distance = Math.hypot(c[0] - centre[0], c[1] - centre[1]);
    // Labels sit around the dial; a text at the hub (a unit, a caption) is not one.
    if (distance < radius * 0.3 || distance > radius * 1.05) return [];
    const match = /^[-−]?[\d,]*\.?\d+$/u.exec(t.text.trim());
    if (match === null) return [];
    return [{ value: Number(t.text.trim().replace(/,/g, '').replace('−', '-')), angle: compassAngle(centre, c) }];
  });
  if (labels.length < 2) return `has ${labels.length} numeric label(s) around its centre, too few to read a scale`;
  labels.sort((a, b) => a.value - b.value);
  // Clockwise from the smallest value, each label's angle unwrapped past the one before.
  const unwrapped = [labels[0]?.angle as number];
  for (let i = 1; i < labels.length; i++) {
    const turn = ((labels[i] as { angle: number }).angle - (labels[i - 1] as { angle: number }).angle + 360) % 360;
    unwrapped.push((unwrapped[i - 1] as number) + (turn === 0 ? 360 : turn));
  }
  const first = unwrapped[0] as number;
  const last = unwrapped.at(-1) as number;
  if (last - first > 360 + 1e-6) return 'has labels that do not run clockwise around it in order of value';
  const n = labels.length;
  const meanA = unwrapped.reduce((sum, a) => sum + a, 0) / n;
  const meanV = labels.reduce((sum, l) => sum + l.value, 0) / n;
  const saa = unwrapped.reduce((sum, a) => sum + (a - meanA) ** 2, 0);
  if (saa === 0) return 'has its labels all at one angle';
  const slope = labels.reduce((sum, l, i) => sum + ((unwrapped[i] as number) - meanA) * (l.value - meanV), 0) / saa;
  const range = (labels[n - 1] as { value: number }).value - (labels[0] as { value: number }).value;
  const worst = Math.max(...labels.map((l, i) => Math.abs(meanV + slope * ((unwrapped[i] as number) - meanA) - l.value)));
  if (worst > range * 0.01) return `is not a linear dial (a label is ${worst.toPrecision(3)} off the line through the others)`;
  let step = Math.min(...labels.slice(1).map((l, i) => l.value - (labels[i] as { value: number }).value));
  // Tick marks between the labels: the smallest angle between neighbouring ticks, in value.
  const tickAngles = [...new Set(ticks.flatMap((t) => {
    const tip = tipOf(t, centre);
    return tip === undefined ? [] : [Math.round(compassAngle(centre, tip.point) * 100) / 100];
  }))].sort((a, b) => a - b);
  const gaps = tickAngles.slice(1).map((a, i) => a - (tickAngles[i] as number)).filter((gap) => gap > 0.05);
  if (gaps.length > 0) step = Math.min(step, Math.abs(slope) * Math.min(...gaps));
  const at = (angle: number) => {
    // The angle turned into the labels' span, or to the nearer end's side of it.
    const candidates = [angle - 360, angle, angle + 360, angle + 720];
    const distance = (a: number) => (a < first ? first - a : a > last ? a - last : 0);
    const chosen = candidates.reduce((best, a) => (distance(a) < distance(best) ? a : best));
    return meanV + slope * (chosen - meanA);
  };
  return { at, step };
}

/** The commonest colour of the pixels in the middle half of a box (a mark's fill, clear of its outline), else of the whole box. */
function boxColour(pixels: Pixels, box: Box): string | undefined {
  const middle = { x: box.x + box.width / 4, y: box.y + box.height / 4, width: box.width / 2, height: box.height / 2 };
  return modalColour(pixels, middle) ?? modalColour(pixels, box);
}

/**
 * What is wrong with one question against its drawing, each problem a sentence; empty when the
 * drawing shows what the question says a reader needs. A question without `needs` is not checked.
 */
export function answerabilityProblems(question: GateQuestion, drawing: GateDrawing, rules: Partial<GateRules> = {}): string[] {
  const needs = question.needs;
  if (needs === undefined) return [];
  const { legibleFontSize, readingShare, colourMatch, colourApart, sweepError } = { ...defaultGateRules, ...rules };
  const problems: string[] = [];
  const all = flatten(drawing.shapes);
  const byId = new Map(all.flatMap((s) => (s.id === undefined ? [] : [[s.id, s] as const])));
  const texts = drawnTexts(all);

  // Quoted and needed texts: drawn, inside, legible, clear of every other text.
  for (const id of needs.texts ?? []) {
    const shape = byId.get(id);
    const own = shape === undefined ? [] : drawnTexts(shape.kind === 'group' ? flatten(shape.children) : [shape]);
    if (own.length === 0) {
      problems.push(`needs text "${id}", which is not a drawn text`);
      continue;
    }
    for (const t of own) {
      if (!inside(t.box, drawing.width, drawing.height)) problems.push(`text "${t.text}" (${id}) is not inside the image`);
      if (t.size < legibleFontSize) problems.push(`text "${t.text}" (${id}) is ${t.size.toFixed(1)} px, under the legible ${legibleFontSize} px`);
      for (const other of texts) {
        if (other.box !== t.box && other.text !== '' && overlaps(t.box, other.box)) problems.push(`text "${t.text}" (${id}) overlaps the text "${other.text}"`);
      }
    }
  }

  // Counts: the answer equals the drawn marks of the class.
  if (needs.counts !== undefined) {
    const drawn = all.filter((s) => hasClass(s, needs.counts as string)).length;
    if (question.answer.type !== 'integer') problems.push(`counts "${needs.counts}" but the answer is a ${question.answer.type}, not an integer`);
    else if (question.answer.value !== drawn) problems.push(`answers ${question.answer.value} ${needs.counts} marks where ${drawn} are drawn`);
  }
  for (const tally of needs.tallies ?? []) {
    const drawn = all.filter((s) => hasClass(s, tally.class)).length;
    if (tally.count !== drawn) problems.push(`states ${tally.count} ${tally.class} marks where ${drawn} are drawn`);
  }

  // Readings off a drawn scale, and the extreme's rivals.
  const readValue = (reading: ScaleReading, what: string): { value: number; error: number } | undefined => {
    const mark = byId.get(reading.mark);
    if (reading.edge === 'sweep') {
      if (mark === undefined) problems.push(`${what}: no mark "${reading.mark}" is drawn`);
      else if (mark.kind !== 'region' || mark.sweep === undefined) problems.push(`${what}: "${reading.mark}" records no sweep`);
      else return { value: 100 * mark.sweep, error: sweepError };
      return undefined;
    }
    const axis = reading.axis === undefined ? undefined : byId.get(reading.axis);
    if (axis === undefined) problems.push(`${what}: no axis "${reading.axis ?? ''}" is drawn`);
    if (mark === undefined) problems.push(`${what}: no mark "${reading.mark}" is drawn`);
    if (axis === undefined || mark === undefined) return undefined;
    if (reading.edge === 'needle') {
      const inDial = (shape: Shape) => {
        const [x, y] = centreOf(shape.box);
        return x >= axis.box.x && x <= axis.box.x + axis.box.width && y >= axis.box.y && y <= axis.box.y + axis.box.height;
      };
      const dial = dialIn(axis.box, texts, all.filter((shape) => hasClass(shape, 'tick') && inDial(shape)));
      const tip = tipOf(mark, centreOf(axis.box));
      if (typeof dial === 'string') problems.push(`${what}: the dial "${reading.axis}" ${dial}`);
      else if (tip === undefined) problems.push(`${what}: "${reading.mark}" has no drawn points to point with`);
      else return { value: dial.at(compassAngle(centreOf(axis.box), tip.point)), error: dial.step * readingShare };
      return undefined;
    }
    const scale = scaleIn(axis.box, texts);
    if (typeof scale === 'string') {
      problems.push(`${what}: the axis "${reading.axis}" ${scale}`);
      return undefined;
    }
    return { value: scale.at(edgeOf(mark.box, reading.edge, scale.vertical)), error: scale.step * readingShare };
  };
  for (const reading of needs.readings ?? []) {
    const what = `reads ${reading.value} off "${reading.mark}"`;
    const read = readValue(reading, what);
    if (read === undefined) continue;
    if (read.error > reading.tolerance * (1 + 1e-6) + 1e-9) {
      problems.push(`${what} within ${reading.tolerance}, but the drawn scale reads only to ±${read.error.toPrecision(3)}`);
    }
    if (Math.abs(read.value - reading.value) > Math.max(reading.tolerance, read.error)) {
      problems.push(`${what}, where the drawing shows ${read.value.toPrecision(4)}`);
    }
  }
  if (needs.extreme !== undefined) {
    const { which, readings } = needs.extreme;
    const read = readings.map((r) => readValue(r, `the ${which} mark "${r.mark}"`));
    const [answer, ...rivals] = read;
    if (answer !== undefined && readings.length > 1) {
      for (const [i, rival] of rivals.entries()) {
        if (rival === undefined) continue;
        const lead = which === 'highest' ? answer.value - rival.value : rival.value - answer.value;
        if (lead <= answer.error) {
          problems.push(`asks for the unique ${which}, but "${readings[0]?.mark}" and "${readings[i + 1]?.mark}" are within the reading error (${lead.toPrecision(3)} apart)`);
        }
      }
    }
  }

  // Clock faces: twelve hour marks, the hands' tips at the angles of the stated time, clear of the
  // hub, and the minute hand clearly the longer.
  const turnBetween = (a: number, b: number) => Math.abs(((a - b + 540) % 360) - 180);
  for (const clock of needs.clocks ?? []) {
    const what = `reads ${clock.hours}:${String(clock.minutes).padStart(2, '0')} off "${clock.face}"`;
    const [face, hour, minute] = [clock.face, clock.hour, clock.minute].map((id) => byId.get(id));
    if (face === undefined || hour === undefined || minute === undefined) {
      problems.push(`${what}: the face, hour hand or minute hand is not drawn`);
      continue;
    }
    const centre = centreOf(face.box);
    const radius = Math.min(face.box.width, face.box.height) / 2;
    const within = (shape: Shape) => Math.hypot(centreOf(shape.box)[0] - centre[0], centreOf(shape.box)[1] - centre[1]) <= radius;
    const marks = all.filter((shape) => hasClass(shape, 'hour-mark') && within(shape)).length;
    if (marks !== 12) problems.push(`${what}: the face shows ${marks} hour marks, not 12`);
    const hourTip = tipOf(hour, centre);
    const minuteTip = tipOf(minute, centre);
    if (hourTip === undefined || minuteTip === undefined) {
      problems.push(`${what}: a hand has no drawn points`);
      continue;
    }
    const minuteOff = turnBetween(compassAngle(centre, minuteTip.point), clock.minutes * 6);
    if (minuteOff > (clock.tolerance ?? 0.5) * 6 + 1e-6) problems.push(`${what}, where the minute hand points ${(minuteOff / 6).toFixed(1)} minutes away`);
    const hourOff = turnBetween(compassAngle(centre, hourTip.point), (clock.hours % 12) * 30 + clock.minutes / 2);
    if (hourOff > 3) problems.push(`${what}, where the hour hand is ${hourOff.toFixed(1)}° away from that time's angle`);
    if (minuteTip.distance < hourTip.distance * 1.15) problems.push(`${what}: the minute hand (${minuteTip.distance.toFixed(0)} px) is not clearly longer than the hour hand (${hourTip.distance.toFixed(0)} px)`);
    const hub = all.filter((shape) => hasClass(shape, 'hub') && within(shape)).reduce((r, shape) => Math.max(r, shape.box.width / 2), 0);
    if (hourTip.distance < hub + radius * 0.15) problems.push(`${what}: the hour hand reaches only ${(hourTip.distance - hub).toFixed(0)} px past the hub`);
  }

  // Every stated number: printed, read, counted or derived.
  const printed = texts.flatMap((t) => statedNumbers(t.text).map(Math.abs));
  const accounted = (n: number) =>
    printed.includes(Math.abs(n)) ||
    (needs.readings ?? []).some((r) => sameStated(n, r.value) || Math.abs(n - r.value) <= r.tolerance + 1e-9) ||
    (needs.derived ?? []).some((d) => sameStated(n, d)) ||
    (needs.counts !== undefined && question.answer.type === 'integer' && n === question.answer.value) ||
    (needs.tallies ?? []).some((t) => t.count === n) ||
    // A clock's reading, and what every face shows: 12 at the top, 60 minutes round.
    (needs.clocks ?? []).some((c) => [c.hours, c.hours % 12 || 12, c.minutes, c.minutes / 5, 12, 60].includes(n));
  const statements = [...question.phrasings, ...question.rationale];
  if (question.answer.type === 'caption' || question.answer.type === 'text') statements.push(question.answerText);
  const unaccounted = new Set(statements.flatMap(statedNumbers).filter((n) => !accounted(n)));
  for (const n of unaccounted) problems.push(`states ${n}, which the image does not print and the question neither reads off a scale nor derives`);

  // Named colours: the pixels, the hue, and no other mark it could mean.
  for (const need of needs.colours ?? []) {
    const region = byId.get(need.region);
    if (region === undefined) {
      problems.push(`names ${need.name} for "${need.region}", which is not drawn`);
      continue;
    }
    if (drawing.pixels === undefined) {
      problems.push(`names ${need.name}, but no pixels were given to check it`);
      continue;
    }
    let named: string | undefined;
    if (need.like !== undefined) {
      const like = byId.get(need.like);
      named = like === undefined ? undefined : boxColour(drawing.pixels, like.box);
      if (named === undefined) {
        problems.push(`names ${need.name} as the colour of "${need.like}", which ${like === undefined ? 'is not drawn' : 'covers no pixel'}`);
        continue;
      }
    } else {
      try {
        named = need.hex ?? namedColour(need.name).hex;
      } catch {
        problems.push(`names "${need.name}", which is not one of render's named colours (give its hex)`);
        continue;
      }
    }
    const seen = boxColour(drawing.pixels, region.box);
    if (seen === undefined) {
      problems.push(`names ${need.name} for "${need.region}", which covers no pixel`);
      continue;
    }
    const distance = ciede2000(seen, named);
    if (distance > colourMatch) problems.push(`names ${need.name} (${named}) for "${need.region}", whose pixels are ${seen} (ΔE00 ${distance.toFixed(1)})`);
    const greyNamed = chroma(named) < 12;
    const greySeen = chroma(seen) < 12;
    const hueGap = Math.abs(((hueAngle(seen) - hueAngle(named) + 540) % 360) - 180);
    if (greyNamed !== greySeen || (!greyNamed && hueGap > 30)) problems.push(`names ${need.name} for "${need.region}", whose pixels ${seen} are of another hue`);
    const among = need.among ?? region.class?.split(' ')[0];
    for (const other of all) {
      if (other === region || (need.like !== undefined && other.id === need.like) || among === undefined || !hasClass(other, among)) continue;
      // A mark under 4 px across shows mostly its edge's blend with what is around it, no colour of its own.
      if (other.box.width < 4 || other.box.height < 4) continue;
      const colour = boxColour(drawing.pixels, other.box);
      if (colour === undefined || ciede2000(colour, seen) < 3) continue;
      const apart = ciede2000(colour, named);
      if (apart < colourApart) problems.push(`names ${need.name}, which could also mean "${other.id ?? other.kind}" in ${colour} (ΔE00 ${apart.toFixed(1)})`);
    }
  }
  return problems;
}

/** Which item {@link itemAnswerability} checks, and how. */
export interface ItemAnswerabilityOptions {
  level: Level;
  seed: number;
  index: number;
  theme: string;
  style: DrawingStyle;
  /** Params over the level's preset; default none. */
  params?: Record<string, unknown>;
  /** Task ids whose every question must say what a reader needs; default none. */
  required?: readonly string[];
  /** Thresholds; default {@link defaultGateRules}. */
  rules?: Partial<GateRules>;
}

/**
 * The drawing-first gate on one item: drafts it as the pipeline does and checks each question's
 * `needs` against its display list and pixels. `problems` are prefixed with the sample id, theme,
 * style and task; `checked` counts the questions that said what they need.
 */
export async function itemAnswerability(scenario: AnyScenario, options: ItemAnswerabilityOptions): Promise<{ problems: string[]; checked: number; tasks: string[] }> {
  const { level, seed, index, theme, style, params = {}, required = [], rules = {} } = options;
  const plan = planRun({ scenario, level, seed, start: index, count: 1, theme, style, params });
  const { sample, shapes } = await inspectItem(plan, index);
  const pixels = sample.png === null ? undefined : decodePng(sample.png);
  const problems: string[] = [];
  let checked = 0;
  for (const qa of sample.qa) {
    const where = `${sample.id} (${theme}, ${style}) ${qa.task}`;
    if (qa.needs === undefined) {
      if (required.includes(qa.task)) problems.push(`${where}: says nothing of what a reader needs`);
      continue;
    }
    const question = { phrasings: qa.phrasings, answer: qa.answer, answerText: qa.answerText, rationale: qa.steps, needs: qa.needs };
    for (const problem of answerabilityProblems(question, { shapes, pixels, width: sample.width, height: sample.height }, rules)) {
      problems.push(`${where}: ${problem}`);
    }
    checked++;
  }
  return { problems, checked, tasks: sample.qa.map((qa) => qa.task) };
}

