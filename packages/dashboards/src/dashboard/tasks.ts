import type { ReaderNeeds, Rng, Task } from '@absynth/core';
import { answer, defineTask, listing, ordinal, sentenceCase } from '@absynth/core';
import { instrumentIds } from './ids.js';
import { clean, tickValue } from './sample.js';
import type { Clock, DashboardScene, Gauge, Needle } from './scene.js';

/** What a reader calls each gauge type. */
const gaugeNouns: Readonly<Record<Gauge['type'], string>> = {
  speedometer: 'speedometer',
  tachometer: 'tachometer',
  fuel: 'fuel gauge',
  pressure: 'pressure gauge',
  voltmeter: 'voltmeter',
  humidity: 'humidity gauge',
};

/** Other ways of writing each printed unit, as replies give them. */
const unitAliases: Readonly<Record<string, readonly string[]>> = {
  'km/h': ['kilometres per hour', 'kilometers per hour', 'kph', 'km per hour'],
  mph: ['miles per hour'],
  L: ['litres', 'liters', 'l'],
  bar: ['bars'],
  psi: ['pounds per square inch'],
  V: ['volts', 'volt'],
  '×1000 rpm': ['x1000 rpm', 'thousand rpm', 'thousands of rpm', 'rpm x 1000', 'rpm × 1000', '1000 rpm'],
};

const text = (value: number) => String(clean(value));

/** A gauge or clock with its index, as a question names it. */
interface Named<I> {
  instrument: I;
  index: number;
  /** "the speedometer", "the clock labelled Kestrelmouth". */
  name: string;
  ids: ReturnType<typeof instrumentIds>;
}

function gauges(scene: DashboardScene): Named<Gauge>[] {
  return scene.instruments.flatMap((instrument, index) =>
    instrument.kind === 'gauge' ? [{ instrument, index, name: `the ${gaugeNouns[instrument.type]}`, ids: instrumentIds(index) }] : [],
  );
}

function clocks(scene: DashboardScene): Named<Clock>[] {
  const all = scene.instruments.filter((i) => i.kind === 'clock').length;
  return scene.instruments.flatMap((instrument, index) =>
    instrument.kind === 'clock' ? [{ instrument, index, name: all === 1 ? 'the clock' : `the clock labelled ${instrument.title}`, ids: instrumentIds(index) }] : [],
  );
}

/** One of the instruments a task can ask about, or undefined when the scene has none. */
function pickOne<I>(all: readonly Named<I>[], rng: Rng): Named<I> | undefined {
  return all.length === 0 ? undefined : rng.pick(all);
}

/** A needle as a question names it: "the needle", or "the red needle (front)" on a gauge with two. */
function needleName(gauge: Gauge, needle: Needle): string {
  return gauge.needles.length === 1 ? 'the needle' : `the ${needle.colour.name} needle (${needle.label})`;
}

/** Colour needs of naming a needle by its colour, when the gauge has two. */
function needleColours(g: Named<Gauge>, k: number): ReaderNeeds['colours'] {
  const needle = g.instrument.needles[k] as Needle;
  if (g.instrument.needles.length === 1) return [];
  // A needle is too thin for its box to show its colour: the key's swatch beside its label does.
  return [{ name: needle.colour.name, hex: needle.colour.hex, region: g.ids.swatch(k), among: 'swatch' }];
}

/** The reading of a needle as a reader works it out: the numbered tick below it, and the small ticks past it. */
function readingSteps(g: Named<Gauge>, needle: Needle): { steps: string[]; derived: number[] } {
  const { scale, answerUnit } = g.instrument;
  const tick = tickValue(scale);
  const base = clean(scale.min + Math.floor((needle.value - scale.min + 1e-9) / scale.major) * scale.major);
  const past = clean((needle.value - base) / tick);
  const unit = answerUnit === '%' ? '%' : ` ${answerUnit}`;
  const steps = [stepSentence(g)];
  const pointer = sentenceCase(needleName(g.instrument, needle));
  if (past === 0) steps.push(`${pointer} points exactly at the number ${text(base)}, so it reads ${text(needle.value)}${unit}.`);
  else if (scale.minor === 1) steps.push(`${pointer} points halfway between ${text(base)} and ${text(base + scale.major)}, so it reads ${text(base)} + ${text(scale.major)} ÷ 2 = ${text(needle.value)}${unit}.`);
  else {
    const where = Number.isInteger(past) ? `at the ${ordinal(past)} small tick past ${text(base)}` : `halfway between the small ticks ${text(Math.floor(past) * tick + base)} and ${text(Math.ceil(past) * tick + base)}, ${text(past)} ticks past ${text(base)}`;
    steps.push(`${pointer} points ${where}, so it reads ${text(base)} + ${text(past)} × ${text(tick)} = ${text(needle.value)}${unit}.`);
  }
  return { steps, derived: [scale.major, scale.minor, tick, past, base, clean(Math.floor(past) * tick + base), clean(Math.ceil(past) * tick + base), clean(base + scale.major), scale.major / 2, 2] };
}

/** How the scale is numbered, in one sentence. */
function stepSentence(g: Named<Gauge>): string {
  const { scale, answerUnit } = g.instrument;
  const unit = answerUnit === '%' ? '%' : ` ${answerUnit}`;
  const numbers = [0, 1, 2].map((k) => text(scale.min + k * scale.major));
  const small = scale.minor === 1 ? 'with no small ticks between them' : `with ${scale.minor} small intervals between neighbours, so one small tick is ${text(scale.major)} ÷ ${scale.minor} = ${text(tickValue(scale))}${unit}`;
  return `The numbers on ${g.name} go ${numbers.join(', ')} and on, ${text(scale.major)}${unit} apart, ${small}.`;
}

/** The value a needle shows, within half a small tick. */
export const gaugeReadingTask = defineTask({
  id: 'gauge-reading',
  kind: 'data-extraction',
  summary: 'The value a gauge needle points at, read from the numbered and small ticks.',
  ask(scene: DashboardScene, rng) {
    const g = pickOne(gauges(scene), rng);
    if (g === undefined) return undefined;
    const k = rng.int(0, g.instrument.needles.length - 1);
    const needle = g.instrument.needles[k] as Needle;
    const { scale, answerUnit } = g.instrument;
    const margin = tickValue(scale) / 2;
    const { steps, derived } = readingSteps(g, needle);
    const pointer = needleName(g.instrument, needle);
    const inUnit = answerUnit === '%' ? 'in percent' : `in ${answerUnit}`;
    return {
      question: [`What does ${pointer} of ${g.name} read, ${inUnit}?`, `Read ${g.name}: what value does ${pointer} point at, ${inUnit}?`],
      answer: answer.number(needle.value, { margin, unit: answerUnit === 'thousand rpm' ? undefined : answerUnit }),
      rationale: steps,
      regions: [g.ids.needle(k), g.ids.face],
      needs: {
        texts: [g.ids.title],
        readings: [{ value: needle.value, mark: g.ids.needle(k), edge: 'needle', axis: g.ids.face, tolerance: margin }],
        derived,
        colours: needleColours(g, k),
      },
    };
  },
});

/** The lowest or highest number on a gauge's scale. */
export const gaugeRangeTask = defineTask({
  id: 'gauge-range',
  kind: 'data-extraction',
  summary: "The lowest or highest number printed on a gauge's scale.",
  ask(scene: DashboardScene, rng) {
    const g = pickOne(gauges(scene), rng);
    if (g === undefined) return undefined;
    const { scale, answerUnit } = g.instrument;
    const highest = rng.bool();
    const value = highest ? scale.max : scale.min;
    const last = Math.round((scale.max - scale.min) / scale.major);
    return {
      question: `What is the ${highest ? 'highest' : 'lowest'} number on the scale of ${g.name}?`,
      answer: answer.number(value, { tolerance: 0, unit: answerUnit === 'thousand rpm' || answerUnit === '%' ? undefined : answerUnit }),
      rationale: [`The numbers on ${g.name} run clockwise from ${text(scale.min)} to ${text(scale.max)}.`, `So the ${highest ? 'highest' : 'lowest'} is ${text(value)}.`],
      regions: [g.ids.label(highest ? last : 0)],
      needs: { texts: [g.ids.title, g.ids.label(0), g.ids.label(last)] },
    };
  },
});

/** The unit printed on a gauge. */
export const gaugeUnitTask = defineTask({
  id: 'gauge-unit',
  kind: 'ocr',
  summary: 'The unit printed on a gauge face.',
  ask(scene: DashboardScene, rng) {
    // A unit that is only a sign (%) is no text answer.
    const all = gauges(scene).filter((g) => /\p{L}/u.test(g.instrument.unit));
    const g = pickOne(all, rng);
    if (g === undefined) return undefined;
    return {
      question: [`In what unit does ${g.name} show its reading?`, `What unit is printed on ${g.name}?`],
      answer: answer.text(g.instrument.unit, unitAliases[g.instrument.unit]),
      rationale: [`The face of ${g.name} is labelled "${g.instrument.unit}" under its centre.`],
      regions: [g.ids.unit],
      needs: { texts: [g.ids.title, g.ids.unit] },
    };
  },
});

/** The value between numbered ticks, or of one small tick. */
export const gaugeStepTask = defineTask({
  id: 'gauge-step',
  kind: 'data-extraction',
  summary: 'How much the scale rises from one numbered tick to the next, or from one small tick to the next.',
  ask(scene: DashboardScene, rng) {
    const g = pickOne(gauges(scene), rng);
    if (g === undefined) return undefined;
    const { scale, answerUnit } = g.instrument;
    const small = scale.minor > 1 && rng.bool(0.6);
    const value = small ? tickValue(scale) : scale.major;
    const unit = answerUnit === 'thousand rpm' || answerUnit === '%' ? undefined : answerUnit;
    return {
      question: small ? `How much does one small tick on ${g.name} stand for?` : `How far apart are neighbouring numbers on the scale of ${g.name}?`,
      answer: answer.number(value, { tolerance: 0, unit }),
      rationale: [stepSentence(g), `So the answer is ${text(value)}.`],
      regions: [g.ids.label(0), g.ids.label(1)],
      needs: { texts: [g.ids.title, g.ids.label(0), g.ids.label(1), g.ids.label(2)], derived: [scale.major, scale.minor, tickValue(scale)] },
    };
  },
});

/** Which coloured zone a needle is in. */
export const gaugeZoneTask = defineTask({
  id: 'gauge-zone',
  kind: 'colour',
  summary: 'The colour of the zone a gauge needle points into, asked only when it is at least a small tick inside the zone.',
  ask(scene: DashboardScene, rng) {
    const candidates = gauges(scene).flatMap((g) =>
      g.instrument.needles.flatMap((needle, k) => {
        const tick = tickValue(g.instrument.scale);
        const zone = g.instrument.zones.findIndex((z) => needle.value >= z.from + tick - 1e-9 && needle.value <= z.to - tick + 1e-9);
        return zone < 0 || g.instrument.zones.length < 2 ? [] : [{ g, k, zone }];
      }),
    );
    if (candidates.length === 0) return undefined;
    const { g, k, zone } = rng.pick(candidates);
    const needle = g.instrument.needles[k] as Needle;
    const z = g.instrument.zones[zone] as Gauge['zones'][number];
    const names = [...new Set(g.instrument.zones.map((zn) => zn.colour.name))];
    const { steps, derived } = readingSteps(g, needle);
    const margin = tickValue(g.instrument.scale) / 2;
    return {
      question: `${sentenceCase(g.name)} has ${listing(names)} zones along its scale. In which zone does ${needleName(g.instrument, needle)} point?`,
      answer: answer.text(z.colour.name),
      rationale: [...steps, `That is well inside the ${z.colour.name} band along the scale, so ${needleName(g.instrument, needle)} is in the ${z.colour.name} zone.`],
      regions: [g.ids.needle(k), g.ids.zone(zone)],
      needs: {
        texts: [g.ids.title],
        readings: [{ value: needle.value, mark: g.ids.needle(k), edge: 'needle', axis: g.ids.face, tolerance: margin }],
        derived,
        colours: [
          ...g.instrument.zones.map((zn, i) => ({ name: zn.colour.name, hex: zn.colour.hex, region: g.ids.zone(i), among: 'zone' })),
          ...(needleColours(g, k) ?? []),
        ],
      },
    };
  },
});

/** How far apart the two needles of a gauge read. */
export const needleDifferenceTask = defineTask({
  id: 'needle-difference',
  kind: 'math-reasoning',
  summary: 'The difference between the readings of a gauge with two needles.',
  ask(scene: DashboardScene, rng) {
    const all = gauges(scene).filter((g) => g.instrument.needles.length === 2);
    const g = pickOne(all, rng);
    if (g === undefined) return undefined;
    const [a, b] = g.instrument.needles as [Needle, Needle];
    const [high, low] = a.value >= b.value ? [a, b] : [b, a];
    const hi = readingSteps(g, high);
    const lo = readingSteps(g, low);
    const difference = clean(high.value - low.value);
    const { scale, answerUnit } = g.instrument;
    const margin = tickValue(scale);
    return {
      question: `How much higher does ${needleName(g.instrument, high)} of ${g.name} read than ${needleName(g.instrument, low)}?`,
      answer: answer.number(difference, { margin, unit: answerUnit === 'thousand rpm' ? undefined : answerUnit }),
      rationale: [...hi.steps, ...lo.steps.slice(1), `The difference is ${text(high.value)} − ${text(low.value)} = ${text(difference)}.`],
      regions: [g.ids.needle(g.instrument.needles.indexOf(high)), g.ids.needle(g.instrument.needles.indexOf(low))],
      needs: {
        texts: [g.ids.title],
        readings: [high, low].map((n) => ({ value: n.value, mark: g.ids.needle(g.instrument.needles.indexOf(n)), edge: 'needle' as const, axis: g.ids.face, tolerance: margin / 2 })),
        derived: [...hi.derived, ...lo.derived, difference],
        colours: [...(needleColours(g, 0) ?? []), ...(needleColours(g, 1) ?? [])],
      },
    };
  },
});

const pad = (n: number) => String(n).padStart(2, '0');

/** The hour on a 12-hour face: 1–12. */
const faceHour = (hours: number) => hours % 12 || 12;

/** How a clock's reading is worked out from its hands. */
function clockSteps(c: Named<Clock>): string[] {
  const { hours, minutes, seconds, numerals } = c.instrument;
  // On a face without numerals the hours are marks, named by the hour they stand for.
  const at = (hour: number) => (numerals === 'none' ? `the mark of ${hour}` : String(hour));
  const fives = Math.floor(minutes / 5);
  const steps = [
    `On ${c.name} the short hand is the hour hand and the long one the minute hand${seconds === null ? '' : '; the thin red hand counts the seconds'}.`,
    minutes === 0
      ? `The hour hand points at ${at(faceHour(hours))}.`
      : `The hour hand is past ${at(faceHour(hours))}, on its way to ${faceHour(hours + 1)}, so the hour is ${faceHour(hours)}.`,
    minutes % 5 === 0
      ? `The minute hand points at ${at(minutes === 0 ? 12 : minutes / 5)}, which is ${minutes} minutes past the hour.`
      : `The minute hand is ${minutes % 5} minute marks past ${at(fives === 0 ? 12 : fives)}, which is ${minutes} minutes past the hour.`,
  ];
  const part = c.instrument.dayPart;
  steps.push(part === null ? `So the clock shows ${faceHour(hours)}:${pad(minutes)}.` : `The caption says it is ${part === 'morning' ? 'morning' : `the ${part}`}, so the time is ${hours}:${pad(minutes)}.`);
  return steps;
}

function clockNeeds(c: Named<Clock>, extra: readonly number[] = []): ReaderNeeds {
  const { hours, minutes, seconds, dayPart } = c.instrument;
  return {
    texts: [c.ids.title, ...(dayPart === null ? [] : [c.ids.note])],
    clocks: [{ face: c.ids.face, hour: c.ids.hourHand, minute: c.ids.minuteHand, hours, minutes, tolerance: seconds === null ? 0.5 : 1 }],
    // The question gives the 24-hour clock to answer on.
    derived: [minutes % 5, Math.floor(minutes / 5), faceHour(hours + 1), ...(dayPart === null ? [] : [24]), ...extra],
  };
}

/** The time a clock shows. */
export const clockTimeTask = defineTask({
  id: 'clock-time',
  kind: 'data-extraction',
  summary: 'The time an analog clock shows, to the minute; on the 24-hour clock where the caption gives the part of the day, else either reading is right.',
  ask(scene: DashboardScene, rng) {
    const c = pickOne(clocks(scene), rng);
    if (c === undefined) return undefined;
    const { hours, minutes, dayPart } = c.instrument;
    const twelveHour = dayPart === null;
    return {
      question: twelveHour
        ? [`What time does ${c.name} show?`, `Read ${c.name}: what time is it, to the minute?`]
        : [`What time does ${c.name} show? Give it on the 24-hour clock.`, `Read ${c.name} and its caption: what time is it, on the 24-hour clock?`],
      answer: answer.time(hours, minutes, { twelveHour }),
      rationale: clockSteps(c),
      regions: [c.ids.face],
      needs: clockNeeds(c),
    };
  },
});

/** The time a given span after or before the time shown. */
export const clockShiftTask = defineTask({
  id: 'clock-shift',
  kind: 'math-reasoning',
  summary: 'The time some hours and minutes after or before the time a clock shows (12-hour aware), or after its minute hand turns by an angle.',
  ask(scene: DashboardScene, rng) {
    const c = pickOne(clocks(scene), rng);
    if (c === undefined) return undefined;
    const { hours, minutes, dayPart } = c.instrument;
    const twelveHour = dayPart === null;
    const mode = rng.pick(['later', 'earlier', 'turn'] as const);
    const now = hours * 60 + minutes;
    let delta: number;
    let question: string;
    let working: string;
    const extra: number[] = [];
    if (mode === 'turn') {
      const degrees = rng.pick([30, 60, 90, 120, 180, 270, 360, 450]);
      delta = degrees / 6;
      question = `Starting from the time ${c.name} shows, the minute hand turns clockwise by ${degrees}°. What time is it then?`;
      working = `A full turn of the minute hand (360°) is 60 minutes, so ${degrees}° is ${degrees} ÷ 6 = ${delta} minutes.`;
      extra.push(degrees, 360, 60, 6, delta);
    } else {
      const h = rng.int(0, 9);
      const m = rng.pick([0, 5, 10, 15, 20, 25, 30, 40, 45, 50, h === 0 ? 35 : 0]);
      const span = h * 60 + (h === 0 && m === 0 ? 45 : m);
      delta = mode === 'later' ? span : -span;
      const words = [Math.floor(span / 60) > 0 ? `${Math.floor(span / 60)} hour${Math.floor(span / 60) === 1 ? '' : 's'}` : '', span % 60 > 0 ? `${span % 60} minutes` : ''].filter((w) => w !== '').join(' and ');
      question = `What time will it be ${words} ${mode === 'later' ? 'after' : 'before'} the time ${c.name} shows?`;
      working = `${mode === 'later' ? 'Adding' : 'Taking away'} ${words}.`;
      extra.push(Math.floor(span / 60), span % 60);
    }
    const then = (((now + delta) % 1440) + 1440) % 1440;
    const [th, tm] = [Math.floor(then / 60), then % 60];
    const shown = twelveHour ? `${faceHour(th)}:${pad(tm)}` : `${th}:${pad(tm)}`;
    extra.push(th, faceHour(th), tm);
    return {
      question: twelveHour ? question : `${question} Give it on the 24-hour clock.`,
      answer: answer.time(th, tm, { twelveHour }),
      rationale: [...clockSteps(c), working, `The time is then ${shown}.`],
      regions: [c.ids.face],
      needs: clockNeeds(c, extra),
    };
  },
});

/** Every dashboard task, in the order questions are asked. */
export const dashboardTasks: readonly Task<DashboardScene>[] = [
  gaugeReadingTask,
  gaugeRangeTask,
  gaugeUnitTask,
  gaugeStepTask,
  gaugeZoneTask,
  needleDifferenceTask,
  clockTimeTask,
  clockShiftTask,
];
