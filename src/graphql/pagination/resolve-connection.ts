// Turns a list spec and page arguments into a connection value, for top-level and nested lists.
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import type { Loaders, NestedList } from '../loaders.js';
import { toConnection, type ConnectionValue } from './connection.type.js';
import { countRows, fetchPage, type Filter, type ListSpec } from './keyset.js';
import { toPageRequest, type PageArguments } from './page-arguments.js';

/** What a list reads besides its page: a filter, and `info` for the joins the query selects. */
export interface ListOptions {
  filter?: Filter;
  info?: GraphQLResolveInfo;
}

export async function listConnection<Node extends Record<string, unknown>>(
  { sql, loaders }: Pick<Context, 'sql' | 'loaders'>,
  spec: ListSpec,
  page: PageArguments,
  { filter = () => [], info }: ListOptions = {},
): Promise<ConnectionValue<Node>> {
  const rows = await fetchPage<Node>(sql, spec, toPageRequest(page), filter, loaders.readAlongList(spec, info));
  return toConnection(rows, () => countRows(sql, spec, filter));
}

export async function nestedConnection<Node extends Record<string, unknown>>(
  loaders: Loaders,
  list: NestedList,
  parentId: number,
  page: PageArguments,
  info?: GraphQLResolveInfo,
): Promise<ConnectionValue<Node>> {
  const rows = await loaders.page<Node>(list, parentId, toPageRequest(page), info);
  return toConnection(rows, () => (rows.totalCount === undefined ? loaders.count(list, parentId) : Promise.resolve(rows.totalCount)));
}
