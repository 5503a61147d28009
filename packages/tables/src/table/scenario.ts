import { defineScenario } from '@absynth/core';
import { drawTables } from './draw.js';
import { tableLevels, tableParams, tableSize } from './params.js';
import { sampleTables } from './sample.js';
import { tableTasks } from './tasks.js';
import { tablesText } from './text.js';

/** One to three data tables per image, with OCR, caption, counting, read-off and arithmetic questions. */
export const tables = defineScenario({
  id: 'tables',
  version: 6,
  title: 'Data tables',
  summary:
    'One to three titled tables of topic data (a text column of categories and up to four numeric columns, optionally under a grouped header, zebra-striped or ruled); questions ask for titles, headers and labels, a caption, row, column and table counts, cell values, the highest or lowest row, and differences, sums, averages, ratios, percentage changes and column ranges.',
  params: tableParams,
  levels: tableLevels,
  size: tableSize,
  sample: sampleTables,
  draw: drawTables,
  tasks: tableTasks,
  text: tablesText,
});
