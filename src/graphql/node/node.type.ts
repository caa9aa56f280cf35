import { isInterfaceType, type GraphQLSchema } from 'graphql';
import { Field, ID, InterfaceType } from 'type-graphql';

/** Every row a `node` answers carries its type's name. */
const typenameOf = (value: { __typename?: string }) => value.__typename;

@InterfaceType('Node', {
  description: 'An object with a global id, fetchable with the `node(id)` query.',
  resolveType: typenameOf,
})
export abstract class Node {
  @Field(() => ID, { description: 'Global id, stable and unique across types.' })
  id!: string;
}

/**
 * Gives Node back its type resolver as written: type-graphql wraps it in an async function, which
 * graphql-js awaits but compiled execution (graphql-jit) reads as the type's name.
 */
export function nodeTypeAtOnce(schema: GraphQLSchema): GraphQLSchema {
  const node = schema.getType('Node');
  if (isInterfaceType(node)) node.resolveType = typenameOf;
  return schema;
}
