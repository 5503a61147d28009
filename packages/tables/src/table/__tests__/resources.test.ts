import { generate } from '@absynth/engine';
import { embeddedLibrary } from '@absynth/topics';
import { describe, expect, it } from 'vitest';
import { tables } from '../scenario.js';

describe('the run’s topic library', () => {
  it('is the one given as resources.topics', async () => {
    const chosen = embeddedLibrary.topics.filter((t) => t.domain === 'energy');
    const topics = { name: 'energy only', version: '2.0.0', topics: chosen };
    const ids = new Set(chosen.map((t) => t.id));
    let seen = 0;
    for await (const sample of generate({ scenario: tables, count: 12, modality: 'text', resources: { topics } })) {
      for (const table of sample.scene.tables) {
        expect(ids.has(table.topic), table.topic).toBe(true);
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(12);
  });
});
