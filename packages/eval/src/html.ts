import { pct } from './markdown.js';
import type { EvalReport, Score } from './report.js';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface Bar {
  label: string;
  /** In [0, 1]; null draws no bar. */
  value: number | null;
  note?: string;
  /** Highlighted (the evaluated model). */
  strong?: boolean;
}

/** A horizontal bar chart as inline SVG, values in [0, 1] shown as percentages. */
export function barChart(title: string, bars: readonly Bar[]): string {
  const labelWidth = 220;
  const barWidth = 360;
  const row = 22;
  const height = bars.length * row + 34;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="${labelWidth + barWidth + 140}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 140} ${height}">`,
    `<text x="0" y="14" font-weight="bold">${escapeHtml(title)}</text>`,
  ];
  for (const [tick, x] of [0, 0.25, 0.5, 0.75, 1].map((t) => [t, labelWidth + t * barWidth] as const)) {
    parts.push(`<line x1="${x}" y1="22" x2="${x}" y2="${height - 8}" stroke="#ddd"/>`, `<text x="${x}" y="${height}" font-size="10" text-anchor="middle" fill="#888">${tick * 100}%</text>`);
  }
  bars.forEach((bar, i) => {
    const y = 26 + i * row;
    parts.push(`<text x="${labelWidth - 8}" y="${y + 13}" text-anchor="end">${escapeHtml(bar.label)}</text>`);
    if (bar.value !== null) {
      const width = Math.max(0, Math.min(1, bar.value)) * barWidth;
      parts.push(`<rect x="${labelWidth}" y="${y + 2}" width="${width.toFixed(1)}" height="${row - 6}" fill="${bar.strong ? '#d9480f' : '#4263eb'}"/>`);
    }
    parts.push(`<text x="${labelWidth + barWidth + 6}" y="${y + 13}">${escapeHtml(pct(bar.value))}${bar.note === undefined ? '' : ` <tspan fill="#888">${escapeHtml(bar.note)}</tspan>`}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

const scoreBars = (entries: [string, Score][]): Bar[] => entries.map(([label, s]) => ({ label, value: s.accuracy, note: `${s.answered}/${s.questions}` }));

function htmlTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

/** `report.html`: one self-contained page (inline CSS and SVG, no scripts, no external assets). */
export function renderHtml(report: EvalReport): string {
  const { settings } = report;
  const body: string[] = [];
  body.push('<h1>absynth evaluation report</h1>');
  body.push(
    `<p>Model <b>${escapeHtml(settings.model ?? '(responses given in the rows)')}</b>${settings.baseURL === null ? '' : ` at <code>${escapeHtml(settings.baseURL)}</code>`} · ${escapeHtml(settings.format)} · modality ${escapeHtml(settings.modality ?? 'n/a')} · temperature ${settings.temperature}<br>` +
      `${report.questions} questions, ${report.answered} answered, ${report.unanswered} not yet asked, ${report.failures} failures (scored 0) · absynth ${escapeHtml(report.tool.version)}</p>`,
  );
  body.push(`<p class="big">Mean over scenarios (unweighted, as the paper): <b>${pct(report.mean)}</b> · pooled: ${pct(report.pooled)}</p>`);
  body.push(barChart('Accuracy by scenario', scoreBars(report.scenarios.map((s) => [s.scenario, s]))));
  body.push(barChart('Accuracy by question kind (all scenarios)', scoreBars(Object.entries(report.byKind))));
  body.push(barChart('Accuracy by level', scoreBars(Object.entries(report.byLevel).map(([k, s]) => [`level ${k}`, s]))));
  for (const s of report.scenarios) {
    body.push(`<h2>${escapeHtml(s.scenario)}</h2>`);
    body.push(barChart(`${s.scenario}: accuracy by kind`, scoreBars(Object.entries(s.byKind))));
    if (s.routes !== null) {
      const extra = Object.entries(s.routes.extra ?? {}).map(([k, v]) => `, ${escapeHtml(k)} ${pct(v)}`).join('');
      body.push(`<p>Routes: mean route score <b>${pct(s.routes.meanScore)}</b> (1 for any valid route, else ordered landmark coverage), valid routes ${pct(s.routes.validShare)} of ${s.routes.answered}${extra}.</p>`);
    }
    if (s.captions !== null) body.push(`<p>Captions: mean ROUGE-L <b>${s.captions.rougeL === null ? '–' : s.captions.rougeL.toFixed(3)}</b> over ${s.captions.answered} of ${s.captions.questions} (apart from accuracy).</p>`);
  }
  if (report.captions !== null) {
    body.push('<h2>Captions</h2>');
    body.push(barChart('Mean ROUGE-L by scenario (not accuracy)', report.scenarios.filter((s) => s.captions !== null).map((s) => ({ label: s.scenario, value: s.captions?.rougeL ?? null }))));
  }
  if (report.paper !== null && report.paper.columns.length > 0) {
    const { columns, model, rows } = report.paper;
    body.push("<h2>Compared with the paper's Table A1</h2>");
    for (const column of columns) {
      body.push(
        barChart(column, [
          { label: `${model.name} (absynth)`, value: (model.percent[column] ?? 0) / 100, strong: true },
          ...rows.map((r) => ({ label: r.model, value: (r.percent[column] ?? 0) / 100 })),
        ]),
      );
    }
    const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v.toFixed(1));
    body.push(htmlTable(['model', ...columns, 'mean of these', 'paper avg'], [[model.name, ...columns.map((c) => fmt(model.percent[c])), fmt(model.mean), '–'], ...rows.map((r) => [r.model, ...columns.map((c) => fmt(r.percent[c])), fmt(r.mean), fmt(r.paperAverage)])]));
    body.push("<p class=\"note\">absynth's scenarios are regenerated, not the paper's images, and its scorers fix the released evaluator's defects: the figures compare in kind, not to the decimal.</p>");
  }
  const rows = report.scenarios.map((s) => [s.scenario, pct(s.accuracy), String(s.answered), String(s.questions), String(s.failures)]);
  body.push('<h2>Figures</h2>', htmlTable(['scenario', 'accuracy', 'answered', 'questions', 'failures'], rows));
  const style =
    'body{font:14px/1.45 system-ui,sans-serif;max-width:900px;margin:2em auto;padding:0 1em;color:#222}svg{display:block;margin:1em 0;font:12px system-ui,sans-serif}' +
    'table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td:first-child,th:first-child{text-align:left}.big{font-size:1.2em}.note{color:#666}';
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>absynth evaluation: ${escapeHtml(settings.model ?? 'rows')}</title><style>${style}</style></head><body>\n${body.join('\n')}\n</body></html>\n`;
}
