import { formatNumber } from '@absynth/core';
import type { Chart } from './scene.js';

/** Whether a chart is a pie or a doughnut: slices of a whole, read as percentages. */
export function isRound(chart: Pick<Chart, 'kind'>): boolean {
  return chart.kind === 'pie' || chart.kind === 'doughnut';
}

/** A value as its value label prints it: separators, the chart's decimals, `%` for percentages. */
export function labelText(chart: Pick<Chart, 'unit' | 'decimals'>, value: number): string {
  return `${formatNumber(value, chart.decimals)}${chart.unit === '%' ? '%' : ''}`;
}

/** A value with its unit, for rationales and captions: `12.3%`, `4,210 USD bn`, `17`. */
export function withUnit(chart: Pick<Chart, 'unit' | 'decimals'>, value: number, decimals = chart.decimals): string {
  const number = formatNumber(value, decimals);
  if (chart.unit === '') return number;
  return chart.unit === '%' ? `${number}%` : `${number} ${chart.unit}`;
}

/** The measure with its unit, as an axis title: `GDP growth (%)`, `Population`. */
export function measureTitle(measure: string, unit: string): string {
  return unit === '' ? measure : `${measure} (${unit})`;
}

/** How a question states the unit of an answer: ` in USD bn`, ` (per 100k)` (never "in per 100k"), or nothing for percentages and counts. */
export function inUnit(chart: Pick<Chart, 'unit'>): string {
  if (chart.unit === '' || chart.unit === '%') return '';
  return /^per\b/.test(chart.unit) ? ` (${chart.unit})` : ` in ${chart.unit}`;
}

/** A kind as words: `grouped-bar` → `grouped bar chart`. */
export function kindName(chart: Pick<Chart, 'kind'>): string {
  const names: Record<Chart['kind'], string> = {
    bar: 'bar chart',
    'horizontal-bar': 'horizontal bar chart',
    'grouped-bar': 'grouped bar chart',
    'stacked-bar': 'stacked bar chart',
    line: 'line chart',
    'multi-line': 'line chart with several lines',
    area: 'area chart',
    pie: 'pie chart',
    doughnut: 'doughnut chart',
    scatter: 'scatter plot',
  };
  return names[chart.kind];
}
