// How a schema field declares what the read engine reads for it, so that each relation is declared
// once, where its field is (as Join Monster keeps `sqlJoin` on the field): the decorator carries the
// list or the joined row, the planner finds it on the schema's field, and the method behind it reads
// it from there too (answer.ts).
import type { GraphQLField } from 'graphql';
import { Extensions, FieldResolver } from 'type-graphql';
import type { Filter, JoinedRow, ListSpec, NestedList, RowSource } from './catalogue.js';

type ReturnType = NonNullable<Parameters<typeof FieldResolver>[0]>;
type FieldOptions = NonNullable<Parameters<typeof FieldResolver>[1]>;

const LIST = 'readsList';
const JOINED_ROW = 'readsJoinedRow';

function fieldResolverWith(extensions: Record<string, unknown>, returnType: ReturnType, options: FieldOptions): MethodDecorator {
  const field = FieldResolver(returnType, options);
  const extension = Extensions(extensions);
  return (prototype, name, descriptor) => {
    extension(prototype, name, descriptor);
    field(prototype, name, descriptor);
  };
}

/**
 * A connection field (a @FieldResolver) listing `list` under its parent row. When the parent's
 * statement read the page along, the field is answered from it without calling the method
 * (answer.ts, `answerFromReadAlong`); otherwise the method runs, and loads the page.
 */
export function ReadsList(list: NestedList, returnType: ReturnType, options: FieldOptions): MethodDecorator {
  return fieldResolverWith({ [LIST]: list }, returnType, options);
}

/** The list a connection field declared it reads, if any. */
export function listReadBy(field: GraphQLField<unknown, unknown> | undefined): NestedList | undefined {
  return field?.extensions[LIST] as NestedList | undefined;
}

/**
 * A to-one field (a @FieldResolver) returning the row of `join`. When its parent's statement read
 * the row along, the field is answered from it without calling the method (answer.ts); otherwise
 * the method runs, and loads the row.
 */
export function ReadsJoinedRow(join: JoinedRow, returnType: ReturnType, options: FieldOptions): MethodDecorator {
  return fieldResolverWith({ [JOINED_ROW]: join }, returnType, options);
}

/** The joined row a to-one field declared it returns, if any. */
export function joinReadBy(field: GraphQLField<unknown, unknown> | undefined): JoinedRow | undefined {
  return field?.extensions[JOINED_ROW] as JoinedRow | undefined;
}

// Root fields and computed fields declare what they read too, so that a whole operation can be
// answered by one statement building its JSON (whole-operation.ts) where graphql-js is not needed.

const ROW_BY_SLUG = 'readsRowBySlug';
const TOP_LIST = 'readsTopList';
const LISTS = 'readsLists';
const COLUMN = 'answersFromColumn';

/** A top-level list as a root field's arguments choose it: its spec and its filter. */
export interface TopList {
  spec: ListSpec;
  filter: Filter;
}

/** A root field (`article(slug)`) answering the visible row of `source` with its `slug` argument, through redirects. */
export function ReadsRowBySlug(source: RowSource): MethodDecorator {
  return Extensions({ [ROW_BY_SLUG]: source });
}

export function rowBySlugReadBy(field: GraphQLField<unknown, unknown> | undefined): RowSource | undefined {
  return field?.extensions[ROW_BY_SLUG] as RowSource | undefined;
}

/** A root connection field answering the top-level list its arguments choose (`listFor`, which its method calls too). */
export function ReadsTopList(listFor: (args: never) => TopList): MethodDecorator {
  return Extensions({ [TOP_LIST]: listFor });
}

export function topListReadBy(field: GraphQLField<unknown, unknown> | undefined): ((args: Record<string, unknown>) => TopList) | undefined {
  return field?.extensions[TOP_LIST] as ((args: Record<string, unknown>) => TopList) | undefined;
}

/**
 * A root field whose object's fields are top-level lists its arguments choose (`search(query)`:
 * `articles` and `quotes`), by field name; `listsFor` throws what the method would for invalid arguments.
 */
export function ReadsLists(listsFor: (args: never) => Readonly<Record<string, ListSpec>>): MethodDecorator {
  return Extensions({ [LISTS]: listsFor });
}

export function listsReadBy(field: GraphQLField<unknown, unknown> | undefined): ((args: Record<string, unknown>) => Readonly<Record<string, ListSpec>>) | undefined {
  return field?.extensions[LISTS] as ((args: Record<string, unknown>) => Readonly<Record<string, ListSpec>>) | undefined;
}

/**
 * A computed field that answers its row's column of the same name whenever the row was read with
 * it (an article looked up by slug holds its paragraphs), and loads the value otherwise.
 */
export function AnswersFromColumn(): MethodDecorator {
  return Extensions({ [COLUMN]: true });
}

export function answersFromColumn(field: GraphQLField<unknown, unknown>): boolean {
  return field.extensions[COLUMN] === true;
}
