// Fields answered straight from what their parent's statement read along, ahead of their
// TypeGraphQL resolvers, which convert the arguments into class instances on every call: about a
// tenth of the server's CPU on a nested front page of 20 articles (40 connections, 120 to-one rows).
// This is the one place that answers from what was read along; the resolvers behind it load.
import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { Context } from '../context.js';
import { isJoinedRowField, joinedRow } from './joined-rows.js';
import { listReadBy, pageReadAlong } from './nested-pages.js';
import { nestedPageConnection } from './resolve-connection.js';

type Row = Record<string, unknown>;
type Resolver = GraphQLFieldResolver<Row, Context>;

function pageOrResolve(resolve: Resolver): Resolver {
  return (parent, args, context, info) => {
    const along = pageReadAlong(parent, info);
    return along ? nestedPageConnection(context.loaders, along.list, parent.id as number, along.page) : resolve(parent, args, context, info);
  };
}

function joinedRowOrResolve(resolve: Resolver): Resolver {
  return (parent, args, context, info) => joinedRow(parent, info.fieldName) ?? resolve(parent, args, context, info);
}

/** Puts the read-along answer ahead of the resolver of every field that declares one (@ReadsList, @ReadsJoinedRow). */
export function answerFromReadAlong(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve as Resolver | undefined;
      if (!resolve) continue;
      if (listReadBy(field)) field.resolve = pageOrResolve(resolve);
      else if (isJoinedRowField(field)) field.resolve = joinedRowOrResolve(resolve);
    }
  }
  return schema;
}
