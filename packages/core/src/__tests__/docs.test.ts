import { describe, expect, it } from 'vitest';
import { levelsTable, markedSection, paramsTable, replaceMarkedSection, tasksTable } from '../docs.js';
import { bars } from './fixtures.js';

describe('generated docs', () => {
  it('tabulates params from the schema', () => {
    expect(paramsTable(bars)).toBe(
      [
        '| param | type | default | allowed | description |',
        '|---|---|---|---|---|',
        '| `bars` | integer | `4` | 2 to 12 | Number of bars. |',
        '| `colour` | enum | `palette` | `accent`, `palette` | How bars are coloured. |',
      ].join('\n'),
    );
  });

  it('tabulates levels and tasks', () => {
    expect(levelsTable(bars)).toBe(
      ['| level | `bars` |', '|---|---|', '| 1 | 2 |', '| 2 | 3 |', '| 3 | 4 |', '| 4 | 6 |', '| 5 | 10 |'].join('\n'),
    );
    expect(tasksTable(bars).split('\n')[2]).toBe('| `count` | perception | How many bars there are. |');
  });

  it('reads and replaces marked sections, and names a missing marker', () => {
    const text = 'intro\n<!-- t:start -->\nold | pipe\n<!-- t:end -->\noutro';
    expect(markedSection(text, 't')).toBe('old | pipe');
    expect(markedSection(text, 'u')).toBeUndefined();
    expect(replaceMarkedSection(text, 't', 'new')).toBe('intro\n<!-- t:start -->\nnew\n<!-- t:end -->\noutro');
    expect(() => replaceMarkedSection(text, 'u', 'x')).toThrow('<!-- u:start -->');
  });
});
