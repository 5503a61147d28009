import { describe, expect, test } from 'vitest';
import { type Answer, type AnswerType, answer, answerSchema, answerText, corruptAnswer, scoreAnswer } from '../index.js';

/** mulberry32: a small seeded generator, so a failure names a seed that reproduces it. */
function seededPick(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const unit = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return Math.floor(unit * n);
  };
}

type Pick = (n: number) => number;

const oneOf = <T>(pick: Pick, items: readonly T[]): T => {
  const index = pick(items.length);
  if (index >= items.length) throw new Error('oneOf needs items');
  return items[index] as T;
};

const words = [
  'kitchen', 'bedroom', 'hall', 'red', 'tower', 'bridge', 'river', 'market', 'station', 'park', 'school',
  'museum', 'lake', 'forest', 'north-east', "Mary's", 'St. Louis', 'Café', 'salt and pepper', 'B2', 'level 3', '42',
];

function phrase(pick: Pick): string {
  const count = 1 + pick(3);
  const body = Array.from({ length: count }, () => oneOf(pick, words)).join(' ');
  return pick(4) === 0 ? `the ${body}` : body;
}

function distinctPhrases(pick: Pick, count: number): string[] {
  const phrases: string[] = [];
  while (phrases.length < count) {
    const next = phrase(pick);
    if (!phrases.some((existing) => existing.toLowerCase().replace(/^the /, '') === next.toLowerCase().replace(/^the /, ''))) {
      phrases.push(next);
    }
  }
  return phrases;
}

function randomNumber(pick: Pick): number {
  const sign = pick(4) === 0 ? -1 : 1;
  switch (pick(6)) {
    case 0:
      return 0;
    case 1:
      return sign * pick(10);
    case 2:
      return sign * (pick(100000) / 100);
    case 3:
      return sign * (pick(1000) / 1e6);
    case 4:
      return sign * pick(1e9);
    default:
      return sign * (0.1 * pick(30) + 0.2);
  }
}

function markerName(pick: Pick): string {
  const letter = oneOf(pick, 'tKLRDUabxz'.split(''));
  const digit = String(pick(10));
  return pick(2) === 0 ? letter + digit : digit + letter;
}

const chartTypes = ['vertical bar chart', 'horizontal bar chart', 'stacked bar chart', 'line chart', 'area chart', 'pie chart', 'doughnut chart', 'scatter plot'];
const titleTopics = ['GDP growth', 'Energy use', 'Unemployment rate', 'Rainfall', 'Hospital beds', 'Café openings', 'Area (km²)', 'Ticket sales'];
const places = ['Germany', 'France', 'São Paulo', 'Lagos', 'Tokyo', 'Ontario', 'St. Louis', 'Q3', 'ages 18–24', '2019'];
const captionUnits = ['%', ' km²', ' million', ' $', ' kWh', ''];

/** A caption as the chart scenarios write one: type, title, series and extremes, in one paragraph. */
function caption(pick: Pick): string {
  const series = Array.from(new Set(Array.from({ length: 1 + pick(4) }, () => oneOf(pick, places))));
  const unit = oneOf(pick, captionUnits);
  const high = `${(pick(100000) / 100).toFixed(pick(3))}${unit}`;
  const low = `${(-pick(5000) / 100).toFixed(pick(3))}${unit}`;
  const sentences = [
    `A ${oneOf(pick, chartTypes)} titled "${oneOf(pick, titleTopics)}, ${2000 + pick(20)}–${2020 + pick(5)}".`,
    `It shows ${series.length} series: ${series.join(', ')}.`,
    `The highest value is ${high} for ${oneOf(pick, series)} in ${2000 + pick(25)}; the lowest is ${low} for ${oneOf(pick, series)}.`,
  ];
  // Some captions are a single sentence, some end without a period.
  const chosen = pick(5) === 0 ? sentences.slice(0, 1) : sentences;
  const text = chosen.join(' ');
  return pick(6) === 0 ? text.replace(/\.$/, '') : text;
}

const generators: Readonly<Record<AnswerType, (pick: Pick) => Answer>> = {
  number: (pick) =>
    answer.number(randomNumber(pick), {
      tolerance: oneOf(pick, [undefined, 0, 0.01, 0.05, 0.1]),
      precision: oneOf(pick, [undefined, undefined, 0, 1, 2, 3]),
      unit: oneOf(pick, [undefined, '%', 'km', '$', 'million', '°C', 'kg', 'thousand', 'k', 'million people']),
    }),
  integer: (pick) =>
    answer.integer((pick(3) === 0 ? -1 : 1) * pick(oneOf(pick, [10, 100, 3000, 1e7])), {
      unit: oneOf(pick, [undefined, 'rooms', '%', 'km', 'million', '$']),
    }),
  text: (pick) => {
    const [value = 'kitchen', ...aliases] = distinctPhrases(pick, 1 + pick(3));
    return answer.text(value, aliases);
  },
  boolean: (pick) => answer.boolean(pick(2) === 0),
  choice: (pick) => {
    const letters = 'ABCDEF'.slice(0, 2 + pick(4)).split('');
    const texts = distinctPhrases(pick, letters.length);
    const options = Object.fromEntries(letters.map((letter, i) => [letter, texts[i] ?? letter]));
    return answer.choice(oneOf(pick, letters), options);
  },
  list: (pick) => {
    const items = distinctPhrases(pick, 1 + pick(5));
    // Repeats are legal in a list and must survive the round trip.
    if (pick(5) === 0) items.push(oneOf(pick, items));
    return answer.list(items, { ordered: pick(2) === 0 });
  },
  cell: (pick) => answer.cell(1 + pick(30), 1 + pick(30)),
  time: (pick) => answer.time(pick(24), pick(60), pick(2) === 0 ? { twelveHour: true } : {}),
  route: (pick) => {
    const steps = Array.from({ length: 1 + pick(6) }, () => ({
      direction: oneOf(pick, ['up', 'down', 'left', 'right'] as const),
      count: 1 + pick(12),
    }));
    const markers = pick(2) === 0 ? undefined : Array.from({ length: 1 + pick(4) }, () => markerName(pick));
    return answer.route(steps, markers);
  },
  caption: (pick) => answer.caption(caption(pick)),
};

const samplesPerType = 300;

describe.each(Object.entries(generators))('%s answers', (type, generate) => {
  const samples = Array.from({ length: samplesPerType }, (_, seed) => {
    const pick = seededPick(seed * 7919 + type.length);
    return { seed, answer: generate(pick), pick };
  });

  test('the canonical text scores 1, bare and in the paper format', () => {
    for (const { seed, answer: expected } of samples) {
      const text = answerText(expected);
      expect(scoreAnswer(expected, text), `seed ${seed}: ${JSON.stringify(expected)} as ${JSON.stringify(text)}`).toBe(1);
      expect(scoreAnswer(expected, `The answer is ${text}.`), `seed ${seed}: ${JSON.stringify(expected)}`).toBe(1);
    }
  });

  test('a corrupted answer has the same type and scores below 1', () => {
    for (const { seed, answer: expected, pick } of samples) {
      const corrupted = corruptAnswer(expected, pick);
      const text = answerText(corrupted);
      const context = `seed ${seed}: ${JSON.stringify(expected)} corrupted to ${JSON.stringify(text)}`;
      expect(corrupted.type, context).toBe(expected.type);
      expect(scoreAnswer(expected, text), context).toBeLessThan(1);
      expect(scoreAnswer(expected, `The answer is ${text}.`), context).toBeLessThan(1);
      // The corrupted answer is itself valid and reads back as itself.
      expect(answerSchema.safeParse(corrupted).success, context).toBe(true);
      expect(scoreAnswer(corrupted, text), context).toBe(1);
    }
  });
});

describe('answerText', () => {
  test.each<[Answer, string]>([
    [answer.number(0.1 + 0.2), '0.3'],
    [answer.number(1234567.5), '1234567.5'],
    [answer.number(12.3456, { precision: 2 }), '12.35'],
    [answer.number(2, { precision: 1 }), '2.0'],
    [answer.number(-0.001, { precision: 2 }), '0.00'],
    [answer.number(45, { unit: '%' }), '45%'],
    [answer.number(12.5, { unit: 'km' }), '12.5 km'],
    [answer.number(-3.5, { unit: '$' }), '-$3.5'],
    [answer.integer(2019), '2019'],
    [answer.integer(5, { unit: 'rooms' }), '5 rooms'],
    [answer.text('the kitchen'), 'the kitchen'],
    [answer.boolean(true), 'Yes'],
    [answer.boolean(false), 'No'],
    [answer.choice('B', { A: 'x', B: 'y' }), 'B'],
    [answer.list(['a', 'b', 'c'], { ordered: true }), 'a, b, c'],
    [answer.list(['Paris, France', 'Rome'], { ordered: false }), 'Paris, France; Rome'],
    [answer.cell(3, 4), '(3, 4)'],
    [answer.time(8, 5), '8:05'],
    [answer.time(20, 10), '20:10'],
    [answer.time(0, 0), '0:00'],
    [answer.route([{ direction: 'right', count: 3 }, { direction: 'down', count: 2 }]), 'right 3, down 2'],
    [answer.route([{ direction: 'right', count: 3 }, { direction: 'down', count: 2 }], ['t2', '5K', 'L4']), 'right 3, down 2 via t2, 5K, L4'],
    [answer.caption(' A pie chart titled "Energy use". Coal is largest. '), 'A pie chart titled "Energy use". Coal is largest.'],
  ])('%j reads %j', (value, text) => {
    expect(answerText(value)).toBe(text);
  });

  test('routes are written as runs even when stored as single moves', () => {
    const stored: Answer = { type: 'route', steps: [{ direction: 'up', count: 1 }, { direction: 'up', count: 1 }] };
    expect(answerText(stored)).toBe('up 2');
  });
});
