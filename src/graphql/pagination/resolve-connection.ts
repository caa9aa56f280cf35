// Turns a list spec and page arguments into a connection value, for top-level and nested lists.
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import type { Loaders, NestedList } from '../loaders.js';
import { toConnection, type ConnectionValue } from './connection.type.js';
import { countRows, fetchPage, type Filter, type ListSpec, type Page } from './keyset.js';
import { readAlongList } from './read-along.js';
import { toPageRequest, type PageArguments } from './page-arguments.js';

/** What a list reads besides its page: a filter, and `info` for the joins the query selects. */
export interface ListOptions {
  filter?: Filter;
  info?: GraphQLResolveInfo;
}

export async function listConnection<Node extends Record<string, unknown>>(
  { sql }: Pick<Context, 'sql'>,
  spec: ListSpec,
  page: PageArguments,
  { filter = () => [], info }: ListOptions = {},
): Promise<ConnectionValue<Node>> {
  const rows = await fetchPage<Node>(sql, spec, toPageRequest(page), filter, readAlongList(spec, info));
  return toConnection(rows, () => countRows(sql, spec, filter));
}

/**
 * A page of `list` under the parent `parentId`, loaded with the same page under every other parent.
 * (A page the parent's statement read along is answered before this runs: read-along-fields.ts.)
 */
export async function nestedConnection<Node extends Record<string, unknown>>(
  loaders: Loaders,
  list: NestedList,
  parentId: number,
  page: PageArguments,
  info?: GraphQLResolveInfo,
): Promise<ConnectionValue<Node>> {
  return nestedPageConnection(loaders, list, parentId, await loaders.page<Node>(list, parentId, toPageRequest(page), info));
}

/** The connection value of a nested page; its count, when not read with the page, is loaded when asked. */
export function nestedPageConnection<Node extends Record<string, unknown>>(loaders: Loaders, list: NestedList, parentId: number, rows: Page<Node>): ConnectionValue<Node> {
  return toConnection(rows, () => (rows.totalCount === undefined ? loaders.count(list, parentId) : Promise.resolve(rows.totalCount)));
}
