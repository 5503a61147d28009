/** `1 move`, `3 moves`: a count with its noun, plural when the count is not 1. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
