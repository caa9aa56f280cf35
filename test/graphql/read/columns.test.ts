// Statements read only the columns a query's fields need. Every field of every type (a to-one
// relation by its id), asked for on
// its own along each way its rows are read (a list, a nested page, a joined row, a lookup by slug),
// answers as the same object read whole through `node(id)`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../support/api.js';

let api: TestApi;
let slugs: { article: string; person: string };

beforeAll(async () => {
  // The read engine's statements, on the path graphql-js answers (direct answers, which compare their
  // statement's answer after a request's, count theirs in direct-answers.test.ts).
  api = await startTestApi({ config: { directAnswers: false } });
  const found = await api.query('{ articles(first: 1) { nodes { slug } } people(first: 1) { nodes { slug } } }');
  slugs = { article: found.data.articles.nodes[0].slug, person: found.data.people.nodes[0].slug };
});
afterAll(() => api?.close());

/** Each way rows of a type are read; `%` is the selection on those rows. */
function pathsTo(type: string): string[] {
  const paths: Record<string, string[]> = {
    Article: [
      'articles(first: 3) { nodes { % } }',
      'topics(first: 2) { nodes { articles(first: 3) { nodes { % } } } }',
      'quotes(first: 3) { nodes { article { % } } }',
      `article(slug: "${slugs.article}") { % }`,
    ],
    Quote: ['quotes(first: 3) { nodes { % } }', 'articles(first: 2) { nodes { quotes(first: 3) { edges { node { % } } } } }'],
    Person: [
      'people(first: 3) { nodes { % } }',
      'articles(first: 2) { nodes { people(first: 3) { nodes { % } } } }',
      'quotes(first: 3) { nodes { speaker { % } } }',
      `person(slug: "${slugs.person}") { % }`,
    ],
    Source: ['sources(first: 3) { nodes { % } }', 'articles(first: 3) { nodes { source { % } } }'],
    Topic: ['topics(first: 3) { nodes { % } }', 'articles(first: 2) { nodes { topics(first: 3) { nodes { % } } } }'],
  };
  return paths[type]!;
}

/** Every object carrying an `id` in a response. */
function objectsIn(value: unknown, into: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) for (const item of value) objectsIn(item, into);
  else if (value && typeof value === 'object') {
    if ('id' in value) into.push(value as Record<string, unknown>);
    for (const child of Object.values(value)) objectsIn(child, into);
  }
  return into;
}

describe('columns read', () => {
  it('are enough for every field, whichever way its rows are read', async () => {
    const schema = await api.query(
      `{ __schema { types { name fields { name args { name } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`,
    );
    const named = (type: any): any => (type.ofType ? named(type.ofType) : type);
    // Scalars as they are, to-one relations by their id (connections take arguments), and objects
    // without an id (a quote's attribution, correction notices) whole.
    const wholeObjects: Record<string, string> = { Attribution: 'method confidence', CorrectionNotice: 'what note correctedAt' };
    const selection = (field: any): string | null => {
      if (field.args.length > 0) return null;
      const type = named(field.type);
      if (type.kind !== 'OBJECT') return field.name;
      return `${field.name} { ${wholeObjects[type.name] ?? 'id'} }`;
    };
    let compared = 0;
    for (const type of ['Article', 'Quote', 'Person', 'Source', 'Topic']) {
      const fields = schema.data.__schema.types.find((found: any) => found.name === type).fields;
      for (const field of fields.filter((candidate: any) => selection(candidate) !== null)) {
        for (const path of pathsTo(type)) {
          const query = `{ ${path.replace('%', `id ${selection(field)}`)} }`;
          const result = await api.query(query);
          expect(result.errors, query).toBeUndefined();
          const objects = objectsIn(result.data);
          expect(objects.length, query).toBeGreaterThan(0);
          for (const object of objects) {
            const whole = await api.query(`{ node(id: "${object.id}") { ... on ${type} { ${selection(field)} } } }`);
            expect(object[field.name], `${query} ${object.id}`).toEqual(whole.data.node[field.name]);
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
