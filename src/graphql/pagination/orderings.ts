// The orderings lists share. Each ends with the id, so that it is total and cursors are exact.
import type { OrderColumn } from './keyset.js';

/** By the row's date (an article's, or its article's for a quote). */
export const BY_DATE: OrderColumn[] = [
  { expression: 't."date"', field: 'date', type: 'timestamp' },
  { expression: 't."id"', field: 'id', type: 'int' },
];

/** Alphabetically by name. */
export const BY_NAME: OrderColumn[] = [
  { expression: 't."name"', field: 'name', type: 'text' },
  { expression: 't."id"', field: 'id', type: 'int' },
];
