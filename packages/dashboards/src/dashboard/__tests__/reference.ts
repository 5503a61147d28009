// An independent reading of dashboards for tests: the text rendering parsed back into instruments,
// and every answer recomputed from that and the question's words, without the scenario's code.
import type { SampleRecord } from '@absynth/engine';
import { expect } from 'vitest';
import { dashboards } from '../scenario.js';
import type { DashboardScene } from '../scene.js';

export interface ParsedGauge {
  kind: 'gauge';
  n: number;
  type: string;
  unit: string;
  min: number;
  max: number;
  major: number;
  minor: number;
  zones: { colour: string; from: number; to: number }[];
  needles: { colour: string | null; label: string | null; value: number }[];
}

export interface ParsedClock {
  kind: 'clock';
  n: number;
  title: string;
  /** 0–23 when the part of the day is printed, else 1–12. */
  hours: number;
  minutes: number;
  dayGiven: boolean;
}

/** The instruments of a dashboard's text rendering. */
export function parseDashboardText(text: string): (ParsedGauge | ParsedClock)[] {
  return text.split('\n').slice(1).map((line) => {
    const n = Number(/^Instrument (\d+):/.exec(line)?.[1]);
    const clock = /clock "([^"]+)".*it shows (\d+):(\d+)(?::\d+)?(?: in the \w+ \((\d+):\d+\))?\.$/.exec(line);
    if (clock !== null) {
      const [, title = '', h, m, h24] = clock;
      return { kind: 'clock', n, title, hours: Number(h24 ?? h), minutes: Number(m), dayGiven: h24 !== undefined };
    }
    const gauge = /: (\w+) "[^"]+", unit "([^"]+)", numbered every ([\d.]+) from ([\d.]+) to ([\d.]+), (?:no small ticks|(\d+) small intervals between numbers).*?; (no zones|zones [^;]+); (.+)\.$/.exec(line);
    if (gauge === null) throw new Error(`cannot parse "${line}"`);
    const [, type = '', unit = '', major, min, max, minor, zoneText = '', needleText = ''] = gauge;
    const zones = zoneText === 'no zones' ? [] : [...zoneText.matchAll(/(\w+) ([\d.]+) to ([\d.]+) \(/g)].map((z) => ({ colour: z[1] as string, from: Number(z[2]), to: Number(z[3]) }));
    const needles = needleText.split(', ').map((t) => {
      const named = /^(\w+) needle "(\w+)" at ([\d.]+)$/.exec(t);
      if (named !== null) return { colour: named[1] as string, label: named[2] as string, value: Number(named[3]) };
      return { colour: null, label: null, value: Number(/^needle at ([\d.]+)$/.exec(t)?.[1]) };
    });
    return { kind: 'gauge', n, type, unit, min: Number(min), max: Number(max), major: Number(major), minor: Number(minor ?? 1), zones, needles };
  });
}

const nouns: Record<string, string> = {
  speedometer: 'speedometer',
  tachometer: 'tachometer',
  fuel: 'fuel gauge',
  pressure: 'pressure gauge',
  voltmeter: 'voltmeter',
  humidity: 'humidity gauge',
};

const close = (a: number, b: number) => Math.abs(a - b) < 1e-6;

/** Rechecks every answer of a sample from its parsed text rendering and its question's words. */
export function verifyDashboard(sample: SampleRecord<DashboardScene>, verified?: Map<string, number>): void {
  const parsed = parseDashboardText(dashboards.text?.(sample.scene) ?? '');
  for (const qa of sample.qa) {
    const where = `${sample.id} ${qa.task}: ${qa.question}`;
    const gauge = parsed.find((p): p is ParsedGauge => p.kind === 'gauge' && qa.question.toLowerCase().includes(`the ${nouns[p.type]}`));
    const clocks = parsed.filter((p): p is ParsedClock => p.kind === 'clock');
    const clock = clocks.length === 1 ? clocks[0] : clocks.find((c) => qa.question.includes(`labelled ${c.title}`));
    const needleIn = (g: ParsedGauge, text: string) => (g.needles.length === 1 ? g.needles[0] : g.needles.find((n) => text.includes(`the ${n.colour} needle (${n.label})`)));
    const ids = (ids: string[]) => expect(qa.regions.map((r) => r.id), where).toEqual(ids);
    const { answer } = qa;
    switch (qa.task) {
      case 'gauge-reading': {
        const g = gauge as ParsedGauge;
        const needle = needleIn(g, qa.question);
        expect(answer.type === 'number' && close(answer.value, needle?.value ?? Number.NaN), where).toBe(true);
        // Within half the smallest tick, no more.
        expect(answer.type === 'number' && close(answer.margin ?? 0, g.major / g.minor / 2), where).toBe(true);
        ids([`i${g.n}-needle-${g.needles.indexOf(needle as ParsedGauge['needles'][number]) + 1}`, `i${g.n}-face`]);
        break;
      }
      case 'gauge-range': {
        const g = gauge as ParsedGauge;
        const highest = qa.question.includes('highest');
        expect(answer.type === 'number' && answer.value, where).toBe(highest ? g.max : g.min);
        ids([`i${g.n}-label-${highest ? Math.round((g.max - g.min) / g.major) : 0}`]);
        break;
      }
      case 'gauge-unit': {
        const g = gauge as ParsedGauge;
        expect(answer.type === 'text' && answer.value, where).toBe(g.unit);
        ids([`i${g.n}-unit`]);
        break;
      }
      case 'gauge-step': {
        const g = gauge as ParsedGauge;
        expect(answer.type === 'number' && answer.value, where).toBeCloseTo(qa.question.includes('small tick') ? g.major / g.minor : g.major, 9);
        ids([`i${g.n}-label-0`, `i${g.n}-label-1`]);
        break;
      }
      case 'gauge-zone': {
        const g = gauge as ParsedGauge;
        const needle = needleIn(g, qa.question.split('. ').at(-1) ?? '') as ParsedGauge['needles'][number];
        const zone = g.zones.findIndex((z) => needle.value > z.from && needle.value < z.to);
        expect(answer.type === 'text' && answer.value, where).toBe(g.zones[zone]?.colour);
        ids([`i${g.n}-needle-${g.needles.indexOf(needle) + 1}`, `i${g.n}-zone-${zone + 1}`]);
        break;
      }
      case 'needle-difference': {
        const g = gauge as ParsedGauge;
        const [a, b] = g.needles.map((n) => n.value) as [number, number];
        expect(answer.type === 'number' && close(answer.value, Math.abs(a - b)), where).toBe(true);
        const high = a >= b ? 1 : 2;
        ids([`i${g.n}-needle-${high}`, `i${g.n}-needle-${3 - high}`]);
        break;
      }
      case 'clock-time':
      case 'clock-shift': {
        const c = clock as ParsedClock;
        let minutes = c.hours * 60 + c.minutes;
        const turn = /turns clockwise by (\d+)°/.exec(qa.question);
        const span = /be (?:(\d+) hours? )?(?:and )?(?:(\d+) minutes )?(after|before)/.exec(qa.question);
        if (qa.task === 'clock-shift') {
          expect(turn !== null || span !== null, where).toBe(true);
          const delta = turn !== null ? Number(turn[1]) / 6 : (Number(span?.[1] ?? 0) * 60 + Number(span?.[2] ?? 0)) * (span?.[3] === 'before' ? -1 : 1);
          minutes += delta;
        }
        const day = ((minutes % 1440) + 1440) % 1440;
        const want = c.dayGiven ? [Math.floor(day / 60)] : [Math.floor(day / 60) % 12, (Math.floor(day / 60) % 12) + 12];
        expect(answer.type === 'time' && want.includes(answer.hours) && answer.minutes === day % 60, where).toBe(true);
        expect(answer.type === 'time' && answer.twelveHour === !c.dayGiven, where).toBe(true);
        ids([`i${c.n}-face`]);
        break;
      }
      default:
        throw new Error(`${where}: no check for task ${qa.task}`);
    }
    verified?.set(qa.task, (verified.get(qa.task) ?? 0) + 1);
  }
}
