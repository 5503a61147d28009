import { type CategoryDraw, categorySets } from './categories.js';
import { placeholdersOf, type TitlePlaceholder, type Topic } from './schema.js';

/** The texts that can fill title placeholders; leave out what an image does not have (no `place` when the categories are countries). */
export type TitleValues = Partial<Record<TitlePlaceholder, string>>;

/** Fills a title pattern, or returns undefined when a placeholder it uses has no value. */
export function fillTitle(pattern: string, values: TitleValues): string | undefined {
  const missing = placeholdersOf(pattern).some((name) => values[name as TitlePlaceholder] === undefined);
  if (missing) return undefined;
  return pattern.replace(/\{([^{}]*)\}/g, (_, name: string) => values[name as TitlePlaceholder]!);
}

/** Every title of the topic that the given values fill completely, with `measure` and `unit` supplied from the topic. */
export function fillableTitles(topic: Topic, values: TitleValues): string[] {
  const all: TitleValues = { measure: topic.measure, unit: topic.unit.name, ...values };
  // A pattern such as "{measure} ({unit})" repeats a unit the measure already names ("Doctors per
  // 1,000 people (per 1,000 people)", "Points (points)"), in any case; such titles are left out.
  const repeats = (title: string) => title.toLowerCase().split(topic.unit.name.toLowerCase()).length > 2;
  return topic.titles
    .map((pattern) => fillTitle(pattern, all))
    .filter((title): title is string => title !== undefined && !repeats(title));
}

/**
 * The `{from}` and `{to}` values of a draw: its first and last labels for a run of an ordered or
 * cyclic set, nothing for nominal sets, nor for labels that are ranges themselves (`15–24`, `75+`,
 * `Lowest 20%`), which would make titles such as "…, 15–24–75+".
 */
export function runTitleValues(draw: CategoryDraw): TitleValues {
  if (categorySets[draw.set].order === 'nominal' || draw.labels.length < 2) return {};
  if (draw.labels.some((label) => /[–+%]/.test(label))) return {};
  return { from: draw.labels[0]!, to: draw.labels.at(-1)! };
}
