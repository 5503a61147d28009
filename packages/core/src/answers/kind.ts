/**
 * The shape of one answer type. Each type's module (`number.ts`, `route.ts`, …) implements it:
 * canonical text, extraction from a reply, scorer and corruption, next to its constructor and
 * schema; `answer.ts` joins them into the functions over every answer.
 */
import { z } from 'zod';
import type { ReadingRules } from './answer-marker.js';
import type { Scope } from './response.js';

/** Returns an integer in [0, n); it supplies every random choice of a corruption. */
export type PickIndex = (n: number) => number;

/** A reading before it is known whether it was stated: an extracted answer without `marked`. */
export type Unmarked<E> = Omit<E, 'marked'>;

/** What an answer type provides; `A` is its stored answer, `E` what a response reads as. */
export interface AnswerKind<A extends { type: string }, E extends { type: string; marked: boolean }> extends ReadingRules {
  /** The canonical text: what training targets say after "The answer is". */
  text(answer: A): string;
  /** Reads the type from the stated answer (first reading wins) or the rest of a response (last wins). */
  read(text: string, scope: Scope, expected: A | undefined): Unmarked<E> | undefined;
  /** 1 when the reading is right, else 0; captions give their ROUGE-L in [0, 1]. */
  score(expected: A, read: E): number;
  /** A different answer of the type whose canonical text scores below 1 against `answer`. */
  corrupt(answer: A, pick: PickIndex): A;
}

/** Checks an answer against its type's schema, throwing a `TypeError` that names each bad field. */
export function validated<A extends { type: string }>(schema: z.ZodType<A>, candidate: A): A {
  const result = schema.safeParse(candidate);
  if (!result.success) {
    throw new TypeError(`Invalid ${candidate.type} answer ${JSON.stringify(candidate)}:\n${z.prettifyError(result.error)}`);
  }
  return candidate;
}

/** Drops `undefined` fields so stored records have no empty keys. */
export function definedFields<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
