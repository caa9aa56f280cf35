// Operations of every kind the API answers and refuses, for tests that run each through two paths
// and compare the answers (compiled execution, direct answers).

/** A GraphQL request as a client sends it. */
export interface OperationRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

const QUOTE = 'text kind position date retracted speaker { name slug aliases } article { title slug date source { name } }';

/**
 * Fragments spreading the next one twice, thirty deep: 93 selections as graphql-js collects them, 2^30
 * written out (graphql-jit and the read engine's selection walks once killed the process on it).
 */
export const FRAGMENTS_WITHIN_FRAGMENTS = `{ person(slug: "sergey-lavrov") { ...F0 } } ${Array.from(
  { length: 30 },
  (_, index) => `fragment F${index} on Person { name ...F${index + 1} ...F${index + 1} }`,
).join(' ')} fragment F30 on Person { slug }`;

/** Operations and their variables: every kind of selection, argument and failure the API has. */
export function operations(personId: string, articleSlug: string): OperationRequest[] {
  return [
    // The benchmark's shapes.
    { query: '{ person(slug: "sergey-lavrov") { name quotes(first: 20) { nodes { text date article { title date source { name } } } } } }' },
    { query: '{ articles(first: 20) { nodes { title date source { name } topics(first: 10) { nodes { name } } quotes(first: 5) { nodes { text speaker { name } } } } } }' },
    { query: `{ article(slug: "${articleSlug}") { title slug byline dateline standfirst paragraphs date source { name slug }
        topics(first: 10) { nodes { name slug } } quotes(first: 20) { nodes { ${QUOTE} } } } }` },
    { query: '{ person(slug: "sergey-lavrov") { name aliases quotes(first: 20) { totalCount edges { cursor node { text article { title source { name } } } } } } }' },
    { query: '{ search(query: "sanctions") { articles(first: 10) { nodes { title slug } } quotes(first: 10) { nodes { text speaker { name } } } } }' },
    // Interfaces, fragments, __typename, variables with defaults, directives.
    {
      query: `query Node($id: ID!, $withQuotes: Boolean = true) {
        node(id: $id) { __typename id ... on Person { name ...Quoted @include(if: $withQuotes) } ... on Article { title } } }
        fragment Quoted on Person { quotes(first: 3) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id ${QUOTE} } } }`,
      variables: { id: personId },
    },
    { query: 'query Node($id: ID!) { node(id: $id) { id ... on Person { name @skip(if: true) slug } } }', variables: { id: personId } },
    { query: '{ a: node(id: "not-an-id") { id } b: node(id: "UGVyc29uOjk5OTk5") { id } }' },
    // Aliases a compiled function must keep as plain keys.
    { query: '{ __proto__: people(first: 2) { nodes { name } } constructor: topics(first: 2) { nodes { name } } toString: sources(first: 2) { nodes { name } } }' },
    { query: '{ hasOwnProperty: person(slug: "sergey-lavrov") { valueOf: name } }' },
    // Arguments of every kind, pages backwards, filters.
    { query: 'query ($from: DateTimeISO) { quotes(last: 3, from: $from, speaker: "Lavrov") { edges { cursor node { text date } } pageInfo { hasPreviousPage } } }', variables: { from: '2000-01-01T00:00:00Z' } },
    { query: '{ quotes(first: 5, orderBy: OLDEST_FIRST, includeRetracted: true) { totalCount nodes { id text retracted } } }' },
    { query: '{ articles(first: 3, orderBy: OLDEST_FIRST, topic: "russia") { totalCount nodes { title topics(first: 2) { totalCount nodes { name } } } } }' },
    { query: '{ people(first: 5, name: "lav") { nodes { name slug aliases quotes(first: 1) { totalCount } } } }' },
    // What one statement can answer whole (src/graphql/read/whole-operation.ts): every scalar kind,
    // global ids, __typename, aliases, fragments, @skip/@include by variable, edges without cursors,
    // counts, pages backwards and after a cursor, filters, lookups through redirects, every root list.
    {
      query: `query Front($n: Int = 4, $withPeople: Boolean!) { __typename latest: articles(first: $n) { __typename totalCount edges { __typename node { ...Card } } } }
        fragment Card on Article { id __typename headline: title slug date publishedAt ingestedAt titleDerived revision version published corrected url
          source { __typename id name slug version } people(first: 3) @include(if: $withPeople) { totalCount nodes { name slug } } ... on Node { nodeId: id } }`,
      variables: { withPeople: true },
    },
    { query: 'query ($slug: String!) { person(slug: $slug) { id slug name role affiliation version aliases articles(first: 2) { nodes { title } } authoredArticles(first: 2) { totalCount } } }', variables: { slug: 'sergey-lavrov' } },
    { query: 'query ($slug: String!) { person(slug: $slug) { name } }', variables: { slug: 'no-such-person' } },
    { query: `{ article(slug: "${articleSlug}") { body paragraphs contributors(first: 3) { nodes { name } } authors(first: 3) { nodes { name } } quotes(last: 3) { nodes { id text kind position startOffset endOffset speakerDescription } } } }` },
    { query: '{ topics(first: 3) { totalCount nodes { id name slug version articles(first: 2) { totalCount nodes { title } } quotes(first: 2, includeRetracted: true) { totalCount nodes { text } } } } }' },
    { query: '{ sources(last: 2) { totalCount nodes { name articles(first: 1) { totalCount nodes { title } } contributedArticles(first: 1) { totalCount } } } }' },
    { query: '{ quotes(first: 4, speaker: "Lavrov") { totalCount nodes { text speaker { name } article { title } } } }' },
    { query: 'query ($skipArticles: Boolean = false) { search(query: "  Lavrov sanctions ") { __typename articles(first: 3) @skip(if: $skipArticles) { totalCount nodes { title } } hits: quotes(last: 2) { nodes { text } } } }' },
    { query: '{ search(query: "") { articles(first: 1) { nodes { title } } } }' },
    { query: 'query ($after: String) { quotes(first: 2, after: $after) { nodes { text } } }', variables: { after: null } },
    { query: FRAGMENTS_WITHIN_FRAGMENTS },
    // Several operations in one document, one chosen by name.
    { query: 'query One { sources(first: 1) { nodes { name } } } query Two { topics(first: 1) { nodes { name } } }', operationName: 'Two' },
    // Introspection.
    { query: '{ __schema { queryType { name } types { name kind } } __type(name: "Quote") { fields { name type { name kind ofType { name } } } } }' },
    // Failures: a bad cursor, a bad page size, variables refused, an unknown operation name, a null slug.
    { query: '{ quotes(first: 2, after: "bad-cursor") { nodes { text } } }' },
    { query: '{ articles(first: -1) { nodes { title } } }' },
    { query: 'query ($from: DateTimeISO) { quotes(first: 1, from: $from) { nodes { text } } }', variables: { from: '2019-02-30' } },
    { query: 'query ($first: Int!) { quotes(first: $first) { nodes { text } } }', variables: {} },
    { query: '{ sources(first: 1) { nodes { name } } }', operationName: 'Missing' },
    { query: '{ person(slug: "nobody-at-all") { name } article(slug: "") { title } }' },
  ];
}

