import type { Answer, ReaderNeeds } from '@absynth/core';
import { answer, answerText } from '@absynth/core';
import { createPen, decodePng, getTheme, renderImage } from '@absynth/render';
import { describe, expect, it } from 'vitest';
import { answerabilityProblems, type GateDrawing, statedNumbers } from '../gate.js';

// Each defect class the gate exists for is planted in a small bar chart drawn with the pen, and
// the same chart without the defect passes: the gate has teeth, and bites only defects.

interface ChartOptions {
  values: readonly number[];
  colours?: readonly string[];
  /** Draw each bar as two stacked segments. */
  stacked?: boolean;
  title?: { text: string; fontSize?: number; x?: number; y?: number };
  /** Texts drawn besides the title, such as value labels. */
  labels?: readonly { text: string; x: number; y: number; id?: string }[];
}

/** A 320×300 bar chart: a value axis 0 to 50 with ticks every 10 at the left, bars of class `bar`. */
function chart(options: ChartOptions): GateDrawing {
  const pen = createPen({ width: 320, height: 300, theme: getTheme('light') });
  const y = (v: number) => 280 - v * 5;
  pen.group('value-axis', () => {
    for (let v = 0; v <= 50; v += 10) pen.text(30, y(v), String(v), { fontSize: 11, anchor: 'end', baseline: 'middle' });
  });
  options.values.forEach((value, i) => {
    const fill = options.colours?.[i] ?? '#3366cc';
    const x = 50 + i * 40;
    if (options.stacked) {
      pen.group(`bar-${i}`, () => {
        pen.rect(x, y(value), 28, (value / 2) * 5, { fill }, { class: 'segment' });
        pen.rect(x, y(value / 2), 28, (value / 2) * 5, { fill: '#999999' }, { class: 'segment' });
      }, { class: 'bar' });
    } else {
      pen.rect(x, y(value), 28, value * 5, { fill }, { id: `bar-${i}`, class: 'bar' });
    }
  });
  if (options.title !== undefined) {
    const { text, fontSize = 14, x = 160, y: ty = 14 } = options.title;
    pen.text(x, ty, text, { fontSize, anchor: 'middle', baseline: 'middle' }, { id: 'title' });
  }
  for (const label of options.labels ?? []) pen.text(label.x, label.y, label.text, { fontSize: 11, anchor: 'middle' }, { id: label.id });
  const { png } = renderImage(pen);
  return { shapes: pen.shapes, pixels: decodePng(png), width: pen.width, height: pen.height };
}

const ask = (text: string, answered: Answer, needs: ReaderNeeds, rationale: string[] = []) => ({
  phrasings: [text],
  answer: answered,
  answerText: answerText(answered),
  rationale,
  needs,
});

describe('the drawing-first gate', () => {
  it('counts the marks drawn of the class a question counts', () => {
    const drawing = chart({ values: [10, 20, 30, 40, 25, 15], stacked: true });
    const question = (n: number) => ask('How many bars does the chart have?', answer.integer(n), { counts: 'bar' }, [`There are ${n} bars.`]);
    expect(answerabilityProblems(question(6), drawing)).toEqual([]);
    // The defect found: six stacked bars of two segments answered as twelve bars.
    expect(answerabilityProblems(question(12), drawing)).toEqual(['answers 12 bar marks where 6 are drawn']);
    expect(answerabilityProblems(ask('How many segments?', answer.integer(12), { counts: 'segment' }), drawing)).toEqual([]);
    // Other counts a rationale states are tallies of drawn marks too.
    const tallied = (n: number) => ask('How many segments?', answer.integer(12), { counts: 'segment', tallies: [{ class: 'bar', count: n }] }, [`${n} bars, 12 segments.`]);
    expect(answerabilityProblems(tallied(6), drawing)).toEqual([]);
    expect(answerabilityProblems(tallied(5), drawing)).toEqual(['states 5 bar marks where 6 are drawn']);
  });

  it('accepts a stated number only when it is printed, read within the scale’s reach, or derived', () => {
    const drawing = chart({ values: [37.4, 22] });
    const reading = { mark: 'bar-0', edge: 'top', axis: 'value-axis' } as const;
    // The defect found: a caption stating an exact value on a chart with ticks every 10 and no labels.
    const exact = ask('Describe the chart.', answer.caption('The first bar reaches 37.4.'), {});
    expect(answerabilityProblems(exact, drawing)).toEqual(['states 37.4, which the image does not print and the question neither reads off a scale nor derives']);
    const claimed = ask('Describe the chart.', answer.caption('The first bar reaches 37.4.'), { readings: [{ ...reading, value: 37.4, tolerance: 0.05 }] });
    expect(answerabilityProblems(claimed, drawing)).toEqual(['reads 37.4 off "bar-0" within 0.05, but the drawn scale reads only to ±2.00']);
    const about = ask('Describe the chart.', answer.caption('The first bar reaches about 40.'), { readings: [{ ...reading, value: 37.4, tolerance: 5 }] });
    expect(answerabilityProblems(about, drawing)).toEqual([]);
    // Printed as a value label, the exact number is fine.
    const labelled = chart({ values: [37.4, 22], labels: [{ text: '37.4', x: 64, y: 90 }] });
    expect(answerabilityProblems(exact, labelled)).toEqual([]);
    // A difference of two printed values is derived, and says so.
    const difference = ask('By how much do the bars differ?', answer.number(15.4), { derived: [15.4] }, ['37.4 − 22 = 15.4']);
    expect(answerabilityProblems(difference, chart({ values: [37.4, 22], labels: [{ text: '37.4', x: 64, y: 90 }, { text: '22', x: 104, y: 160 }] }))).toEqual([]);
    // A reading the drawing contradicts.
    const wrong = ask('About how high is the first bar?', answer.number(25), { readings: [{ ...reading, value: 25, tolerance: 5 }] });
    // (The tick labels' centres sit a fraction of a pixel off their values, as in any drawing.)
    expect(answerabilityProblems(wrong, drawing)).toEqual([expect.stringMatching(/^reads 25 off "bar-0", where the drawing shows 37\.[34]\d$/)]);
  });

  it('refuses a unique extreme that ties within the reading error', () => {
    const extreme = (values: number[]) =>
      answerabilityProblems(
        ask('Which bar is the tallest?', answer.integer(1), {
          derived: [1],
          extreme: { which: 'highest', readings: values.map((value, i) => ({ value, mark: `bar-${i}`, edge: 'top', axis: 'value-axis', tolerance: 5 })) },
        }),
        chart({ values }),
      );
    expect(extreme([45, 30, 12])).toEqual([]);
    // The defect found: a caption naming one largest value where two tie.
    expect(extreme([30.5, 30, 12])).toEqual(['asks for the unique highest, but "bar-0" and "bar-1" are within the reading error (0.500 apart)']);
  });

  it('checks a named colour against the pixels, its hue, and every other mark it could mean', () => {
    const named = (name: string, colours: string[]) =>
      answerabilityProblems(ask('What colour is the first bar?', answer.text(name), { colours: [{ name, region: 'bar-0' }] }), chart({ values: [30, 20], colours }));
    expect(named('red', ['#e3262e', '#1c2e6b'])).toEqual([]);
    // A colour role the pixels contradict (the maze's walls named by a border colour they do not have).
    expect(named('red', ['#1c2e6b', '#e3262e'])[0]).toMatch(/^names red \(#e3262e\) for "bar-0", whose pixels are #1c2e6b/);
    // Two marks a reader could both call "pale yellow".
    expect(named('pale yellow', ['#fbf3a0', '#fff5cc'])).toEqual([expect.stringMatching(/^names pale yellow, which could also mean "bar-1" in #fff5cc/)]);
    expect(named('mauve', ['#e3262e', '#1c2e6b'])).toEqual(['names "mauve", which is not one of render\'s named colours (give its hex)']);
    // A scenario's own colour names say what they stand for.
    expect(
      answerabilityProblems(ask('What colour?', answer.text('tomato'), { colours: [{ name: 'tomato', hex: '#ff6347', region: 'bar-0' }] }), chart({ values: [30, 20], colours: ['#ff6347', '#1c2e6b'] })),
    ).toEqual([]);
  });

  it('checks a colour named by its role against the region that shows that role', () => {
    // "Walls are the colour of the border": bar-0 plays the wall, bar-1 the border, bar-2 an open square.
    const role = (colours: string[], like = 'bar-1') =>
      answerabilityProblems(ask('Which squares are walls?', answer.text('the dark ones'), { colours: [{ name: 'wall', region: 'bar-0', like, among: 'bar' }] }), chart({ values: [30, 20, 25], colours }));
    expect(role(['#1c2e6b', '#1c2e6b', '#fff5cc'])).toEqual([]);
    // The role's colour is not the wall's.
    expect(role(['#1c2e6b', '#e3262e', '#fff5cc'])).toEqual([expect.stringMatching(/^names wall \(#e3262e\) for "bar-0", whose pixels are #1c2e6b/), expect.stringMatching(/of another hue/)]);
    // Walls and open squares too alike to tell apart.
    expect(role(['#1c2e6b', '#1c2e6b', '#30458c'])).toEqual([expect.stringMatching(/^names wall, which could also mean "bar-2"/)]);
    expect(role(['#1c2e6b', '#1c2e6b', '#fff5cc'], 'ring')).toEqual(['names wall as the colour of "ring", which is not drawn']);
    // A mark too thin to show its colour (a bar under 4 px) is no rival.
    const thin = (value: number) =>
      answerabilityProblems(ask('What colour?', answer.text('navy'), { colours: [{ name: 'navy', hex: '#1c2e6b', region: 'bar-0', among: 'bar' }] }), chart({ values: [30, value], colours: ['#1c2e6b', '#30458c'] }));
    expect(thin(0.2)).toEqual([]);
    expect(thin(20)).toEqual([expect.stringMatching(/^names navy, which could also mean "bar-1"/)]);
  });

  it('requires a quoted text drawn inside the image, legibly, and clear of other texts', () => {
    const title = (t: ChartOptions['title'], labels: ChartOptions['labels'] = []) =>
      answerabilityProblems(ask('What is the title?', answer.text('Rainfall'), { texts: ['title'] }), chart({ values: [30], title: t, labels }));
    expect(title({ text: 'Rainfall' })).toEqual([]);
    expect(title({ text: 'Rainfall', fontSize: 6 })).toEqual(['text "Rainfall" (title) is 6.0 px, under the legible 9 px']);
    expect(title({ text: 'Rainfall', x: 330 })).toEqual(['text "Rainfall" (title) is not inside the image']);
    expect(title({ text: 'Rainfall' }, [{ text: 'overlap', x: 160, y: 18 }])).toEqual(['text "Rainfall" (title) overlaps the text "overlap"']);
    expect(answerabilityProblems(ask('What is the title?', answer.text('Rainfall'), { texts: ['bar-0'] }), chart({ values: [30] }))).toEqual([
      'needs text "bar-0", which is not a drawn text',
    ]);
  });

  it('reads a slice by the sweep it was drawn with, and a raster text by its font size', () => {
    // A pie drawn by a raster library: the slices and the legend label are regions.
    const pen = createPen({ width: 200, height: 200, theme: getTheme('light') });
    pen.region('slice-1', { x: 20, y: 20, width: 160, height: 80 }, { class: 'slice', sweep: 0.45 });
    pen.region('slice-2', { x: 20, y: 100, width: 160, height: 80 }, { class: 'slice', sweep: 0.55 });
    pen.region('label', { x: 10, y: 185, width: 40, height: 8 }, { text: 'Ferry', fontSize: 11 });
    pen.region('small', { x: 60, y: 185, width: 30, height: 8 }, { text: 'Tram', fontSize: 7 });
    const drawing = { shapes: pen.shapes, width: 200, height: 200 };
    const share = (stated: number, value: number) =>
      answerabilityProblems(ask('Describe the pie.', answer.caption(`Ferry takes about ${stated}%.`), { readings: [{ value, mark: 'slice-1', edge: 'sweep', tolerance: 2.5 }] }), drawing);
    expect(share(45, 45.3)).toEqual([]);
    // The value the question claims is not the slice drawn.
    expect(share(60, 60.2)).toEqual(['reads 60.2 off "slice-1", where the drawing shows 45.00']);
    // A reader judges angles to a few points, not to a tenth.
    expect(answerabilityProblems(ask('Describe the pie.', answer.caption('Ferry takes 45.3%.'), { readings: [{ value: 45.3, mark: 'slice-1', edge: 'sweep', tolerance: 0.05 }] }), drawing)).toEqual([
      'reads 45.3 off "slice-1" within 0.05, but the drawn scale reads only to ±2.50',
    ]);
    expect(answerabilityProblems(ask('Which label?', answer.text('Ferry'), { texts: ['label'] }), drawing)).toEqual([]);
    // Glyph boxes are shorter than the font: the legibility of a raster text is judged by its font size.
    expect(answerabilityProblems(ask('Which label?', answer.text('Tram'), { texts: ['small'] }), drawing)).toEqual(['text "Tram" (small) is 7.0 px, under the legible 9 px']);
  });

  it('reads a scale from its tick labels only, not from a title that holds a number', () => {
    const pen = createPen({ width: 200, height: 300, theme: getTheme('light') });
    pen.group('axis', () => {
      for (let v = 0; v <= 50; v += 10) pen.text(40, 280 - v * 5, `${v}%`, { fontSize: 11, anchor: 'end', baseline: 'middle' });
      // An axis title inside the axis' box, holding a number that is no tick.
      pen.text(12, 150, 'Fuel use (l/100 km)', { fontSize: 11, anchor: 'middle', baseline: 'middle' });
    });
    pen.rect(60, 280 - 32 * 5, 20, 32 * 5, { fill: '#3366cc' }, { id: 'bar' });
    const drawing = { shapes: pen.shapes, width: 200, height: 300 };
    const read = (value: number) => answerabilityProblems(ask('Describe.', answer.caption(`The bar reaches about ${value}%.`), { readings: [{ value, mark: 'bar', edge: 'top', axis: 'axis', tolerance: 2 }] }), drawing);
    expect(read(32)).toEqual([]);
    expect(read(40)).toEqual([expect.stringMatching(/^reads 40 off "bar", where the drawing shows 32\.0/)]);
  });

  it('leaves a question that says nothing of its needs unchecked', () => {
    expect(answerabilityProblems({ ...ask('How many bars?', answer.integer(12), {}), needs: undefined }, chart({ values: [1] }))).toEqual([]);
  });
});

describe('statedNumbers', () => {
  it('reads numbers with separators, signs and units, and leaves out ordinals and labels', () => {
    expect(statedNumbers('In 2021, 1,250 people (59.5%) and −3.2 °C; the 3rd bar, c1 and A2; 8:10.')).toEqual([2021, 1250, 59.5, -3.2, 8, 10]);
  });
});
