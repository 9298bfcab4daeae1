import { z } from 'zod';
import { bounded, formatIssues } from '../engine/index';

/**
 * Tunables a URL may set (PhET's query parameters), each with its default, range and why it exists.
 * `?deadlineMs=3000` lets an end-to-end test notice a killed worker sooner.
 */
export const QueryParametersSchema = z.object({
  /** An engine call with no answer after this long is taken for a hang (issue 9), ms. Generous: 2-core CI machines. */
  deadlineMs: bounded(500, 600_000, 'ms', { int: true }).default(15_000),
});
export type QueryParameters = z.infer<typeof QueryParametersSchema>;

/** Reads the parameters from a query string; a bad value is reported and its default used. */
export function readQueryParameters(search: string): { params: QueryParameters; problems: string[] } {
  const raw: Record<string, unknown> = {};
  const query = new URLSearchParams(search);
  const deadline = query.get('deadlineMs');
  if (deadline !== null) raw.deadlineMs = Number(deadline);
  const parsed = QueryParametersSchema.safeParse(raw);
  if (parsed.success) return { params: parsed.data, problems: [] };
  return { params: QueryParametersSchema.parse({}), problems: formatIssues(parsed.error).map((p) => `URL parameter ${p}`) };
}
