import { answer, answerText } from '@absynth/core';
import { describe, expect, test } from 'vitest';
import { mmsiRow } from '../exporters/mmsi.js';
import type { QA, SampleRecord } from '../records.js';

const reference =
  'A horizontal bar chart titled "Energy use by sector, 2022". It shows 2 series: coal and gas. ' +
  'The highest value is 45% for industry; the lowest is 3% for transport.';
const energy = answer.caption(reference);

describe('caption answers in exports', () => {
  test('the mmsi exporter writes the caption as the answer of a SUMMARY row', () => {
    const qa: QA = {
      id: 's0-caption',
      task: 'caption',
      kind: 'caption',
      question: 'Describe the chart.',
      answer: energy,
      answerText: answerText(energy),
      rationale: '',
      regions: [],
    };
    const record = { id: 's0', modality: 'image', text: null, qa: [qa] } as unknown as SampleRecord;
    expect(mmsiRow(record, qa, 'images/s0.png')).toStrictEqual({
      question_id: 's0-caption',
      text: 'Describe the chart.',
      image: 'images/s0.png',
      answer: reference,
      type: 'SUMMARY',
      markers: [],
      absynth_answer: qa.answer,
    });
  });
});
