import { describe, expect, it } from 'vitest';
import { categorySets } from '../categories.js';
import { embeddedLibrary } from '../library.js';
import { topicRelations } from '../relations.js';

const byId = new Map(embeddedLibrary.topics.map((t) => [t.id, t]));

describe('topic relations', () => {
  it.each(topicRelations.map((r) => [`${r.x} ${r.sign > 0 ? 'raises' : 'lowers'} ${r.y}`, r] as const))('%s pairs two spread topics over a shared nominal set', (_, relation) => {
    const x = byId.get(relation.x);
    const y = byId.get(relation.y);
    expect(x, relation.x).toBeDefined();
    expect(y, relation.y).toBeDefined();
    expect(x?.shapes).toContain('spread');
    expect(y?.shapes).toContain('spread');
    const shared = (x?.categories ?? []).filter((set) => categorySets[set].order === 'nominal' && (y?.categories ?? []).includes(set));
    expect(shared.length).toBeGreaterThan(0);
  });

  it('names each pair once, in one direction', () => {
    const keys = topicRelations.map((r) => [r.x, r.y].sort().join(' '));
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of topicRelations) expect(r.x).not.toBe(r.y);
  });
});
