// What the read engine reads of the record of changes: the list of its entries, newest first, and its filter.
import { CHANGE_COLUMNS, changeConditions, type ChangeFilter } from '../../editorial/change-record.js';
import { orderBy, type Filter, type ListSpec } from '../read/catalogue.js';

export const changesNewestFirst: ListSpec = {
  from: '"Change" t',
  columns: CHANGE_COLUMNS,
  order: orderBy(CHANGE_COLUMNS, 'id'),
  direction: 'DESC',
};

/** The entries of one object, or made with one key, or both (the CLI's `changes` filters the same way). */
export function changeFilter(filter: ChangeFilter): Filter {
  return (parameters) => changeConditions(filter, (value) => parameters.add(value));
}
