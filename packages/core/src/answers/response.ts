/**
 * Reading a model's free-text response, for every answer type: undoing markup, its lines and
 * paragraphs, refusals, and which reading wins where a reader looks.
 */

/**
 * Undoes the markup models wrap answers in (markdown emphasis and headings, LaTeX `\boxed{}`,
 * a few HTML tags, `<answer>` brackets) and unifies look-alike characters, keeping line breaks.
 */
export function cleanResponse(response: string): string {
  return (
    response
      // Thin and narrow no-break spaces only ever group digits; NFKC would turn them into plain spaces.
      .replace(/(\d)[\u2009\u202f](?=\d{3}(?!\d))/g, '$1,')
      .normalize('NFKC')
      .replace(/\r\n?/g, '\n')
      .replace(/\u2212/g, '-')
      .replace(/[‘’]/g, "'")
      .replace(/[“”]/g, '"')
      // `$7$` and `$\boxed{7}$` are maths; `$3.5 and $4` is money.
      .replace(/\$\$?([^$\n]+?)\$\$?/g, (whole, maths: string) => (/[\\{}^_=]|^\S+$/.test(maths) ? maths : whole))
      .replace(/\\(?:boxed|text|textbf|mathrm|mathbf|fbox)\s*\{((?:[^{}]|\{[^{}]*\})*)\}/g, '$1')
      .replace(/\{,\}/g, ',')
      .replace(/\\%/g, '%')
      .replace(/\\[,;!: ]/g, ' ')
      .replace(/\\[()[\]]/g, '')
      .replace(/<\/?(?:b|strong|i|em|u|code|p|span|br)\b[^>]*>/gi, '')
      // `<7>` is the prompt's placeholder filled in; `3 < 4 and 5 > 2` is a comparison.
      .replace(/<(\S(?:[^<>\n]{0,58}\S)?)>/g, '$1')
      // Struck-out text is retracted.
      .replace(/~~[^~\n]*~~/g, '')
      .replace(/\*\*|__|`/g, '')
      // A `*` opening or closing a word is emphasis; `2*3` is maths and `* item` a bullet.
      .replace(/(?<![\p{L}\p{N}])\*(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}.!?)])\*(?![\p{L}\p{N}])/gu, '')
      .replace(/^[ \t]*#{1,6}[ \t]+/gm, '')
      .replace(/^[ \t]*>[ \t]?/gm, '')
  );
}

/** Runs of non-blank lines, in order. */
export function textBlocks(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '');
}

/** Non-blank lines, trimmed, in order. */
export function textLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Strips wrapping quotes and brackets, and trailing sentence punctuation, from a stated answer. */
export function trimAnswer(stated: string): string {
  let trimmed = stated.trim();
  for (;;) {
    const next = trimmed
      .replace(/^["'\u00ab[]+|["'\u00bb\]]+$/g, '')
      .replace(/[.!?,;:]+$/, '')
      .trim();
    if (next === trimmed) return trimmed;
    trimmed = next;
  }
}

/** Phrases that decline to answer; "no" and "impossible to reach" are answers, so these stay narrow. */
const uncertainty = new RegExp(
  `\\b(?:${[
    "i\\s+(?:do\\s*not|don'?t)\\s+know",
    'not\\s+(?:sure|certain)',
    'unsure|uncertain|unclear|undetermined|indeterminate',
    "(?:it\\s+is|it's)\\s+not\\s+(?:clear|possible\\s+to\\s+(?:tell|say|determine|know))",
    '(?:not\\s+enough|insufficient)\\s+(?:information|info|data|detail)',
    "can(?:not|'t|\\s+not)\\s+(?:be\\s+)?(?:determined?|tell|told|say|said|know|known|answer|answered|verify|verified|be\\s+sure|confirm|confirmed)",
    '(?:unable|impossible)\\s+to\\s+(?:tell|say|determine|know|answer|verify|confirm)',
    '(?:hard|difficult)\\s+to\\s+(?:say|tell)',
    'no\\s+way\\s+to\\s+(?:tell|know)',
    'it\\s+depends',
  ].join('|')})\\b`,
  'i',
);

/** Whether the text declines to answer ("I don't know", "cannot be determined", "not sure"). */
export function declines(text: string): boolean {
  return uncertainty.test(text);
}

/** Where a reader looks: the stated answer (first reading wins) or the rest of the response (last wins). */
export type Scope = 'stated' | 'scanned';

/** Picks the first (stated) or last (scanned) of several readings sorted by position. */
export function byScope<T>(readings: readonly T[], scope: Scope): T | undefined {
  return scope === 'stated' ? readings[0] : readings[readings.length - 1];
}
