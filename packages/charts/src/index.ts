import type { charts } from './chart/scenario.js';

export { charts } from './chart/scenario.js';
export type { ChartParams } from './chart/params.js';
export type { Axis, Chart, ChartKind, ChartScene, ChartStyle, Colour, ScatterX, Series } from './chart/scene.js';
export { chartKinds } from './chart/scene.js';
export { palettes, type PaletteName } from './chart/palettes.js';
export { describeCharts, pearson } from './chart/tasks.js';
export { chartFromIdea } from './chart/sample.js';
export { chartsText } from './chart/text.js';
export { labelText } from './chart/format.js';
export { regionIds } from './chart/layout.js';
export { type DrawnText, type RenderedChart, renderChart } from './chart/render.js';

declare module '@absynth/core' {
  interface ScenarioRegistry {
    charts: typeof charts;
  }
}
