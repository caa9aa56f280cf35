// Turns a list spec and page arguments into a connection value, for top-level and nested lists.
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import type { Loaders, NestedList } from '../loaders.js';
import { toConnection, type ConnectionValue } from './connection.type.js';
import { countRows, fetchPage, type Filter, type ListSpec, type Page } from './keyset.js';
import { pageReadAlong } from './nested-pages.js';
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
 * A page of `list` under `parent`: the one its statement read along when there is one (no
 * statement, no promise), or one loaded with the same page under every other parent.
 */
export function nestedConnection<Node extends Record<string, unknown>>(
  loaders: Loaders,
  list: NestedList,
  parent: Record<string, unknown> & { id: number },
  page: PageArguments,
  info?: GraphQLResolveInfo,
): ConnectionValue<Node> | Promise<ConnectionValue<Node>> {
  const readAlong = info && pageReadAlong<Node>(parent, info);
  if (readAlong) return nestedPageConnection(loaders, list, parent.id, readAlong);
  return loaders.page<Node>(list, parent.id, toPageRequest(page), info).then((rows) => nestedPageConnection(loaders, list, parent.id, rows));
}

/** The connection value of a nested page; its count, when not read with the page, is loaded when asked. */
export function nestedPageConnection<Node extends Record<string, unknown>>(loaders: Loaders, list: NestedList, parentId: number, rows: Page<Node>): ConnectionValue<Node> {
  return toConnection(rows, () => (rows.totalCount === undefined ? loaders.count(list, parentId) : Promise.resolve(rows.totalCount)));
}
