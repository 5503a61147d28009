import { answer, answerText, rngFromKey } from '@absynth/core';
import { describe, expect, it } from 'vitest';
import { templateWriter, type WriterInput } from '../writer.js';

const input = (answered: ReturnType<typeof answer.integer> | ReturnType<typeof answer.caption>, rationale: string[]): WriterInput => ({
  scenario: 'test',
  task: 'task',
  kind: 'caption',
  phrasings: ['Describe the image.', 'What does the image show?'],
  answer: answered,
  answerText: answerText(answered),
  rationale,
  scene: {},
  facts: null,
  score: () => 1,
});

describe('the template writer', () => {
  it('words a question with one of its phrasings and ends the rationale with the answer', async () => {
    const written = await templateWriter.write(input(answer.integer(4), ['There are 4 bars.']), rngFromKey('writer'));
    expect(['Describe the image.', 'What does the image show?']).toContain(written.question);
    expect(written.rationale).toBe('There are 4 bars.\nSo the answer is 4.');
  });

  it('adds no second full stop after an answer that ends its own sentence', async () => {
    const written = await templateWriter.write(input(answer.caption('A bar chart of rainfall by month.'), ['The title names rainfall.']), rngFromKey('writer'));
    expect(written.rationale).toBe('The title names rainfall.\nSo the answer is A bar chart of rainfall by month.');
    expect(written.rationale).not.toContain('..');
  });
});
