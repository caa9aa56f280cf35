// Thousands of generated hostile requests: malformed, deep, wide, aliased and oversized queries with
// random variables. None may get a 5xx, crash the server or leak internals.
import {
  getNamedType,
  isEnumType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildQuotegraphSchema } from '../../src/graphql/schema.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { randomFrom } from '../support/random.js';

const CASES = 3_000;
const PARALLEL = 16;
const LEAKS = /stack|\bat .+:\d+:\d+|node_modules|\/work\/|prisma|SELECT |INSERT |\$queryRaw|TypeError|ReferenceError/i;

/** A small deterministic random generator, so a failure can be replayed. */
function randomGenerator(seed: number) {
  const next = randomFrom(seed);
  const integer = (below: number) => Math.floor(next() * below);
  const pick = <T>(items: readonly T[]): T => items[integer(items.length)]!;
  return { next, integer, pick };
}

type Random = ReturnType<typeof randomGenerator>;

const STRINGS = ['"lavrov"', '""', '"sergey-lavrov"', '"\\u0000"', '"%_%"', `"${'x'.repeat(300)}"`, '"arms control"', 'null', '"\\"; DROP TABLE"'];
const INTEGERS = ['-1', '0', '1', '5', '20', '100', '101', '99999999999', '"ten"', 'null', '2.5'];
const DATES = ['"2020-01-01T00:00:00Z"', '"not a date"', '"9999-99-99"', 'null', '0'];

function argumentLiteral(random: Random, type: GraphQLNamedType): string {
  if (isEnumType(type)) return random.next() < 0.8 ? random.pick(type.getValues()).name : 'NOT_A_VALUE';
  if (type.name === 'Int') return random.pick(INTEGERS);
  if (type.name.startsWith('DateTime')) return random.pick(DATES);
  if (type.name === 'ID') return random.pick(['"UGVyc29uOjE"', '"bm9wZQ"', '""', 'null', '12']);
  return random.pick(STRINGS);
}

function selection(random: Random, type: GraphQLNamedType, depth: number, maxDepth: number): string {
  if (isInterfaceType(type)) {
    return `{ id ... on Person { name } ... on Quote { text } }`;
  }
  if (!isObjectType(type)) return '';
  const fields = Object.values(type.getFields()) as GraphQLField<unknown, unknown>[];
  const chosen = Array.from({ length: 1 + random.integer(4) }, () => random.pick(fields));
  const parts = chosen.map((field, index) => {
    const alias = random.next() < 0.2 ? `a${depth}_${index}: ` : '';
    const args = field.args
      .filter(() => random.next() < 0.7)
      .map((arg) => `${arg.name}: ${argumentLiteral(random, getNamedType(arg.type))}`);
    const argumentText = args.length > 0 ? `(${args.join(', ')})` : '';
    const fieldType = getNamedType(field.type);
    if (isLeafType(fieldType)) return `${alias}${field.name}${argumentText}`;
    if (depth >= maxDepth) return `${alias}${field.name}${argumentText} { __typename }`;
    return `${alias}${field.name}${argumentText} ${selection(random, fieldType, depth + 1, maxDepth)}`;
  });
  return `{ ${parts.join(' ')} }`;
}

function generatedQuery(random: Random, schema: GraphQLSchema): string {
  const root = random.next() < 0.9 ? schema.getQueryType()! : schema.getMutationType()!;
  const text = `${root === schema.getMutationType() ? 'mutation ' : ''}${selection(random, root, 0, 1 + random.integer(14))}`;
  const mangle = random.next();
  if (mangle < 0.1) return text.slice(0, random.integer(text.length));
  if (mangle < 0.15) return text.replaceAll('}', '');
  if (mangle < 0.2) return `${text} ${text}`;
  if (mangle < 0.23) return `query a ${text} query b ${text} fragment f on Nope { x }`;
  if (mangle < 0.25) return `{ ${'person(slug: "x") { name } '.repeat(50)} }`.replace(/person/g, (_, index: number) => `p${index}: person`);
  if (mangle < 0.28) return fragmentDag(random);
  if (mangle < 0.31) return aliasedIntrospection(random);
  return text;
}

/** Named fragments each spreading one or two of the level below: exponential if expanded, linear to measure. */
function fragmentDag(random: Random): string {
  const levels = 2 + random.integer(30);
  const names = ['A', 'B', 'C'].slice(0, 1 + random.integer(3));
  const leaf = random.pick(['articles(first: 1) { nodes { title } }', 'x: people(first: 2) { nodes { name } }', '__typename', 'search(query: "a") { articles(first: 1) { totalCount } }']);
  let document = `query { ${names.map((name) => `...${name}${levels}`).join(' ')} }\n`;
  for (const name of names) document += `fragment ${name}0 on Query { ${leaf} }\n`;
  for (let level = 1; level <= levels; level++) {
    for (const name of names) {
      const spreads = Array.from({ length: 1 + random.integer(2) }, () => `...${random.pick(names)}${level - 1}`);
      document += `fragment ${name}${level} on Query { ${spreads.join(' ')} }\n`;
    }
  }
  return document;
}

/** Many aliases of introspection subtrees, which once counted as nothing. */
function aliasedIntrospection(random: Random): string {
  const subtree = random.pick(['__schema { types { name fields { name args { name } } } }', '__type(name: "Article") { fields { name type { name ofType { name } } } }', '__schema { queryType { name } }']);
  return `{ ${Array.from({ length: 1 + random.integer(3_000) }, (_, index) => `i${index}: ${subtree}`).join(' ')} }`;
}

function randomVariables(random: Random): unknown {
  return random.pick([
    undefined,
    {},
    { first: 'many' },
    { slug: { nested: [1, 2, 3] } },
    { after: null, first: 1e12 },
    [1, 2, 3],
    'variables',
    { text: 'x'.repeat(1000) },
  ]);
}

interface FuzzRequest {
  body: string;
  contentType: string;
  method: 'GET' | 'POST';
}

function generatedRequest(random: Random, schema: GraphQLSchema): FuzzRequest {
  const kind = random.next();
  if (kind < 0.05) {
    const bytes = Array.from({ length: random.integer(200) }, () => String.fromCharCode(random.integer(256))).join('');
    return { body: bytes, contentType: random.pick(['application/json', 'text/plain', 'application/octet-stream']), method: 'POST' };
  }
  if (kind < 0.08) return { body: `{"query": "${'{ a '.repeat(1000)}"`, contentType: 'application/json', method: 'POST' };
  if (kind < 0.09) return { body: JSON.stringify({ query: `{ __typename } #${'x'.repeat(700_000)}` }), contentType: 'application/json', method: 'POST' };
  if (kind < 0.12) return { body: generatedQuery(random, schema), contentType: 'application/json', method: 'GET' };
  const body = { query: generatedQuery(random, schema), variables: randomVariables(random), operationName: random.next() < 0.1 ? 'missing' : undefined };
  return { body: JSON.stringify(random.next() < 0.05 ? [body, body] : body), contentType: 'application/json', method: 'POST' };
}

let api: TestApi;
let schema: GraphQLSchema;
beforeAll(async () => {
  api = await startTestApi();
  schema = await buildQuotegraphSchema();
});
afterAll(() => api?.close());

describe('fuzzing the API', () => {
  it(`survives ${CASES} generated hostile requests with no 5xx and no leaked internals`, async () => {
    const random = randomGenerator(20261123);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const requests = Array.from({ length: CASES }, () => generatedRequest(random, schema));
    for (let start = 0; start < requests.length; start += PARALLEL) {
      await Promise.all(
        requests.slice(start, start + PARALLEL).map(async (request, offset) => {
          const url = request.method === 'GET' ? `${api.url}?query=${encodeURIComponent(request.body)}` : api.url;
          const response = await fetch(url, {
            method: request.method,
            headers: { 'content-type': request.contentType, 'apollo-require-preflight': 'true' },
            body: request.method === 'POST' ? request.body : undefined,
          });
          const text = await response.text();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status >= 500 || LEAKS.test(text)) {
            failures.push(`case ${start + offset}: ${response.status} ${text.slice(0, 300)} <- ${request.body.slice(0, 300)}`);
          }
        }),
      );
    }
    expect(failures).toEqual([]);
    // The generator reached both answers and refusals.
    expect(statuses.get(200)).toBeGreaterThan(CASES / 40);
    expect(statuses.get(400)).toBeGreaterThan(CASES / 10);
    expect((await fetch(new URL('/healthz', api.url))).status).toBe(200);
  });
});
