// Turns a list spec and page arguments into a connection value, for top-level and nested lists.
import type { SqlReader } from '../../db/sql.js';
import type { Loaders, NestedList } from '../loaders.js';
import { toConnection, type ConnectionValue } from './connection.type.js';
import { countRows, fetchPage, type Filter, type ListSpec } from './keyset.js';
import { toPageRequest, type PageArguments } from './page-arguments.js';

export async function listConnection<Node extends Record<string, unknown>>(
  sql: SqlReader,
  spec: ListSpec,
  page: PageArguments,
  filter: Filter = () => [],
): Promise<ConnectionValue<Node>> {
  const rows = await fetchPage<Node>(sql, spec, toPageRequest(page), filter);
  return toConnection(rows, () => countRows(sql, spec, filter));
}

export async function nestedConnection<Node extends Record<string, unknown>>(
  loaders: Loaders,
  list: NestedList,
  parentId: number,
  page: PageArguments,
): Promise<ConnectionValue<Node>> {
  const rows = await loaders.page<Node>(list, parentId, toPageRequest(page));
  return toConnection(rows, () => loaders.count(list, parentId));
}
