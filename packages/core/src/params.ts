import { z } from 'zod';
import { ParamsError, UsageError } from './errors.js';
import type { AnyScenario, Level } from './scenario.js';
import { levels } from './scenario.js';

/** Checks that `level` is one of 1–5. */
export function checkLevel(level: unknown): Level {
  if (typeof level === 'number' && (levels as readonly number[]).includes(level)) return level as Level;
  throw new UsageError(`invalid level ${JSON.stringify(level)}: allowed levels are 1, 2, 3, 4, 5`);
}

/**
 * The params of one run: the schema's defaults, under the level's preset, under the user's
 * params. Unknown fields and invalid values throw a {@link ParamsError} naming each field.
 */
export function resolveParams(scenario: AnyScenario, level: Level, params: Record<string, unknown> = {}) {
  const schema = (scenario.params as z.ZodObject<z.ZodRawShape>).strict();
  const merged = { ...scenario.levels[level], ...params };
  const parsed = schema.safeParse(merged);
  if (!parsed.success) {
    throw new ParamsError(
      scenario.id,
      parsed.error.issues.map((issue) => ({
        path: issue.path.length > 0 ? issue.path.join('.') : issueKeys(issue) || '(params)',
        message: describeIssue(issue, scenario, merged),
      })),
    );
  }
  return parsed.data as Record<string, unknown>;
}

function issueKeys(issue: z.core.$ZodIssue): string {
  return issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '';
}

function describeIssue(issue: z.core.$ZodIssue, scenario: AnyScenario, input: Record<string, unknown>): string {
  if (issue.code === 'unrecognized_keys') {
    const known = Object.keys((scenario.params as z.ZodObject<z.ZodRawShape>).shape).join(', ');
    return `unknown param; the params of "${scenario.id}" are: ${known}`;
  }
  // zod names what is allowed; the value given makes the message complete.
  const given = issue.path.reduce<unknown>(
    (value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined),
    input,
  );
  return given === undefined ? issue.message : `${issue.message} (got ${JSON.stringify(given) ?? String(given)})`;
}

/** One documented param, as the CLI and the docs show it. */
export interface ParamInfo {
  name: string;
  type: string;
  default: unknown;
  description: string;
  /** Allowed values, for enums. */
  values?: readonly unknown[];
  minimum?: number;
  maximum?: number;
}

/** The params of a scenario as a table, read from the schema (the one source). */
export function describeParams(scenario: AnyScenario): ParamInfo[] {
  const json = paramsJsonSchema(scenario) as {
    properties?: Record<string, Record<string, unknown>>;
  };
  return Object.entries(json.properties ?? {}).map(([name, prop]) => {
    const info: ParamInfo = {
      name,
      type: typeName(prop),
      default: prop.default,
      description: typeof prop.description === 'string' ? prop.description : '',
    };
    if (Array.isArray(prop.enum)) info.values = prop.enum;
    if (typeof prop.minimum === 'number') info.minimum = prop.minimum;
    if (typeof prop.maximum === 'number') info.maximum = prop.maximum;
    return info;
  });
}

function typeName(prop: Record<string, unknown>): string {
  if (Array.isArray(prop.enum)) return 'enum';
  if (typeof prop.type === 'string') return prop.type;
  if (Array.isArray(prop.anyOf)) return prop.anyOf.map((p) => typeName(p as Record<string, unknown>)).join(' | ');
  return 'value';
}

/** The JSON Schema of a scenario's params (input side, so defaulted fields are optional). */
export function paramsJsonSchema(scenario: AnyScenario): Record<string, unknown> {
  return z.toJSONSchema(scenario.params as z.ZodType, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
}
