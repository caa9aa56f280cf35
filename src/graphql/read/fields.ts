// How a schema field declares what the read engine reads for it, so that each relation is declared
// once, where its field is (as Join Monster keeps `sqlJoin` on the field): the decorator carries the
// list or the joined row, the planner finds it on the schema's field, and the method behind it reads
// it from there too (answer.ts).
import type { GraphQLField } from 'graphql';
import { Extensions, FieldResolver } from 'type-graphql';
import type { JoinedRow, NestedList } from './catalogue.js';

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
