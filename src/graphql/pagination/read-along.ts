// What one statement reads along with its own rows, from the query's selection under the field
// being resolved: to-one rows (joined-rows.ts) and nested pages (nested-pages.ts).
import { getNamedType, isObjectType, type GraphQLResolveInfo } from 'graphql';
import type { RowSource } from '../loaders.js';
import { joinsSelectedOn, type JoinedRow } from './joined-rows.js';
import type { ListSpec } from './keyset.js';
import { connectionRowType, pagesSelectedOn, type PlannedPage } from './nested-pages.js';
import { fieldNames, rowFieldsOfConnection, selectedFields } from './selection.js';

export interface ReadAlong {
  /** The fields selected on the statement's own rows, so that it reads only their columns (columns.ts). */
  fields?: ReadonlySet<string>;
  joins: JoinedRow[];
  pages: PlannedPage[];
}

export const NOTHING_ALONG: ReadAlong = { joins: [], pages: [] };

/** What the connection field being resolved selects on its rows that `spec`'s statement can read along. */
export function readAlongList(spec: ListSpec, info: GraphQLResolveInfo | undefined): ReadAlong {
  if (!info) return NOTHING_ALONG;
  const rowFields = rowFieldsOfConnection(info.fieldNodes, info);
  const rowType = connectionRowType(info.returnType);
  return {
    fields: fieldNames(rowFields),
    joins: joinsSelectedOn(spec.joins, rowFields, info),
    pages: rowType ? pagesSelectedOn(rowType, rowFields, info) : [],
  };
}

/** What the query selects on the row being resolved that `source`'s statement can read along. */
export function readAlongRow(source: RowSource, info: GraphQLResolveInfo): ReadAlong {
  const rowFields = info.fieldNodes.flatMap((field) => selectedFields(field.selectionSet, info));
  const rowType = getNamedType(info.returnType);
  return {
    fields: fieldNames(rowFields),
    joins: joinsSelectedOn(source.joins, rowFields, info),
    pages: isObjectType(rowType) ? pagesSelectedOn(rowType, rowFields, info) : [],
  };
}
