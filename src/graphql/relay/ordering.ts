// The orders a client may ask a list of dated rows for.
import { registerEnumType } from 'type-graphql';

export enum DateOrder {
  NEWEST_FIRST = 'NEWEST_FIRST',
  OLDEST_FIRST = 'OLDEST_FIRST',
}

registerEnumType(DateOrder, { name: 'DateOrder', description: 'Order of a list by date, ties broken by id.' });
