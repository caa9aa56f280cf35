// Static cost of a GraphQL operation, computed before it runs, in the manner of GitHub's GraphQL API:
// every connection must say how many items it wants (first or last), and the items a query could
// return are counted by multiplying page sizes down the tree.
import {
  getNamedType,
  GraphQLObjectType,
  isInterfaceType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

export interface QueryCost {
  /** Items the query could return at most: the sum over connections of page size times its parents' page sizes. */
  nodes: number;
  /** Deepest field nesting. */
  depth: number;
  /** Fields requested under an alias. */
  aliases: number;
}

/** A problem with the query itself, found before it runs. */
export class QueryCostError extends Error {}

function isConnection(type: GraphQLCompositeType): boolean {
  return type.name.endsWith('Connection') && isObjectType(type);
}

function argumentValue(node: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (!node) return undefined;
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.NULL) return null;
  return undefined;
}

function pageSize(field: FieldNode, variables: Record<string, unknown>): number | null {
  for (const name of ['first', 'last']) {
    const argument = field.arguments?.find((candidate) => candidate.name.value === name);
    const value = argumentValue(argument?.value, variables);
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, value);
  }
  return null;
}

export function measureQueryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
): QueryCost {
  const cost: QueryCost = { nodes: 0, depth: 0, aliases: 0 };
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!root) return cost;

  const visit = (selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, multiplier: number, depth: number, path: string[]): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typeName = selection.typeCondition?.name.value;
        const type = (typeName ? schema.getType(typeName) : parentType) as GraphQLCompositeType;
        visit(selection.selectionSet, type ?? parentType, multiplier, depth, path);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        if (!fragment || path.includes(`...${fragment.name.value}`)) continue;
        const type = schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType;
        visit(fragment.selectionSet, type ?? parentType, multiplier, depth, [...path, `...${fragment.name.value}`]);
        continue;
      }
      if (selection.alias) cost.aliases++;
      cost.depth = Math.max(cost.depth, depth + 1);
      if (!selection.selectionSet) continue;
      const fields = isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields() : {};
      const definition = fields[selection.name.value];
      if (!definition) continue;
      const type = getNamedType(definition.type) as GraphQLCompositeType;
      let childMultiplier = multiplier;
      if (isConnection(type)) {
        const size = pageSize(selection, variables);
        if (size === null) {
          throw new QueryCostError(
            `"${[...path, selection.name.value].filter((part) => !part.startsWith('...')).join('.')}" needs a "first" or "last" argument`,
          );
        }
        cost.nodes += multiplier * size;
        childMultiplier = multiplier * Math.max(size, 1);
      }
      visit(selection.selectionSet, type, childMultiplier, depth + 1, [...path, selection.alias?.value ?? selection.name.value]);
    }
  };

  visit(operation.selectionSet, root as GraphQLObjectType, 1, 0, []);
  return cost;
}
