import type { Rng } from '@absynth/core';
import { namedColour } from '@absynth/render';
import { categorySet } from '@absynth/topics';
import type { DashboardParams } from './params.js';
import type { Clock, Colour, DashboardScene, DialScale, Gauge, GaugeType, Needle, Numerals, Zone } from './scene.js';

const colour = (name: string): Colour => ({ name, hex: namedColour(name).hex });

/** One way a gauge type's scale can run: its end values, the step between numbers and the small ticks between them. */
interface ScaleChoice {
  min: number;
  max: number;
  major: number;
  /** Intervals between numbers that read well on this scale. */
  minors: readonly number[];
  decimals?: number;
}

/** What a gauge type measures: captions, units and the scales it is drawn with. */
interface GaugeKind {
  titles: readonly string[];
  units: readonly { printed: string; answer: string; scales: readonly ScaleChoice[]; offset?: readonly ScaleChoice[] }[];
  /** Bands as shares of the scale, low to high, for a gauge with zones. */
  zones: readonly (readonly [number, number, string, string])[][];
}

const normal = 'normal';
const caution = 'caution';
const danger = 'danger';

/** The gauge types: plausible units, scales and zones for each. */
export const gaugeKinds: Readonly<Record<GaugeType, GaugeKind>> = {
  speedometer: {
    titles: ['Speed'],
    units: [
      { printed: 'km/h', answer: 'km/h', scales: [120, 160, 180, 200, 220, 240].map((max) => ({ min: 0, max, major: 20, minors: [2, 4] })) },
      { printed: 'mph', answer: 'mph', scales: [{ min: 0, max: 100, major: 10, minors: [2, 5] }, { min: 0, max: 140, major: 20, minors: [2, 4] }, { min: 0, max: 160, major: 20, minors: [2, 4] }] },
    ],
    zones: [[[0.75, 1, 'red', danger]]],
  },
  tachometer: {
    titles: ['Engine speed', 'Revs'],
    units: [{ printed: '×1000 rpm', answer: 'thousand rpm', scales: [6, 7, 8, 9].map((max) => ({ min: 0, max, major: 1, minors: [2, 4, 5] })) }],
    zones: [[[0.75, 1, 'red', danger]], [[0.65, 0.8, 'yellow', caution], [0.8, 1, 'red', danger]]],
  },
  fuel: {
    titles: ['Fuel', 'Fuel tank'],
    units: [
      { printed: 'L', answer: 'litres', scales: [40, 50, 60, 70, 80].map((max) => ({ min: 0, max, major: 10, minors: [2, 5] })) },
      { printed: '%', answer: '%', scales: [{ min: 0, max: 100, major: 20, minors: [2, 4] }, { min: 0, max: 100, major: 25, minors: [5] }] },
    ],
    zones: [[[0, 0.15, 'red', danger], [0.15, 0.3, 'yellow', caution]], [[0, 0.2, 'red', danger]]],
  },
  pressure: {
    titles: ['Tyre pressure', 'Oil pressure', 'Boiler pressure', 'Air pressure'],
    units: [
      { printed: 'bar', answer: 'bar', scales: [4, 5, 6, 8, 10].map((max) => ({ min: 0, max, major: 1, minors: [2, 4, 5] })), offset: [{ min: 1, max: 6, major: 1, minors: [2, 4] }, { min: 2, max: 8, major: 1, minors: [2, 5] }] },
      { printed: 'psi', answer: 'psi', scales: [60, 80, 100].map((max) => ({ min: 0, max, major: 10, minors: [2, 5] })), offset: [{ min: 20, max: 80, major: 10, minors: [2, 5] }, { min: 10, max: 50, major: 5, minors: [5] }] },
    ],
    zones: [[[0, 0.2, 'yellow', caution], [0.2, 0.7, 'green', normal], [0.7, 1, 'red', danger]], [[0.3, 0.7, 'green', normal], [0.85, 1, 'red', danger]]],
  },
  voltmeter: {
    titles: ['Battery', 'Voltage'],
    units: [
      {
        printed: 'V',
        answer: 'V',
        scales: [{ min: 0, max: 16, major: 2, minors: [2, 4] }, { min: 0, max: 20, major: 2, minors: [2, 4] }, { min: 0, max: 30, major: 5, minors: [5] }],
        offset: [{ min: 8, max: 18, major: 1, minors: [2, 5] }, { min: 10, max: 16, major: 1, minors: [2, 4, 5] }, { min: 6, max: 18, major: 2, minors: [2, 4] }],
      },
    ],
    zones: [[[0, 0.3, 'red', danger], [0.3, 0.75, 'green', normal], [0.75, 1, 'red', danger]], [[0, 0.25, 'yellow', caution], [0.25, 0.8, 'green', normal], [0.8, 1, 'red', danger]]],
  },
  humidity: {
    titles: ['Humidity', 'Relative humidity'],
    units: [{ printed: '%', answer: '%', scales: [{ min: 0, max: 100, major: 10, minors: [2, 5] }, { min: 0, max: 100, major: 20, minors: [2, 4] }], offset: [{ min: 20, max: 100, major: 10, minors: [2, 5] }, { min: 10, max: 90, major: 10, minors: [2] }] }],
    zones: [[[0, 0.3, 'yellow', caution], [0.3, 0.6, 'green', normal], [0.6, 1, 'blue', 'damp']]],
  },
};

/** The gauge types, in the order the sampler picks from. */
export const gaugeTypes = Object.keys(gaugeKinds) as GaugeType[];

/** Where a scale of each sweep starts: symmetric about straight up or down, as dials are made. */
const sweeps: readonly (readonly [start: number, sweep: number])[] = [
  [225, 270],
  [240, 240],
  [270, 180],
  [210, 300],
  [250, 220],
];

/** Needle colours, far apart from each other and from the zone colours they cross. */
const needleColours = ['red', 'orange', 'blue', 'magenta'] as const;

/** The value one small tick stands for. */
export const tickValue = (scale: DialScale) => scale.major / scale.minor;

/** Rounds away float noise from sums of ticks (0.1 + 0.2). */
export const clean = (value: number) => Number(value.toFixed(6));

/**
 * A value on the scale, on a small tick or halfway between two (so the reading is exact to half a
 * tick), at least one tick from either end and, when given, at least two ticks from `others`.
 */
function needleValue(rng: Rng, scale: DialScale, others: readonly number[]): number {
  const half = tickValue(scale) / 2;
  const steps = Math.round((scale.max - scale.min) / half);
  for (let tries = 0; ; tries++) {
    const value = clean(scale.min + rng.int(2, steps - 2) * half);
    if (tries > 50 || others.every((o) => Math.abs(o - value) >= 4 * half)) return value;
  }
}

function sampleGauge(rng: Rng, type: GaugeType, params: DashboardParams): Gauge {
  const kind = gaugeKinds[type];
  const unit = rng.pick(kind.units);
  const offset = unit.offset !== undefined && rng.bool(params.offsetScales);
  const choice = rng.pick(offset ? (unit.offset as readonly ScaleChoice[]) : unit.scales);
  const minor = params.minorTicks ? rng.pick(choice.minors) : 1;
  const [start, sweep] = rng.pick(sweeps);
  const scale: DialScale = { min: choice.min, max: choice.max, major: choice.major, minor, start, sweep, decimals: choice.decimals ?? 0 };
  const span = scale.max - scale.min;
  const tick = tickValue(scale);
  // Zone edges fall on small ticks, so a reader sees where each starts.
  const snap = (share: number) => clean(scale.min + Math.round((share * span) / tick) * tick);
  const zones: Zone[] = rng.bool(params.zones)
    ? rng.pick(kind.zones).map(([from, to, name, meaning]) => ({ from: snap(from), to: snap(to), colour: colour(name), meaning }))
    : [];
  const count = rng.bool(params.twoNeedles) ? 2 : 1;
  // A needle's tip reaches into the zones' band: never in a zone's colour.
  const colours = rng.sample(needleColours.filter((name) => zones.every((z) => z.colour.name !== name)), count);
  const needles: Needle[] = [];
  const labels = rng.pick([
    ['now', 'set'],
    ['front', 'rear'],
    ['left', 'right'],
  ]);
  for (let i = 0; i < count; i++) {
    needles.push({
      value: needleValue(rng, scale, needles.map((n) => n.value)),
      colour: colour(colours[i] as string),
      label: count === 1 ? null : (labels[i] as string),
    });
  }
  return { kind: 'gauge', type, title: rng.pick(kind.titles), unit: unit.printed, answerUnit: unit.answer, scale, zones, needles };
}

function sampleClock(rng: Rng, params: DashboardParams, title: string): Clock {
  const hours = rng.int(0, 23);
  const minutes = params.anyMinute ? rng.int(0, 59) : 5 * rng.int(0, 11);
  const seconds = rng.bool(params.secondHand) ? rng.int(0, 59) : null;
  const numerals: Numerals = params.numerals === 'arabic' ? 'arabic' : rng.weighted(['arabic', 'roman', 'none'] as const, [5, 3, 2]);
  // A minute that is not a multiple of five needs its mark; so does a face without numerals.
  const ticks = params.anyMinute || numerals === 'none' || (params.minorTicks && rng.bool(0.7)) ? 'minutes' : 'hours';
  const dayPart = !rng.bool(0.5) ? null : hours >= 5 && hours < 12 ? 'morning' : hours >= 12 && hours < 18 ? 'afternoon' : hours >= 18 && hours < 23 ? 'evening' : null;
  return { kind: 'clock', title, hours, minutes, seconds, numerals, ticks, hands: rng.pick(['bar', 'taper', 'spade'] as const), dayPart };
}

/** Samples one dashboard. Pure: uses only `rng` and `params`. */
export function sampleDashboard(rng: Rng, params: DashboardParams): DashboardScene {
  const count = params.instruments === 1 ? 1 : rng.int(params.instruments - 1, params.instruments);
  const types = rng.shuffle(gaugeTypes);
  const cities = rng.shuffle(categorySet('cities').members);
  const instruments: DashboardScene['instruments'] = [];
  for (let i = 0; i < count; i++) {
    const clock = params.kinds === 'clocks' || (params.kinds === 'mixed' && rng.bool(0.35));
    instruments.push(clock ? sampleClock(rng, params, cities[i] as string) : sampleGauge(rng, types[i] as GaugeType, params));
  }
  return { instruments, face: rng.pick(['light', 'dark'] as const), finish: rng.pick(['flat', 'bezel', 'shaded'] as const) };
}
