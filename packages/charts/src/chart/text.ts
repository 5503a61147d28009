import { formatNumber } from '@absynth/core';
import { isRound, kindName, labelText } from './format.js';
import type { ChartScene } from './scene.js';

/**
 * The charts as text, for datasets written text-only or with both the image and the text: per
 * chart a `Chart N: title` line, its type, axes, colours, legend position and gridlines, and a pipe table of the data
 * with every value at the chart's precision.
 */
export function chartsText(scene: ChartScene): string {
  return scene.charts
    .map((chart, k) => {
      const lines = [`Chart ${k + 1}: ${chart.title}`, `Type: ${kindName(chart)}`];
      if (chart.valueAxis !== null) {
        const axis = chart.valueAxis;
        const where = chart.kind === 'horizontal-bar' ? 'horizontal' : 'vertical';
        lines.push(`${where === 'vertical' ? 'Vertical' : 'Horizontal'} axis: ${axis.title}, ${formatNumber(axis.min, axis.decimals)} to ${formatNumber(axis.max, axis.decimals)} in steps of ${formatNumber(axis.step, axis.decimals)}`);
      }
      if (chart.scatter !== null) lines.push(`Horizontal axis: ${chart.scatter.axis.title}`);
      else if (chart.categoryTitle !== null) lines.push(`${chart.kind === 'horizontal-bar' ? 'Vertical' : 'Horizontal'} axis: ${chart.categoryTitle}`);
      if (isRound(chart)) lines.push(`Slice colours: ${chart.categories.map((c, i) => `${c} ${chart.sliceColours[i]?.name}`).join(', ')}`);
      else lines.push(`Colours: ${chart.series.map((s) => `${s.label} ${s.colour.name}`).join(', ')}`);
      if (chart.style.legend !== 'none') lines.push(`Legend: ${chart.style.legend}`);
      if (chart.valueAxis !== null) lines.push(`Gridlines: ${chart.style.gridlines ? (chart.scatter !== null ? 'at every tick of both axes' : 'at every tick of the value axis') : 'none'}`);
      if (chart.style.valueLabels) lines.push('Values are printed on the chart.');
      const noun = chart.categoryNoun.charAt(0).toUpperCase() + chart.categoryNoun.slice(1);
      const headers = chart.scatter !== null ? [noun, chart.scatter.axis.title, chart.valueAxis?.title ?? chart.measure] : [noun, ...chart.series.map((s) => s.label)];
      lines.push(`| ${headers.join(' | ')} |`, `| --- |${headers.slice(1).map(() => ' ---: |').join('')}`);
      chart.categories.forEach((category, i) => {
        const cells =
          chart.scatter !== null
            ? [formatNumber(chart.scatter.values[i] ?? 0, chart.scatter.decimals), formatNumber(chart.series[0]?.values[i] ?? 0, chart.decimals)]
            : chart.series.map((s) => labelText(chart, s.values[i] ?? 0));
        lines.push(`| ${[category, ...cells].join(' | ')} |`);
      });
      return lines.join('\n');
    })
    .join('\n\n');
}
