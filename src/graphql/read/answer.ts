// Answers connection and to-one fields from the read engine: a top-level list from its own
// statement; a field declared with @ReadsList or @ReadsJoinedRow (fields.ts) from what its parent's
// statement read along when it did, else from a batch loader.
//
// The read-along answer runs ahead of the field's method, which TypeGraphQL would call only after
// converting its arguments into class instances: about a tenth of the server's CPU on a nested front
// page of 20 articles (40 connections, 120 to-one rows). `answerFromReadAlong` puts it there when the
// schema is built, for exactly the fields those decorators declare; their methods run otherwise.
import { getNamedType, isObjectType, type GraphQLField, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { SqlReader } from '../../db/sql.js';
import { toConnection, type ConnectionValue, type Page } from '../relay/connection.type.js';
import { toPageRequest, type PageArguments } from '../relay/page-arguments.js';
import type { Filter, ListSpec, NestedList, Row } from './catalogue.js';
import { joinedRowOf, pageReadAheadOf, pageReadAlongOf, type PageReadAhead } from './decode.js';
import { countRows, fetchListPages, fetchPage } from './execute.js';
import { joinReadBy, listReadBy } from './fields.js';
import type { Loaders } from './loaders.js';
import { chosenList, connectionsSelectedOn, readAlongConnection, readAlongList } from './plan.js';
import { connectionRowType, fieldsUnder, selectsPageInfo } from './selection.js';

/** What answering needs of a request's context. */
export interface Readers {
  sql: SqlReader;
  loaders: Loaders;
}

/** What a top-level list reads besides its page: a filter, and `info` for what the query selects on its rows. */
export interface ListOptions {
  filter?: Filter;
  info?: GraphQLResolveInfo;
}

/** A page of a top-level list, with its count when asked for. */
export async function listConnection<Node extends Row>(
  { sql }: Pick<Readers, 'sql'>,
  spec: ListSpec,
  page: PageArguments,
  { filter = () => [], info }: ListOptions = {},
): Promise<ConnectionValue<Node>> {
  const request = toPageRequest(page, !info || selectsPageInfo(info.fieldNodes, info));
  const rows = await fetchPage<Node>(sql, spec, request, filter, readAlongList(info));
  return toConnection(rows, () => countRows(sql, spec, filter));
}

/**
 * Reads ahead, in one statement, the pages of the top-level lists selected under the field being
 * resolved (`info`): `lists` gives each list by the name of the connection field that answers it (a
 * search's `articles` and `quotes`). By response key; a field read ahead answers from it
 * (`listConnectionReadAhead`), any other (invalid arguments, @skip) reads its own page.
 */
export async function readListsAhead(sql: SqlReader, info: GraphQLResolveInfo, lists: Readonly<Record<string, ListSpec>>): Promise<Map<string, PageReadAhead>> {
  const type = getNamedType(info.returnType);
  if (!isObjectType(type)) return new Map();
  const selected = connectionsSelectedOn(type, fieldsUnder(info), info, (definition) => Object.hasOwn(lists, definition.name));
  if (selected.length === 0) return new Map();
  return fetchListPages(
    sql,
    selected.map(({ responseKey, fieldNodes, definition, request }) => ({
      key: responseKey,
      fieldNodes,
      spec: lists[definition.name]!,
      request,
      along: readAlongConnection({ fieldNodes, rowType: connectionRowType(definition.type), info }),
    })),
  );
}

/** A page of a top-level list (without a filter), from `readAhead` when its parent read it ahead for this field. */
export function listConnectionReadAhead<Node extends Row>(
  { sql }: Pick<Readers, 'sql'>,
  spec: ListSpec,
  page: PageArguments,
  readAhead: ReadonlyMap<string, PageReadAhead> | undefined,
  info: GraphQLResolveInfo,
): Promise<ConnectionValue<Node>> {
  const read = pageReadAheadOf(readAhead, info);
  if (!read) return listConnection<Node>({ sql }, spec, page, { info });
  return Promise.resolve(toConnection(read.page as Page<Node>, () => countRows(sql, spec)));
}

/** The definition of the field being resolved, where its decorator left its declaration. */
function fieldBeingResolved(info: GraphQLResolveInfo): GraphQLField<unknown, unknown> | undefined {
  return info.parentType.getFields()[info.fieldName];
}

/**
 * A page of the list the field being resolved declares (@ReadsList) under `parent`, loaded with the
 * same page under every other parent.
 */
export async function nestedConnection<Node extends Row>(
  { loaders }: Pick<Readers, 'loaders'>,
  parent: { id: number },
  page: PageArguments,
  info: GraphQLResolveInfo,
): Promise<ConnectionValue<Node>> {
  const declared = listReadBy(fieldBeingResolved(info));
  if (!declared) throw new Error(`${info.parentType.name}.${info.fieldName} declares no list (@ReadsList)`);
  const list = chosenList(declared, { ...page });
  return nestedPageConnection(loaders, list, parent.id, await loaders.page<Node>(list, parent.id, toPageRequest(page, selectsPageInfo(info.fieldNodes, info)), info));
}

/** The connection value of a nested page; its count, when not read with the page, is loaded when asked. */
function nestedPageConnection<Node extends Row>(loaders: Loaders, list: NestedList, parentId: number, rows: Page<Node>): ConnectionValue<Node> {
  return toConnection(rows, () => (rows.totalCount === undefined ? loaders.count(list, parentId) : Promise.resolve(rows.totalCount)));
}

/** The row the field being resolved declares (@ReadsJoinedRow) for `parent`, loaded by its id; null without one. */
export function joinedRow<T extends Row>({ loaders }: Pick<Readers, 'loaders'>, parent: Row, info: GraphQLResolveInfo): Promise<T | null> | null {
  const join = joinReadBy(fieldBeingResolved(info));
  if (!join) throw new Error(`${info.parentType.name}.${info.fieldName} declares no joined row (@ReadsJoinedRow)`);
  const id = parent[join.key] as number | null | undefined;
  return id == null ? null : loaders.row<T>(join.rows, id);
}

type Resolver = GraphQLFieldResolver<Row, Readers>;

function pageOrResolve(resolve: Resolver): Resolver {
  return (parent, args, context, info) => {
    const along = pageReadAlongOf(parent, info);
    return along ? nestedPageConnection(context.loaders, along.list, parent.id as number, along.page) : resolve(parent, args, context, info);
  };
}

function joinedRowOrResolve(resolve: Resolver): Resolver {
  return (parent, args, context, info) => joinedRowOf(parent, info.fieldName) ?? resolve(parent, args, context, info);
}

/** Puts the read-along answer ahead of the method of every field declared with @ReadsList or @ReadsJoinedRow. */
export function answerFromReadAlong(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve as Resolver | undefined;
      if (!resolve) continue;
      if (listReadBy(field)) field.resolve = pageOrResolve(resolve);
      else if (joinReadBy(field)) field.resolve = joinedRowOrResolve(resolve);
    }
  }
  return schema;
}
