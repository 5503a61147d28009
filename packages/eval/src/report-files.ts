import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import type { EvalReport } from './report.js';

/** The report files. */
export const reportFiles = { markdown: 'report.md', json: 'report.json', html: 'report.html' } as const;

/** Writes `report.md`, `report.json` and `report.html` into `out`; returns their paths. */
export async function writeReport(out: string, report: EvalReport): Promise<string[]> {
  const files = [join(out, reportFiles.markdown), join(out, reportFiles.json), join(out, reportFiles.html)];
  await writeFile(files[0] as string, renderMarkdown(report));
  await writeFile(files[1] as string, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(files[2] as string, renderHtml(report));
  return files;
}
