// Readings recovered from the drawing alone: each needle's tip against the numbers printed round
// its dial, each clock's hands against the twelve-hour face, by code that reads only the display
// list (shapes and texts), compared with every answer.
import type { Level } from '@absynth/core';
import { inspectItem, planRun } from '@absynth/engine';
import { answerabilityProblems } from '@absynth/testkit';
import { decodePng, type Shape } from '@absynth/render';
import { describe, expect, it } from 'vitest';
import { dashboards } from '../scenario.js';

const flat = (shapes: readonly Shape[]): Shape[] => shapes.flatMap((s) => (s.kind === 'group' ? [s, ...flat(s.children)] : [s]));
const centre = (s: Shape): [number, number] => [s.box.x + s.box.width / 2, s.box.y + s.box.height / 2];
/** Degrees clockwise from straight up. */
const bearing = (c: [number, number], p: readonly [number, number]) => ((Math.atan2(p[0] - c[0], c[1] - p[1]) * 180) / Math.PI + 360) % 360;
const tip = (s: Shape, c: [number, number]) => {
  const points = s.kind === 'polygon' || s.kind === 'polyline' ? s.points : s.kind === 'line' ? ([[s.x1, s.y1], [s.x2, s.y2]] as const) : [];
  return [...points].sort((a, b) => Math.hypot(b[0] - c[0], b[1] - c[1]) - Math.hypot(a[0] - c[0], a[1] - c[1]))[0] as readonly [number, number];
};

/** A needle's value: interpolated between the two printed numbers whose bearings enclose its tip. */
function readNeedle(shapes: Shape[], prefix: string, needle: Shape): number {
  const face = shapes.find((s) => s.id === `${prefix}-face`) as Shape;
  const c = centre(face);
  const labels = shapes
    .filter((s): s is Extract<Shape, { kind: 'text' }> => s.kind === 'text' && (s.id ?? '').startsWith(`${prefix}-label-`))
    .map((s) => ({ value: Number(s.text), angle: bearing(c, centre(s)) }))
    .sort((a, b) => a.value - b.value);
  // Bearings measured clockwise from the first number.
  const from = (labels[0] as { angle: number }).angle;
  const turned = (a: number) => (a - from + 360) % 360;
  const at = turned(bearing(c, tip(needle, c)));
  for (let i = 1; i < labels.length; i++) {
    const [lo, hi] = [labels[i - 1], labels[i]] as [{ value: number; angle: number }, { value: number; angle: number }];
    if (at <= turned(hi.angle) + 1e-6) return lo.value + ((at - turned(lo.angle)) / (turned(hi.angle) - turned(lo.angle))) * (hi.value - lo.value);
  }
  throw new Error(`${prefix}: needle past the last number`);
}

/** A clock's time on twelve hours, from the hands' bearings: the minute hand the longer. */
function readClock(shapes: Shape[], prefix: string): { hour: number; minutes: number } {
  const c = centre(shapes.find((s) => s.id === `${prefix}-face`) as Shape);
  const hands = ['hour', 'minute'].map((h) => shapes.find((s) => s.id === `${prefix}-${h}-hand`) as Shape).map((s) => tip(s, c));
  const [long, short] = [...hands].sort((a, b) => Math.hypot(b[0] - c[0], b[1] - c[1]) - Math.hypot(a[0] - c[0], a[1] - c[1])) as [readonly [number, number], readonly [number, number]];
  const minutes = Math.floor(bearing(c, long) / 6 + 1e-6) % 60;
  // The hour hand has moved on by half a degree a minute.
  const hour = Math.round((bearing(c, short) - minutes / 2) / 30 + 12) % 12;
  return { hour, minutes };
}

describe('every reading and time agrees with the drawing', () => {
  it.each([1, 2, 3, 4, 5] as const)('level %i', { timeout: 300_000 }, async (level: Level) => {
    let checked = 0;
    for (let index = 0; index < 40; index++) {
      const { sample, shapes: drawn } = await inspectItem(planRun({ scenario: dashboards, level, seed: 5, start: index, count: 1, params: { twoNeedles: 0.3 } }), index);
      const shapes = flat(drawn);
      for (const qa of sample.qa) {
        const where = `${sample.id} ${qa.task}: ${qa.phrasings[0]}`;
        if (qa.task === 'gauge-reading' && qa.answer.type === 'number') {
          const needle = shapes.find((s) => s.id === qa.regions[0]?.id) as Shape;
          const prefix = (needle.id ?? '').split('-')[0] as string;
          expect(Math.abs(readNeedle(shapes, prefix, needle) - qa.answer.value), where).toBeLessThan(1e-6 + (qa.answer.margin ?? 0) / 10);
          checked++;
        }
        if (qa.task === 'clock-time' && qa.answer.type === 'time') {
          const prefix = (qa.regions[0]?.id ?? '').split('-')[0] as string;
          const { hour, minutes } = readClock(shapes, prefix);
          expect([hour, minutes], where).toEqual([qa.answer.hours % 12, qa.answer.minutes]);
          checked++;
        }
        if (qa.task === 'needle-difference' && qa.answer.type === 'number') {
          const [a, b] = qa.regions.map((r) => shapes.find((s) => s.id === r.id) as Shape);
          const prefix = (qa.regions[0]?.id ?? '').split('-')[0] as string;
          expect(Math.abs(readNeedle(shapes, prefix, a as Shape) - readNeedle(shapes, prefix, b as Shape) - qa.answer.value), where).toBeLessThan((qa.answer.margin ?? 0) / 10);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});

// The gate is not vacuous for dials: a needle turned by a small tick, a minute hand turned by five
// minutes, an hour hand as long as the minute hand, and a face without its hour marks each fail it.
describe('dashboard needs catch planted defects', () => {
  it('fails moved needles and hands', { timeout: 300_000 }, async () => {
    const planted = new Set<string>();
    for (let index = 0; index < 12; index++) {
      const { sample, shapes } = await inspectItem(planRun({ scenario: dashboards, level: 4, seed: 2, start: index, count: 1 }), index);
      const drawing = { shapes, pixels: sample.png === null ? undefined : decodePng(sample.png), width: sample.width, height: sample.height };
      const turn = (id: string, degrees: number, scale = 1) => {
        const face = flat(shapes).find((s) => s.id === `${id.split('-')[0]}-face`) as Shape;
        const [cx, cy] = centre(face);
        const t = (degrees * Math.PI) / 180;
        const move = (s: Shape): Shape => {
          if (s.kind === 'group') return { ...s, children: s.children.map(move) };
          if (s.id !== id || s.kind !== 'polygon') return s;
          return { ...s, points: s.points.map(([x, y]) => [cx + scale * ((x - cx) * Math.cos(t) - (y - cy) * Math.sin(t)), cy + scale * ((x - cx) * Math.sin(t) + (y - cy) * Math.cos(t))] as const) };
        };
        return { ...drawing, shapes: shapes.map(move) };
      };
      for (const qa of sample.qa) {
        const needs = qa.needs;
        if (needs === undefined) continue;
        const question = { phrasings: qa.phrasings, answer: qa.answer, answerText: qa.answerText, rationale: qa.steps, needs };
        expect(answerabilityProblems(question, drawing), `${sample.id} ${qa.task}`).toEqual([]);
        if (qa.task === 'gauge-reading') {
          const reading = needs.readings?.[0];
          if (reading === undefined) continue;
          // Turned by 25°, more than half a small tick on every scale drawn (the coarsest is 37.5° a tick).
          expect(answerabilityProblems(question, turn(reading.mark, 25)), `${sample.id} needle`).not.toEqual([]);
          planted.add('needle');
        }
        const clock = needs.clocks?.[0];
        if (clock !== undefined) {
          expect(answerabilityProblems(question, turn(clock.minute, 30)), `${sample.id} minute hand`).not.toEqual([]);
          expect(answerabilityProblems(question, turn(clock.hour, 0, 1.7)), `${sample.id} hour hand`).not.toEqual([]);
          const bare = { ...drawing, shapes: shapes.map(function strip(s: Shape): Shape { return s.kind === 'group' ? { ...s, children: s.children.filter((c) => !(c.class ?? '').includes('hour-mark')).map(strip) } : s; }) };
          expect(answerabilityProblems(question, bare), `${sample.id} hour marks`).not.toEqual([]);
          planted.add('clock');
        }
      }
    }
    expect([...planted].sort()).toEqual(['clock', 'needle']);
  });
});
