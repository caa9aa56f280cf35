// The request shapes the benchmark measures, each written three ways (our API, PostGraphile's
// amber schema, and one hand-written SQL statement for the floor server), with a canonical form of
// each answer so that the runner can check that all three return the same data.

export type ServerKind = 'quotegraph' | 'postgraphile' | 'floor';

export interface ShapeParameters {
  personSlug: string;
  articleSlug: string;
  /** The rare word of shape (d). */
  search: string;
  /** More searches, each a shape of its own named d-<name>: a common word, two words, a phrase. */
  searches?: Array<{ name: string; query: string }>;
}

export interface Shape {
  name: string;
  description: string;
  quotegraph: string;
  postgraphile: string;
  /** One statement answering the request with the whole response body ({"data": ...}) as text. */
  floor: { sql: string; parameters: unknown[] };
  /** The answer's data in a form shared by all servers. */
  canonical(kind: ServerKind, data: any): unknown;
}

/** Timestamps as UTC ISO strings, whichever way a server writes them. */
function instant(value: string | null | undefined): string | null {
  if (value == null) return null;
  const zoned = /(Z|[+-]\d\d(:?\d\d)?)$/.test(value) ? value : `${value}Z`;
  return new Date(zoned).toISOString();
}

const byName = (left: { name: string; slug?: string }, right: { name: string; slug?: string }) =>
  left.name.localeCompare(right.name) || (left.slug ?? '').localeCompare(right.slug ?? '');

/** Quotegraph and the floor answer in the same shape; PostGraphile in its own. */
const ours = (kind: ServerKind) => kind !== 'postgraphile';

function string(value: string): string {
  return JSON.stringify(value);
}

export function buildShapes({ personSlug, articleSlug, search, searches = [] }: ShapeParameters): Shape[] {
  const personQuotes: Shape = {
    name: 'a',
    description: 'a person by slug, first 20 quotes newest first, each with article title, date and source',
    quotegraph: `{ person(slug: ${string(personSlug)}) { name quotes(first: 20) { nodes { text date article { title date source { name } } } } } }`,
    postgraphile: `{ personBySlug(slug: ${string(personSlug)}) { name quotesBySpeakerId(first: 20, orderBy: [DATE_DESC, ROW_ID_DESC]) { nodes { text date articleByArticleId { title date sourceBySourceId { name } } } } } }`,
    floor: {
      sql: `SELECT json_build_object('data', json_build_object('person', (
          SELECT json_build_object('name', p."name", 'quotes', json_build_object('nodes', array_to_json(ARRAY(
            SELECT json_build_object('text', q."text", 'date', q."date", 'article', json_build_object(
                'title', a."title", 'date', a."date",
                'source', (SELECT json_build_object('name', s."name") FROM "Source" s WHERE s."id" = a."sourceId")))
            FROM (SELECT "id", "text", "date", "articleId" FROM "Quote" WHERE "speakerId" = p."id" AND "articlePublished" AND NOT "retracted"
                  ORDER BY "date" DESC, "id" DESC LIMIT 20) q
            JOIN "Article" a ON a."id" = q."articleId" ORDER BY q."date" DESC, q."id" DESC))))
          FROM "Person" p WHERE p."slug" = $1)))::text AS body`,
      parameters: [personSlug],
    },
    canonical(kind, data) {
      const person = ours(kind) ? data.person : data.personBySlug;
      if (!person) return null;
      const quotes = ours(kind) ? person.quotes.nodes : person.quotesBySpeakerId.nodes;
      return {
        name: person.name,
        quotes: quotes.map((quote: any) => {
          const article = ours(kind) ? quote.article : quote.articleByArticleId;
          const source = ours(kind) ? article.source : article.sourceBySourceId;
          return { text: quote.text, date: instant(quote.date), article: { title: article.title, date: instant(article.date), source: source?.name ?? null } };
        }),
      };
    },
  };

  const frontPage: Shape = {
    name: 'b',
    description: 'first 20 articles newest first, with source, topics and first 5 quotes with speaker names',
    quotegraph: `{ articles(first: 20) { nodes { title date source { name } topics(first: 10) { nodes { name } } quotes(first: 5) { nodes { text speaker { name } } } } } }`,
    postgraphile: `{ allArticles(first: 20, orderBy: [DATE_DESC, ROW_ID_DESC]) { nodes { title date sourceBySourceId { name } articleTopicsByArticleId(first: 10) { nodes { topicByTopicId { name } } } quotesByArticleId(first: 5, orderBy: [POSITION_ASC]) { nodes { text personBySpeakerId { name } } } } } }`,
    floor: {
      sql: `SELECT json_build_object('data', json_build_object('articles', json_build_object('nodes', array_to_json(ARRAY(SELECT
          json_build_object('title', a."title", 'date', a."date",
            'source', (SELECT json_build_object('name', s."name") FROM "Source" s WHERE s."id" = a."sourceId"),
            'topics', json_build_object('nodes', array_to_json(ARRAY(
              SELECT json_build_object('name', t."name")
              FROM (SELECT t."id", t."name" FROM "Topic" t JOIN "ArticleTopic" tagged ON tagged."topicId" = t."id"
                    WHERE tagged."articleId" = a."id" ORDER BY t."name", t."id" LIMIT 10) t ORDER BY t."name", t."id"))),
            'quotes', json_build_object('nodes', array_to_json(ARRAY(
              SELECT json_build_object('text', q."text",
                  'speaker', (SELECT json_build_object('name', p."name") FROM "Person" p WHERE p."id" = q."speakerId"))
              FROM (SELECT "id", "text", "position", "speakerId" FROM "Quote" WHERE "articleId" = a."id" AND "articlePublished" AND NOT "retracted"
                    ORDER BY "position", "id" LIMIT 5) q ORDER BY q."position", q."id"))))
          FROM (SELECT "id", "title", "date", "sourceId" FROM "Article" WHERE "published" ORDER BY "date" DESC, "id" DESC LIMIT 20) a
          ORDER BY a."date" DESC, a."id" DESC)))))::text AS body`,
      parameters: [],
    },
    canonical(kind, data) {
      const articles = ours(kind) ? data.articles.nodes : data.allArticles.nodes;
      return articles.map((article: any) => {
        const source = ours(kind) ? article.source : article.sourceBySourceId;
        const topics = ours(kind)
          ? article.topics.nodes.map((topic: any) => topic.name)
          : article.articleTopicsByArticleId.nodes.map((tagged: any) => tagged.topicByTopicId.name);
        const quotes = ours(kind) ? article.quotes.nodes : article.quotesByArticleId.nodes;
        return {
          title: article.title,
          date: instant(article.date),
          source: source?.name ?? null,
          topics: topics.sort(),
          quotes: quotes.map((quote: any) => ({ text: quote.text, speaker: (ours(kind) ? quote.speaker : quote.personBySpeakerId)?.name ?? null })),
        };
      });
    },
  };

  const wholeArticle: Shape = {
    name: 'c',
    description: 'one article by slug with everything nested',
    quotegraph: `{ article(slug: ${string(articleSlug)}) { title slug byline dateline standfirst creditLine paragraphs date source { name slug }
      contributors(first: 10) { nodes { name } } authors(first: 10) { nodes { name slug } } people(first: 20) { nodes { name slug } }
      topics(first: 10) { nodes { name slug } } quotes(first: 20) { nodes { text kind position speaker { name slug } } } } }`,
    postgraphile: `{ articleBySlug(slug: ${string(articleSlug)}) { title slug byline dateline standfirst creditLine paragraphs date sourceBySourceId { name slug }
      articleContributorsByArticleId(first: 10) { nodes { sourceBySourceId { name } } }
      articleAuthorsByArticleId(first: 10) { nodes { personByPersonId { name slug } } }
      articleMentionsByArticleId(first: 20) { nodes { personByPersonId { name slug } } }
      articleTopicsByArticleId(first: 10) { nodes { topicByTopicId { name slug } } }
      quotesByArticleId(first: 20, orderBy: [POSITION_ASC]) { nodes { text kind position personBySpeakerId { name slug } } } } }`,
    floor: {
      sql: `SELECT json_build_object('data', json_build_object('article', (
          SELECT json_build_object('title', a."title", 'slug', a."slug", 'byline', a."byline", 'dateline', a."dateline",
            'standfirst', a."standfirst", 'creditLine', a."creditLine", 'paragraphs', a."paragraphs", 'date', a."date",
            'source', (SELECT json_build_object('name', s."name", 'slug', s."slug") FROM "Source" s WHERE s."id" = a."sourceId"),
            'contributors', json_build_object('nodes', array_to_json(ARRAY(
              SELECT json_build_object('name', s."name")
              FROM (SELECT s."id", s."name" FROM "Source" s JOIN "ArticleContributor" credit ON credit."sourceId" = s."id"
                    WHERE credit."articleId" = a."id" ORDER BY s."name", s."id" LIMIT 10) s ORDER BY s."name", s."id"))),
            'authors', json_build_object('nodes', array_to_json(ARRAY(
              SELECT json_build_object('name', p."name", 'slug', p."slug")
              FROM (SELECT p."id", p."name", p."slug", byline."position" FROM "Person" p JOIN "ArticleAuthor" byline ON byline."personId" = p."id"
                    WHERE byline."articleId" = a."id" ORDER BY byline."position", p."id" LIMIT 10) p ORDER BY p."position", p."id"))),
            'people', json_build_object('nodes', array_to_json(ARRAY(
              SELECT json_build_object('name', p."name", 'slug', p."slug")
              FROM (SELECT p."id", p."name", p."slug" FROM "Person" p JOIN "ArticleMention" mention ON mention."personId" = p."id"
                    WHERE mention."articleId" = a."id" ORDER BY p."name", p."id" LIMIT 20) p ORDER BY p."name", p."id"))),
            'topics', json_build_object('nodes', array_to_json(ARRAY(
              SELECT json_build_object('name', t."name", 'slug', t."slug")
              FROM (SELECT t."id", t."name", t."slug" FROM "Topic" t JOIN "ArticleTopic" tagged ON tagged."topicId" = t."id"
                    WHERE tagged."articleId" = a."id" ORDER BY t."name", t."id" LIMIT 10) t ORDER BY t."name", t."id"))),
            'quotes', json_build_object('nodes', array_to_json(ARRAY(
              SELECT json_build_object('text', q."text", 'kind', q."kind", 'position', q."position",
                  'speaker', (SELECT json_build_object('name', p."name", 'slug', p."slug") FROM "Person" p WHERE p."id" = q."speakerId"))
              FROM (SELECT "id", "text", "kind", "position", "speakerId" FROM "Quote" WHERE "articleId" = a."id" AND "articlePublished" AND NOT "retracted"
                    ORDER BY "position", "id" LIMIT 20) q ORDER BY q."position", q."id"))))
          FROM "Article" a WHERE a."slug" = $1 AND a."published")))::text AS body`,
      parameters: [articleSlug],
    },
    canonical(kind, data) {
      const article = ours(kind) ? data.article : data.articleBySlug;
      if (!article) return null;
      const people = (nodes: any[], key: string) => nodes.map((node) => (ours(kind) ? node : node[key])).map(({ name, slug }: any) => ({ name, slug }));
      const quotes = ours(kind) ? article.quotes.nodes : article.quotesByArticleId.nodes;
      return {
        title: article.title,
        slug: article.slug,
        byline: article.byline,
        dateline: article.dateline,
        standfirst: article.standfirst,
        creditLine: article.creditLine,
        paragraphs: article.paragraphs,
        date: instant(article.date),
        source: ours(kind) ? article.source : article.sourceBySourceId,
        contributors: (ours(kind)
          ? article.contributors.nodes.map((source: any) => source.name)
          : article.articleContributorsByArticleId.nodes.map((credit: any) => credit.sourceBySourceId.name)
        ).sort(),
        authors: people(ours(kind) ? article.authors.nodes : article.articleAuthorsByArticleId.nodes, 'personByPersonId').sort(byName),
        people: people(ours(kind) ? article.people.nodes : article.articleMentionsByArticleId.nodes, 'personByPersonId').sort(byName),
        topics: (ours(kind) ? article.topics.nodes : article.articleTopicsByArticleId.nodes.map((tagged: any) => tagged.topicByTopicId))
          .map(({ name, slug }: any) => ({ name, slug }))
          .sort(byName),
        quotes: quotes.map((quote: any) => {
          const speaker = ours(kind) ? quote.speaker : quote.personBySpeakerId;
          return { text: quote.text, kind: quote.kind, position: quote.position, speaker: speaker && { name: speaker.name, slug: speaker.slug } };
        }),
      };
    },
  };

  const searchShape = (name: string, search: string): Shape => ({
    name,
    description: `full-text search ${JSON.stringify(search)}: 10 best articles and 10 best quotes with speakers`,
    quotegraph: `{ search(query: ${string(search)}) { articles(first: 10) { nodes { title slug } } quotes(first: 10) { nodes { text speaker { name } } } } }`,
    postgraphile: `{ benchSearchArticles(query: ${string(search)}, wanted: 10, first: 10) { nodes { title slug } } benchSearchQuotes(query: ${string(search)}, wanted: 10, first: 10) { nodes { text personBySpeakerId { name } } } }`,
    // The floor reads the ranked terms through the same function as Quotegraph (migration search_terms).
    floor: {
      sql: `SELECT json_build_object('data', json_build_object('search', json_build_object(
          'articles', json_build_object('nodes', array_to_json(ARRAY(
            SELECT json_build_object('title', a."title", 'slug', a."slug")
            FROM "quotegraph_search"('ARTICLE', $1, NULL, NULL, 10) found JOIN "Article" a ON a."id" = found."id" ORDER BY found."rank" DESC, found."id" DESC))),
          'quotes', json_build_object('nodes', array_to_json(ARRAY(
            SELECT json_build_object('text', q."text",
                'speaker', (SELECT json_build_object('name', p."name") FROM "Person" p WHERE p."id" = q."speakerId"))
            FROM "quotegraph_search"('QUOTE', $1, NULL, NULL, 10) found JOIN "Quote" q ON q."id" = found."id" ORDER BY found."rank" DESC, found."id" DESC))))))::text AS body`,
      parameters: [search],
    },
    canonical(kind, data) {
      const articles = ours(kind) ? data.search.articles.nodes : data.benchSearchArticles.nodes;
      const quotes = ours(kind) ? data.search.quotes.nodes : data.benchSearchQuotes.nodes;
      return {
        articles: articles.map(({ title, slug }: any) => ({ title, slug })),
        quotes: quotes.map((quote: any) => ({ text: quote.text, speaker: (ours(kind) ? quote.speaker : quote.personBySpeakerId)?.name ?? null })),
      };
    },
  });

  const lavrov: Shape = {
    name: 'lavrov',
    description: 'the README example: a person with aliases, totalCount and 20 quotes with article and source',
    quotegraph: `{ person(slug: ${string(personSlug)}) { name aliases quotes(first: 20) { totalCount edges { node { text article { title source { name } } } } } } }`,
    postgraphile: `{ personBySlug(slug: ${string(personSlug)}) { name personAliasesByPersonId(first: 100) { nodes { alias } }
      quotesBySpeakerId(first: 20, orderBy: [DATE_DESC, ROW_ID_DESC]) { totalCount edges { node { text articleByArticleId { title sourceBySourceId { name } } } } } } }`,
    floor: {
      sql: `SELECT json_build_object('data', json_build_object('person', (
          SELECT json_build_object('name', p."name",
            'aliases', array_to_json(ARRAY(SELECT alias."alias" FROM "PersonAlias" alias WHERE alias."personId" = p."id" ORDER BY alias."id")),
            'quotes', json_build_object(
              'totalCount', p."quoteCount",
              'edges', array_to_json(ARRAY(
                SELECT json_build_object('node', json_build_object('text', q."text", 'article', json_build_object(
                    'title', a."title", 'source', (SELECT json_build_object('name', s."name") FROM "Source" s WHERE s."id" = a."sourceId"))))
                FROM (SELECT "id", "text", "date", "articleId" FROM "Quote" WHERE "speakerId" = p."id" AND "articlePublished" AND NOT "retracted"
                      ORDER BY "date" DESC, "id" DESC LIMIT 20) q
                JOIN "Article" a ON a."id" = q."articleId" ORDER BY q."date" DESC, q."id" DESC))))
          FROM "Person" p WHERE p."slug" = $1)))::text AS body`,
      parameters: [personSlug],
    },
    canonical(kind, data) {
      const person = ours(kind) ? data.person : data.personBySlug;
      if (!person) return null;
      const quotes = ours(kind) ? person.quotes : person.quotesBySpeakerId;
      return {
        name: person.name,
        aliases: (ours(kind) ? person.aliases : person.personAliasesByPersonId.nodes.map((alias: any) => alias.alias)).sort(),
        totalCount: quotes.totalCount,
        quotes: quotes.edges.map(({ node }: any) => {
          const article = ours(kind) ? node.article : node.articleByArticleId;
          return { text: node.text, article: { title: article.title, source: (ours(kind) ? article.source : article.sourceBySourceId)?.name ?? null } };
        }),
      };
    },
  };

  return [
    personQuotes,
    frontPage,
    wholeArticle,
    searchShape('d', search),
    lavrov,
    ...searches.map(({ name, query }) => searchShape(`d-${name}`, query)),
  ];
}
