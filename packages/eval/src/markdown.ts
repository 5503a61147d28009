import type { EvalReport, Score } from './report.js';

/** A fraction as a percentage with one decimal, or an en dash for none. */
export const pct = (value: number | null | undefined): string => (value === null || value === undefined ? '–' : `${(value * 100).toFixed(1)}%`);

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [`| ${head.map(cell).join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

const scoreRow = (name: string, s: Score): string[] => [name, pct(s.accuracy), String(s.answered), String(s.questions), String(s.failures)];

/** `report.md`: the same figures as `report.json`, as tables. */
export function renderMarkdown(report: EvalReport): string {
  const out: string[] = [];
  const { settings } = report;
  out.push('# absynth evaluation report', '');
  out.push(`- model: ${settings.model ?? '(responses given in the rows)'}${settings.baseURL === null ? '' : ` at ${settings.baseURL}`}`);
  out.push(`- format: ${settings.format}; modality: ${settings.modality ?? 'n/a'}; temperature ${settings.temperature}`);
  out.push(`- answer-format suffix: \`${settings.suffix.trim()}\``);
  out.push(`- questions: ${report.questions}; answered: ${report.answered}; not yet asked: ${report.unanswered}; failures (no usable reply, scored 0): ${report.failures}`);
  out.push(`- tool: absynth ${report.tool.version}`, '');
  out.push('## Accuracy', '');
  out.push(`**Mean over scenarios (unweighted, as the paper): ${pct(report.mean)}** · pooled over questions: ${pct(report.pooled)}`, '');
  out.push('Captions are scored by ROUGE-L and reported apart; they are not in the accuracy figures.', '');
  out.push(table(['scenario', 'accuracy', 'answered', 'questions', 'failures'], report.scenarios.map((s) => scoreRow(s.scenario, s))), '');
  out.push('### By question kind', '');
  out.push(table(['kind', 'accuracy', 'answered', 'questions', 'failures'], Object.entries(report.byKind).map(([k, s]) => scoreRow(k, s))), '');
  out.push('### By level', '');
  out.push(table(['level', 'accuracy', 'answered', 'questions', 'failures'], Object.entries(report.byLevel).map(([k, s]) => scoreRow(k, s))), '');
  for (const s of report.scenarios) {
    out.push(`### ${s.scenario}`, '');
    out.push(table(['kind', 'accuracy', 'answered', 'questions', 'failures'], Object.entries(s.byKind).map(([k, v]) => scoreRow(k, v))), '');
    if (Object.keys(s.byLevel).length > 1) out.push(table(['level', 'accuracy', 'answered', 'questions', 'failures'], Object.entries(s.byLevel).map(([k, v]) => scoreRow(k, v))), '');
    if (s.routes !== null) {
      const extra = Object.entries(s.routes.extra ?? {}).map(([k, v]) => `; ${k} ${pct(v)}`).join('');
      out.push(`Routes: mean route score ${pct(s.routes.meanScore)} (map-aware: 1 for any valid route, else ordered landmark coverage), valid routes ${pct(s.routes.validShare)} of ${s.routes.answered}${extra}.`, '');
    }
    if (s.captions !== null) out.push(`Captions: mean ROUGE-L ${s.captions.rougeL === null ? '–' : s.captions.rougeL.toFixed(3)} over ${s.captions.answered} of ${s.captions.questions}.`, '');
  }
  if (report.captions !== null) {
    out.push('## Captions (ROUGE-L, apart from accuracy)', '');
    out.push(`Mean ROUGE-L F-measure: ${report.captions.rougeL === null ? '–' : report.captions.rougeL.toFixed(3)} over ${report.captions.answered} of ${report.captions.questions} captions (${report.captions.failures} failures).`, '');
  }
  if (report.paper !== null) {
    out.push("## Compared with the paper's Table A1", '');
    if (report.paper.columns.length === 0) {
      out.push('None of the evaluated scenarios has a column in the paper.', '');
    } else {
      const { columns, model, rows } = report.paper;
      const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v.toFixed(1));
      out.push(
        table(
          ['model', ...columns, 'mean of these', 'paper avg (8 scenarios)'],
          [[`**${model.name}** (absynth)`, ...columns.map((c) => fmt(model.percent[c])), fmt(model.mean), '–'], ...rows.map((r) => [r.model, ...columns.map((c) => fmt(r.percent[c])), fmt(r.mean), fmt(r.paperAverage)])],
        ),
        '',
      );
      out.push("Accuracy in percent. absynth's scenarios are regenerated, not the paper's images, and its scorers fix the released evaluator's defects, so the figures compare in kind, not to the decimal.", '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
