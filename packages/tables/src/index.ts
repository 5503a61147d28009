import type { tables } from './table/scenario.js';

export { tables } from './table/scenario.js';
export type { TableParams } from './table/params.js';
export type { RowStyle, Table, TableColumn, TableScene } from './table/scene.js';
export { cellText, formatNumber } from './table/format.js';
export { describeTables } from './table/tasks.js';
export { tablesText } from './table/text.js';
export { tableFromIdea } from './table/sample.js';

declare module '@absynth/core' {
  interface ScenarioRegistry {
    tables: typeof tables;
  }
}
