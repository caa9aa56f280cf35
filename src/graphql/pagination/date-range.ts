// The from/to filter that lists of dated rows (articles, quotes) take.
import type { SqlParameters } from './keyset.js';

export function dateRangeConditions(parameters: SqlParameters, range: { from?: Date | null; to?: Date | null }): string[] {
  const conditions: string[] = [];
  if (range.from) conditions.push(`t."date" >= ${parameters.add(range.from.toISOString())}::timestamp`);
  if (range.to) conditions.push(`t."date" < ${parameters.add(range.to.toISOString())}::timestamp`);
  return conditions;
}
