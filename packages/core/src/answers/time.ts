/**
 * Time answers: a clock reading, 12-hour aware.
 *
 * - Text: `H:MM` on a 24-hour clock.
 * - Extraction: "8:10", "08:10", "20h10", "8:10 PM" (20:10), "8 PM", "8 o'clock", "ten past
 *   eight", "quarter to nine" (8:45), "half past 8", "noon", "midnight", "8:10 in the evening".
 * - Scoring: equal; with `twelveHour`, equal on a 12-hour dial (8:10 for 20:10).
 */
import { z } from 'zod';
import { type AnswerKind, definedFields, type PickIndex, type Unmarked, validated } from './kind.js';
import { smallWholeNumber, spelledNumberSource } from './number-parsing.js';
import { byScope, type Scope } from './response.js';

/** A clock reading. */
export interface TimeAnswer {
  type: 'time';
  /** Hour, 0–23. */
  hours: number;
  /** Minutes, 0–59. */
  minutes: number;
  /** When true, a 12-hour reading of the same time (8:10 for 20:10) is right too. */
  twelveHour?: boolean;
}

/** A clock reading from a response, in 24-hour terms (no AM/PM given reads as written). */
export interface ExtractedTime {
  type: 'time';
  hours: number;
  minutes: number;
  /** Whether it came from an explicit "The answer is" statement. */
  marked: boolean;
}

/** Validates a time answer record. */
export const timeSchema = z.object({
  type: z.literal('time'),
  hours: z.number().int().min(0).max(23),
  minutes: z.number().int().min(0).max(59),
  twelveHour: z.boolean().optional(),
});

/** A clock reading on a 24-hour clock; `twelveHour` accepts the same time on a 12-hour dial. */
export function timeAnswer(hours: number, minutes: number, options: { twelveHour?: boolean } = {}): TimeAnswer {
  return validated<TimeAnswer>(timeSchema, { type: 'time', hours, minutes, ...definedFields(options) });
}

const hourSource = `\\d{1,2}|${spelledNumberSource}`;
const meridiemSource = `(?:\\s*(?<meridiem>[ap])\\.?\\s?m\\.?(?![\\p{L}])|\\s+(?<daypart>in\\s+the\\s+(?:morning|afternoon|evening)|at\\s+night|tonight))?`;

const timePatterns: readonly { pattern: RegExp; relative?: boolean }[] = [
  { pattern: new RegExp(`(?<![\\p{N}:.])(?<hours>\\d{1,2})(?::|h|\\.(?=\\d{2}\\s*[ap]\\.?\\s?m))(?<minutes>\\d{2})(?::\\d{2})?(?!\\d)${meridiemSource}`, 'giu') },
  { pattern: new RegExp(`(?<![\\p{L}\\p{N}:])(?<hours>${hourSource})\\s*o'?\\s?clock${meridiemSource}`, 'giu') },
  { pattern: new RegExp(`(?<![\\p{L}\\p{N}:.])(?<hours>${hourSource})\\s*(?<meridiem>[ap])\\.?\\s?m\\.?(?![\\p{L}])`, 'giu') },
  {
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}])(?<minutes>\\d{1,2}|${spelledNumberSource}|(?:a\\s+)?quarter|half)\\s+(?:minutes?\\s+)?(?<relation>past|after|to|before|till|til)\\s+(?<hours>${hourSource})(?![\\p{L}\\p{N}])${meridiemSource}`,
      'giu',
    ),
    relative: true,
  },
  { pattern: /\b(?<named>noon|midday|midnight)\b/giu },
];

function readTime(text: string, scope: Scope): Unmarked<ExtractedTime> | undefined {
  const found: { hours: number; minutes: number; start: number; end: number }[] = [];
  for (const { pattern, relative } of timePatterns) {
    for (const match of text.matchAll(pattern)) {
      const reading = relative === true ? relativeTime(match.groups ?? {}) : clockTime(match.groups ?? {});
      if (reading !== undefined) found.push({ ...reading, start: match.index, end: match.index + match[0].length });
    }
  }
  // "quarter past 8 pm" also contains "8 pm": keep only readings not inside an earlier, longer one.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  let reach = -1;
  const outermost = found.filter((reading) => {
    const inside = reading.end <= reach;
    reach = Math.max(reach, reading.end);
    return !inside;
  });
  const chosen = byScope(outermost, scope);
  return chosen === undefined ? undefined : { type: 'time', hours: chosen.hours, minutes: chosen.minutes };
}

type TimeGroups = Partial<Record<string, string>>;

function clockTime(groups: TimeGroups): { hours: number; minutes: number } | undefined {
  if (groups.named !== undefined) return { hours: groups.named.toLowerCase() === 'midnight' ? 0 : 12, minutes: 0 };
  const hours = smallWholeNumber(groups.hours ?? '');
  const minutes = groups.minutes === undefined ? 0 : Number(groups.minutes);
  if (hours === undefined || minutes > 59) return undefined;
  return withMeridiem(hours, minutes, groups);
}

function relativeTime(groups: TimeGroups): { hours: number; minutes: number } | undefined {
  const spoken = (groups.minutes ?? '').toLowerCase();
  const minutes = spoken.endsWith('quarter') ? 15 : spoken === 'half' ? 30 : smallWholeNumber(spoken);
  const hour = smallWholeNumber(groups.hours ?? '');
  if (minutes === undefined || hour === undefined || minutes < 1 || minutes > 59 || hour > 23) return undefined;
  const before = ['to', 'before', 'till', 'til'].includes((groups.relation ?? '').toLowerCase());
  if (!before) return withMeridiem(hour, minutes, groups);
  if (spoken === 'half') return undefined;
  // "quarter to one" is 12:45 on a 12-hour clock.
  const previousHour = hour <= 12 ? (hour + 10) % 12 + 1 : hour - 1;
  return withMeridiem(previousHour, 60 - minutes, groups);
}

function withMeridiem(hours: number, minutes: number, groups: TimeGroups): { hours: number; minutes: number } | undefined {
  const meridiem = groups.meridiem?.toLowerCase();
  const daypart = groups.daypart?.toLowerCase().replace(/\s+/g, ' ');
  let afternoon: boolean | undefined;
  if (meridiem !== undefined) afternoon = meridiem === 'p';
  else if (daypart?.endsWith('morning')) afternoon = false;
  else if (daypart?.endsWith('afternoon') || daypart?.endsWith('evening')) afternoon = true;
  else if (daypart !== undefined) afternoon = hours >= 6 && hours < 12;
  if (afternoon === undefined) return hours <= 23 ? { hours, minutes } : undefined;
  if (hours < 1 || hours > 12) return hours <= 23 && afternoon === hours >= 12 ? { hours, minutes } : undefined;
  return { hours: (hours % 12) + (afternoon ? 12 : 0), minutes };
}

function corruptTime(answer: TimeAnswer, pick: PickIndex): TimeAnswer {
  // Hours move by 1–11 so the change shows on a 12-hour dial too.
  return pick(2) === 0
    ? { ...answer, minutes: (answer.minutes + 1 + pick(59)) % 60 }
    : { ...answer, hours: (answer.hours + 1 + pick(11)) % 24 };
}

/** The time answer type. */
export const timeKind: AnswerKind<TimeAnswer, ExtractedTime> = {
  extent: 'sentence',
  declinable: true,
  text: (answer) => `${answer.hours}:${String(answer.minutes).padStart(2, '0')}`,
  read: (text, scope) => readTime(text, scope),
  score: (expected, read) => {
    if (read.minutes !== expected.minutes) return 0;
    return (expected.twelveHour === true ? read.hours % 12 === expected.hours % 12 : read.hours === expected.hours) ? 1 : 0;
  },
  corrupt: corruptTime,
};
