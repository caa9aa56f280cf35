// The objects an answer holds, as cache tags ("article-12", "person-4"), for the Cache-Tag and
// Surrogate-Key headers: a CDN purges exactly the answers a change touched. Collected as fields
// resolve, only for requests that will be cached (a GET without a key): for any other the wrapper
// costs one property check.
import { getNamedType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema, defaultFieldResolver } from 'graphql';
import type { Context } from '../context.js';

/** Types whose objects are tagged, by the tag's prefix. */
const TAGGED: Record<string, string> = { Article: 'article', Person: 'person', Topic: 'topic', Source: 'source', Quote: 'quote' };
/** The Node interface's rows say their type (`__typename`). */
const NODE = 'Node';

/** More tags than this and the answer carries its types' tags instead ("article"): headers have limits (Cloudflare: 16 KB). */
export const MAX_TAGS = 300;

/** The tag of an object, as the outbox's events name it too. */
export function cacheTag(type: string, id: number): string {
  return `${TAGGED[type] ?? type.toLowerCase()}-${id}`;
}

function record(tags: Set<string>, type: string | null, value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) record(tags, type, item);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const row = value as { id?: unknown; __typename?: unknown };
  const typeName = type ?? (typeof row.__typename === 'string' ? row.__typename : null);
  if (typeName === null || !(typeName in TAGGED) || typeof row.id !== 'number') return;
  if (tags.size < MAX_TAGS) tags.add(cacheTag(typeName, row.id));
  else tags.add(TAGGED[typeName]!);
}

type Resolver = GraphQLFieldResolver<unknown, Context>;

function tagging(resolve: Resolver, type: string | null): Resolver {
  return (parent, args, context, info) => {
    const result = resolve(parent, args, context, info);
    const tags = context.cache?.tags;
    if (!tags) return result;
    if (result instanceof Promise) return result.then((value) => (record(tags, type, value), value));
    record(tags, type, result);
    return result;
  };
}

/** Wraps the resolver of every field that returns a tagged type (or a list of one, or a Node). */
export function collectCacheTags(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const returned = getNamedType(field.type).name;
      if (!(returned in TAGGED) && returned !== NODE) continue;
      field.resolve = tagging((field.resolve as Resolver | undefined) ?? (defaultFieldResolver as Resolver), returned === NODE ? null : returned);
    }
  }
  return schema;
}
