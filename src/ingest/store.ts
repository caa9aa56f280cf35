// Writes an ArticleDraft to the database in one transaction. An article is identified by its url (or
// the publisher's externalId) when the ingest is given one, else by its text: the same text again
// changes nothing, and new text for a known url becomes the article's next revision, replacing its
// text, quotes and mentions while its id, its slug and the ids of the quotes still in it stay, and
// every editor's correction still applies wherever its quote is still in the text. People are merged
// with those already known by name and alias, so "Sergei Lavrov" in a new article joins the Sergey
// Lavrov of an older one; sources and topics renamed or merged by editors are found under their old
// names. Plain SQL through a SqlWriter (src/db/writer.ts), a handful of statements whatever the
// article holds: rows go in as whole arrays. A batch (storeArticles) writes its new articles with the
// same handful of statements for all of them, and the names they give in one (store-names.ts). Every
// article stored or revised writes an entry in the record of changes.
import { refreshIngestStatistics } from '../db/table-statistics.js';
import { lockForIngest } from '../db/write-locks.js';
import { utcTimestamp, type SqlSession, type SqlWriter } from '../db/writer.js';
import { recordChanges } from '../editorial/change-record.js';
import { CORRECTION_JSON } from '../editorial/correction-facts.js';
import {
  applyQuoteCorrections,
  articleNotices,
  isQuoteCorrection,
  numberOccurrences,
  quoteNotices,
  type CorrectionFact,
  type QuoteToStore,
} from '../editorial/corrections.js';
import type { ArticleDraft } from './draft.js';
import { slugify } from './slug.js';
import {
  canonicalSourceName,
  NameRegister,
  namesOf,
  personKeysOf,
  type ArticleNames,
  type RegisteredNames,
  type StoredNames,
} from './store-names.js';

/** What the ingest knows of an article beside its draft. */
export interface StoreOptions {
  /** The raw text the draft was extracted from, kept as the revision's text (quote offsets count in it). */
  text?: string | null;
  /** The publisher's own id for the story: the article's identity when there is no url. */
  externalId?: string | null;
  /** Name of the API key storing it, for the record; null (the default) on the command line. */
  keyName?: string | null;
}

/** A correction that no longer applies: its quote is not in the article's new text. */
export interface StaleCorrection {
  kind: CorrectionFact['kind'];
  /** The quote's words as extracted (or added) when it was corrected. */
  quoteText: string;
  note: string | null;
  keyName: string | null;
  correctedAt: string;
}

export interface StoredArticle {
  articleId: number;
  slug: string;
  /** False when the article was known already (by its url, externalId or text). */
  created: boolean;
  /** True when new text for a known article became its next revision. */
  revised: boolean;
  /** The article's current revision. */
  revision: number;
  /** After a revision: the corrections whose quote its new text no longer holds. */
  correctionsNoLongerApplying: StaleCorrection[];
}

export { canonicalSourceName };

/** What one transaction writes with every row: its time, as the UTC text of a timestamp column. */
interface Write {
  session: SqlSession;
  now: string;
  keyName: string | null;
}

function writeOf(session: SqlSession, keyName: string | null): Write {
  return { session, now: utcTimestamp(new Date()), keyName };
}

/** The stored article a draft is a text of, found by its identity. */
interface KnownArticle {
  id: number;
  slug: string;
  url: string | null;
  externalId: string | null;
  contentHash: string;
  revision: number;
  title: string;
  published: boolean;
  /** When it was first ingested (UTC timestamp text). */
  ingestedAt: string;
  /** Whether one of its revisions has the draft's text. */
  hasText: boolean;
}

/** A draft on its way into the database, with what the ingest knows beside it. */
interface Pending {
  draft: ArticleDraft;
  options: StoreOptions;
  externalId: string | null;
  names: ArticleNames;
}

function pendingOf(draft: ArticleDraft, options: StoreOptions): Pending {
  return { draft, options, externalId: options.externalId ?? null, names: namesOf(draft) };
}

/** What the database already holds of a transaction's drafts, read in one statement before anything is written. */
interface Known {
  /** Per draft, in order: the stored article it is a text of, and whether another article has its headline's slug. */
  drafts: { article: KnownArticle | null; slugTaken: boolean }[];
  names: StoredNames;
}

/** The article's identity: its url, else the publisher's id for it, else its text. */
function identityOf(draft: ArticleDraft, externalId: string | null): string {
  if (draft.url) return `url:${draft.url}`;
  if (externalId) return `external:${externalId}`;
  return textIdentity(draft);
}

function textIdentity(draft: ArticleDraft): string {
  return `text:${draft.contentHash}`;
}

/**
 * What ingests of the same article lock: its identity and its text, so that the same story given
 * with and without its url is still one article.
 */
function lockedIdentities({ draft, externalId }: Pending): string[] {
  const identity = identityOf(draft, externalId);
  return identity === textIdentity(draft) ? [identity] : [identity, textIdentity(draft)];
}

/**
 * Whether the stored `article` is the one `draft` is a text of: the article with its url or
 * externalId; without them, the article with its text. An article stored from the same text with
 * no url or externalId of its own is the one a url or externalId given now names, and takes it.
 */
function isArticleOf(article: KnownArticle, draft: ArticleDraft, externalId: string | null): boolean {
  if (draft.url && article.url === draft.url) return true;
  if (externalId && article.externalId === externalId) return true;
  if (!article.hasText) return false;
  if (!draft.url && !externalId) return true;
  return (draft.url ? article.url === null : true) && (externalId ? article.externalId === null : true);
}

/**
 * Sources and topics by slug, as a JSON object: their own slugs, and the old slugs of those renamed
 * or merged since (Redirect), so that an article naming them the old way finds them.
 */
function idsBySlug(table: 'Source' | 'Topic', parameter: string): string {
  return `(SELECT coalesce(json_object_agg(named."slug", named."id"), '{}') FROM (
      SELECT "slug", "id" FROM "${table}" WHERE "slug" = ANY(${parameter}::text[])
      UNION ALL
      SELECT redirect."slug", redirect."targetId" FROM "Redirect" redirect
      WHERE redirect."type" = '${table}' AND redirect."slug" = ANY(${parameter}::text[])
        AND NOT EXISTS (SELECT FROM "${table}" own WHERE own."slug" = redirect."slug")) named)`;
}

/** Reads, in one statement, what the database already holds of the drafts and the names in them. */
async function readKnown({ session }: Write, pending: Pending[]): Promise<Known> {
  const names = pending.map((item) => item.names);
  const [row] = await session.query<{
    drafts: { article: KnownArticle | null; slugTaken: boolean }[];
    sourceIds: Record<string, number>;
    topicIds: Record<string, number>;
    people: { id: number; name: string; role: string | null; affiliation: string | null; aliases: string[] }[];
    takenPersonSlugs: string[];
  }>(
    // Per draft, the article with its url or externalId comes first; else one with its text. The
    // three ways to find it are three index lookups.
    `SELECT
       (SELECT coalesce(json_agg(json_build_object('article', found."article",
            'slugTaken', EXISTS (SELECT FROM "Article" WHERE "slug" = draft."slug")) ORDER BY draft."order"), '[]')
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS draft("contentHash", "slug", "url", "externalId", "order")
        LEFT JOIN LATERAL (
          SELECT json_build_object('id', a."id", 'slug', a."slug", 'url', a."url", 'externalId', a."externalId",
              'contentHash', a."contentHash", 'revision', a."revision", 'title', a."title", 'published', a."published",
              'ingestedAt', a."ingestedAt"::text,
              'hasText', EXISTS (SELECT FROM "ArticleRevision" r WHERE r."articleId" = a."id" AND r."contentHash" = draft."contentHash")) AS "article"
          FROM "Article" a
          WHERE a."id" IN (SELECT "id" FROM "Article" WHERE "url" = draft."url"
                           UNION ALL SELECT "id" FROM "Article" WHERE "externalId" = draft."externalId"
                           UNION ALL SELECT "articleId" FROM "ArticleRevision" WHERE "contentHash" = draft."contentHash")
          ORDER BY (a."url" = draft."url") IS TRUE DESC, (a."externalId" = draft."externalId") IS TRUE DESC,
            (a."url" IS NULL AND a."externalId" IS NULL) DESC, a."id"
          LIMIT 1) found ON true) AS "drafts",
       ${idsBySlug('Source', '$5')} AS "sourceIds",
       ${idsBySlug('Topic', '$6')} AS "topicIds",
       (SELECT coalesce(json_agg(json_build_object(
           'id', "id", 'name', "name", 'role', "role", 'affiliation', "affiliation",
           'aliases', ARRAY(SELECT "alias" FROM "PersonAlias" WHERE "personId" = "Person"."id" ORDER BY "id")
         ) ORDER BY "id"), '[]')
        FROM "Person" WHERE "id" IN (SELECT "personId" FROM "PersonAlias" WHERE "normalized" = ANY($7::text[]))) AS "people",
       ARRAY(SELECT "slug" FROM "Person" WHERE "slug" = ANY($8::text[])
             UNION SELECT "slug" FROM "Redirect" WHERE "type" = 'Person' AND "slug" = ANY($8::text[])) AS "takenPersonSlugs"`,
    [
      pending.map(({ draft }) => draft.contentHash),
      pending.map(({ draft }) => slugify(draft.title)),
      pending.map(({ draft }) => draft.url),
      pending.map(({ externalId }) => externalId),
      [...new Set(names.flatMap((named) => named.sources.map(slugify)))],
      [...new Set(names.flatMap((named) => named.topics.map(slugify)))],
      [...new Set(names.flatMap(personKeysOf))],
      [...new Set(names.flatMap((named) => named.people.map((person) => slugify(person.name))))],
    ],
  );
  return {
    drafts: row!.drafts.map(({ article, slugTaken }, index) => {
      const { draft, externalId } = pending[index]!;
      return { article: article && isArticleOf(article, draft, externalId) ? article : null, slugTaken };
    }),
    names: {
      sourceIds: new Map(Object.entries(row!.sourceIds)),
      topicIds: new Map(Object.entries(row!.topicIds)),
      people: row!.people.map((person) => ({
        id: person.id,
        names: [person.name, ...person.aliases],
        role: person.role,
        affiliation: person.affiliation,
      })),
      takenPersonSlugs: new Set(row!.takenPersonSlugs),
    },
  };
}

/** The rows that hang from an article, as a draft names them: ids resolved, duplicates dropped. */
interface ArticleRows {
  authorIds: number[];
  contributorIds: number[];
  mentions: Map<number, string | null>;
  topicIds: number[];
  sourceId: number | null;
  /** The quotes as extracted, numbered by anchor (corrections not applied yet). */
  quotes: QuoteToStore[];
}

function rowsOf(draft: ArticleDraft, ids: { sourceIds: Map<string, number>; topicIds: Map<string, number>; personIds: Map<string, number> }): ArticleRows {
  const { sourceIds, topicIds, personIds } = ids;
  const mentions = new Map<number, string | null>();
  for (const person of draft.people) {
    const personId = personIds.get(person.name)!;
    if (!mentions.has(personId)) mentions.set(personId, person.role);
  }
  // A quote repeated by the same speaker (a standfirst echoing the body) is stored once.
  const seen = new Set<string>();
  const quotes = draft.quotes.filter((quote) => {
    const key = `${quote.speaker ?? quote.speakerDescription ?? ''}\u0000${quote.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    authorIds: [...new Set(draft.authors.map((name) => personIds.get(name)!))],
    contributorIds: [...new Set(draft.contributors.map((name) => sourceIds.get(canonicalSourceName(name))!))],
    mentions,
    topicIds: [...new Set(topicIds.values())],
    sourceId: draft.source ? sourceIds.get(canonicalSourceName(draft.source))! : null,
    quotes: numberOccurrences(
      quotes.map((quote) => ({
        anchor: quote.text,
        occurrence: 0,
        text: quote.text,
        start: quote.start,
        end: quote.end,
        kind: quote.kind === 'direct' ? ('DIRECT' as const) : ('PARTIAL' as const),
        speakerId: quote.speaker ? (personIds.get(quote.speaker) ?? null) : null,
        speakerDescription: quote.speakerDescription,
        attributionMethod: quote.attribution?.method ?? null,
        attributionConfidence: quote.attribution?.confidence ?? null,
        retracted: false,
      })),
    ),
  };
}

/** The quote columns as arrays, for `unnest` (parameters from `first` on, in the order quoteColumns names them). */
function quoteArrays(quotes: QuoteToStore[]): unknown[] {
  return [
    quotes.map((quote) => quote.text),
    quotes.map((quote) => quote.start),
    quotes.map((quote) => quote.end),
    quotes.map((quote) => quote.kind),
    quotes.map((quote) => quote.speakerId),
    quotes.map((quote) => quote.speakerDescription),
    // A quote's anchor is stored only when its words were changed since: most quotes keep one copy of their text.
    quotes.map((quote) => (quote.anchor === quote.text ? null : quote.anchor)),
    quotes.map((quote) => quote.occurrence),
    quotes.map((quote) => quote.attributionMethod),
    quotes.map((quote) => quote.attributionConfidence),
    quotes.map((quote) => quote.retracted),
  ];
}

/**
 * `unnest` over the arrays of quoteArrays, from parameter `$first`, as `quote(...)` with its place
 * in them ("position", from 1), and over `extra` arrays after them (SQL types and column names).
 */
function unnestQuotes(first: number, extra: [type: string, name: string][] = []): string {
  const types = ['text', 'int', 'int', 'text', 'int', 'text', 'text', 'int', 'text', 'float8', 'boolean', ...extra.map(([type]) => type)];
  const names = ['text', 'start', 'end', 'kind', 'speakerId', 'speakerDescription', 'anchor', 'occurrence', 'attributionMethod',
    'attributionConfidence', 'retracted', ...extra.map(([, name]) => name), 'position'];
  return `unnest(${types.map((type, index) => `$${first + index}::${type}[]`).join(', ')})
    WITH ORDINALITY AS quote(${names.map((name) => `"${name}"`).join(', ')})`;
}

/** A new article to insert, with its slug and the rows that hang from it. */
interface NewArticle {
  pending: Pending;
  slug: string;
  rows: ArticleRows;
}

/**
 * New articles and every row that hangs from them, their first revisions and their entries in the
 * record, in one statement however many articles there are: each table's rows go in as one JSON
 * array (`n` numbers the articles), so the statement-level triggers on them run once. Search
 * vectors are computed as the rows go in: title weighs more than standfirst, standfirst more than
 * body, in search ranking. Each article's quote count, and its topic links' copies of it, are written
 * with it: the quotes' trigger leaves the articles this statement creates alone (migration
 * article_counts_at_insert), where it used to write every new article's row a second time to count
 * them. Returns the articles' ids, in order.
 */
async function insertArticles(write: Write, articles: NewArticle[]): Promise<number[]> {
  const rows = articles.map(({ pending: { draft, options, externalId }, slug, rows: { quotes, sourceId } }, n) => {
    const publishedAt = draft.publishedAt ? utcTimestamp(new Date(draft.publishedAt)) : null;
    return {
      n,
      slug,
      contentHash: draft.contentHash,
      title: draft.title,
      byline: draft.byline,
      dateline: draft.dateline,
      standfirst: draft.standfirst,
      photoCaption: draft.photoCaption,
      creditLine: draft.creditLine,
      paragraphs: draft.paragraphs,
      publishedAt,
      // The date lists are ordered by; quotes carry their article's.
      date: publishedAt ?? write.now,
      sourceId,
      url: draft.url,
      externalId,
      titleDerived: draft.titleDerived ?? false,
      // Its listed quotes (the article is published as it is stored).
      quoteCount: quotes.filter((quote) => !quote.retracted).length,
      text: options.text ?? null,
      record: { title: draft.title, url: draft.url, externalId, revision: 1, contentHash: draft.contentHash, quotes: quotes.length },
    };
  });
  const each = <T>(rowsOf: (article: NewArticle) => T[]) => JSON.stringify(articles.flatMap((article, n) => rowsOf(article).map((row) => ({ n, ...row }))));
  const stored = await write.session.query<{ id: number; slug: string }>(
    `WITH draft AS (
       SELECT * FROM json_to_recordset($1::json) AS draft("n" int, "slug" text, "contentHash" text, "title" text, "byline" text,
         "dateline" text, "standfirst" text, "photoCaption" text, "creditLine" text, "paragraphs" text[],
         "publishedAt" timestamp, "date" timestamp, "sourceId" int, "url" text, "externalId" text, "titleDerived" boolean,
         "quoteCount" int, "text" text, "record" jsonb)),
     article AS (
       INSERT INTO "Article" ("slug", "contentHash", "title", "byline", "dateline", "standfirst", "photoCaption", "creditLine",
         "paragraphs", "body", "publishedAt", "ingestedAt", "date", "sourceId", "url", "externalId", "titleDerived", "quoteCount", "searchVector")
       SELECT "slug", "contentHash", "title", "byline", "dateline", "standfirst", "photoCaption", "creditLine",
         "paragraphs", "body", "publishedAt", $2::timestamp, "date", "sourceId", "url", "externalId", "titleDerived", "quoteCount",
         setweight(to_tsvector('english', "title"), 'A') ||
         setweight(to_tsvector('english', coalesce("standfirst", '')), 'B') ||
         setweight(to_tsvector('english', "body"), 'C')
       FROM draft, array_to_string(draft."paragraphs", E'\n\n') AS "body"
       ORDER BY "n"
       RETURNING "id", "slug", "published"),
     stored AS (SELECT article."id", article."published", draft.* FROM article JOIN draft ON draft."slug" = article."slug"),
     revision AS (
       INSERT INTO "ArticleRevision" ("articleId", "number", "title", "text", "contentHash", "ingestedAt", "keyName")
       SELECT "id", 1, "title", "text", "contentHash", $2::timestamp, $3::text FROM stored ORDER BY "n"),
     record AS (
       INSERT INTO "Change" ("at", "keyName", "action", "objectType", "objectId", "before", "after")
       SELECT $2::timestamp, $3::text, 'ingestArticle', 'Article', "id", NULL, "record" FROM stored ORDER BY "n"),
     authors AS (
       INSERT INTO "ArticleAuthor" ("articleId", "personId", "position")
       SELECT stored."id", author."personId", author."position"
       FROM json_to_recordset($4::json) AS author("n" int, "personId" int, "position" int) JOIN stored USING ("n")),
     contributors AS (
       INSERT INTO "ArticleContributor" ("articleId", "sourceId")
       SELECT stored."id", contributor."sourceId"
       FROM json_to_recordset($5::json) AS contributor("n" int, "sourceId" int) JOIN stored USING ("n")),
     mentions AS (
       INSERT INTO "ArticleMention" ("articleId", "personId", "role")
       SELECT stored."id", mention."personId", mention."role"
       FROM json_to_recordset($6::json) AS mention("n" int, "personId" int, "role" text) JOIN stored USING ("n")),
     -- Each link with its copies of the article's publication and count, as the links' trigger would set them.
     topics AS (
       INSERT INTO "ArticleTopic" ("articleId", "topicId", "articlePublished", "articleQuoteCount")
       SELECT stored."id", topic."topicId", stored."published", stored."quoteCount"
       FROM json_to_recordset($7::json) AS topic("n" int, "topicId" int) JOIN stored USING ("n")),
     quotes AS (
       INSERT INTO "Quote" ("articleId", "position", "text", "startOffset", "endOffset", "kind", "speakerId", "speakerDescription",
         "anchor", "occurrence", "attributionMethod", "attributionConfidence", "retracted", "date", "createdAt", "searchVector")
       SELECT stored."id", quote."position", quote."text", quote."start", quote."end", quote."kind"::"QuoteKind",
         quote."speakerId", quote."speakerDescription", quote."anchor", quote."occurrence", quote."attributionMethod",
         quote."attributionConfidence", quote."retracted", stored."date", $2::timestamp, to_tsvector('english', quote."text")
       FROM json_to_recordset($8::json) AS quote("n" int, "position" int, "text" text, "start" int, "end" int, "kind" text,
         "speakerId" int, "speakerDescription" text, "anchor" text, "occurrence" int, "attributionMethod" text,
         "attributionConfidence" float8, "retracted" boolean)
       JOIN stored USING ("n")
       ORDER BY stored."n", quote."position")
     SELECT "id", "slug" FROM article`,
    [
      JSON.stringify(rows),
      write.now,
      write.keyName,
      each(({ rows: { authorIds } }) => authorIds.map((personId, position) => ({ personId, position }))),
      each(({ rows: { contributorIds } }) => contributorIds.map((sourceId) => ({ sourceId }))),
      each(({ rows: { mentions } }) => [...mentions].map(([personId, role]) => ({ personId, role }))),
      each(({ rows: { topicIds } }) => topicIds.map((topicId) => ({ topicId }))),
      each(({ rows: { quotes } }) =>
        quotes.map((quote, position) => ({
          position,
          text: quote.text,
          start: quote.start,
          end: quote.end,
          kind: quote.kind,
          speakerId: quote.speakerId,
          speakerDescription: quote.speakerDescription,
          // A quote's anchor is stored only when its words were changed since: most quotes keep one copy of their text.
          anchor: quote.anchor === quote.text ? null : quote.anchor,
          occurrence: quote.occurrence,
          attributionMethod: quote.attributionMethod,
          attributionConfidence: quote.attributionConfidence,
          retracted: quote.retracted,
        })),
      ),
    ],
  );
  const ids = new Map(stored.map((article) => [article.slug, article.id]));
  return articles.map(({ slug }) => ids.get(slug)!);
}

interface StoredQuote extends QuoteToStore {
  id: number;
  position: number;
  version: number;
  notices: string;
}

/** What a revision replaces: the article's quotes as stored, and its corrections. */
async function readRevisionState(session: SqlSession, articleId: number): Promise<{ quotes: StoredQuote[]; facts: CorrectionFact[] }> {
  const [row] = await session.query<{ quotes: StoredQuote[]; facts: CorrectionFact[] }>(
    `SELECT
       (SELECT coalesce(json_agg(json_build_object('id', q."id", 'anchor', coalesce(q."anchor", q."text"), 'occurrence', q."occurrence", 'text', q."text",
           'start', q."startOffset", 'end', q."endOffset", 'kind', q."kind", 'speakerId', q."speakerId",
           'speakerDescription', q."speakerDescription", 'attributionMethod', q."attributionMethod",
           'attributionConfidence', q."attributionConfidence", 'retracted', q."retracted", 'position', q."position",
           'version', q."version", 'notices', q."correctionNotices"::text)), '[]')
        FROM "Quote" q WHERE q."articleId" = $1) AS "quotes",
       (SELECT coalesce(json_agg(${CORRECTION_JSON} ORDER BY c."id"), '[]') FROM "Correction" c WHERE c."articleId" = $1) AS "facts"`,
    [articleId],
  );
  return row!;
}

/** Whether a quote as stored differs from what it is about to become. */
function quoteChanged(stored: StoredQuote, next: QuoteToStore, position: number): boolean {
  return (
    stored.text !== next.text ||
    stored.start !== next.start ||
    stored.end !== next.end ||
    stored.kind !== next.kind ||
    stored.speakerId !== next.speakerId ||
    stored.speakerDescription !== next.speakerDescription ||
    stored.retracted !== next.retracted ||
    stored.position !== position
  );
}

/**
 * New text for a known article: its next revision. The article's text, paragraphs, people,
 * topics and quotes are replaced; a quote still in the text (same anchor and occurrence) keeps its
 * row and id; every correction is applied again where its quote still is, and those whose quote is
 * gone are reported. An editor's title, date and source still win over the text's.
 */
async function reviseArticle(write: Write, draft: ArticleDraft, options: StoreOptions, known: KnownArticle, rows: ArticleRows): Promise<StoredArticle> {
  const { session } = write;
  const state = await readRevisionState(session, known.id);
  const facts = state.facts;
  const applied = applyQuoteCorrections(rows.quotes, facts, options.text ?? null);
  const articleFacts = facts.filter((fact) => !isQuoteCorrection(fact.kind));
  const factOf = (kind: CorrectionFact['kind']) => articleFacts.find((fact) => fact.kind === kind);
  const title = factOf('TITLE')?.text ?? draft.title;
  const titleFact = factOf('TITLE');
  const publishedFact = factOf('PUBLISHED_AT');
  const sourceFact = factOf('SOURCE');
  const draftPublishedAt = draft.publishedAt ? utcTimestamp(new Date(draft.publishedAt)) : null;
  const publishedAt = publishedFact ? (publishedFact.publishedAt ? utcTimestamp(new Date(publishedFact.publishedAt)) : null) : draftPublishedAt;
  const date = publishedAt ?? known.ingestedAt;
  const sourceId = sourceFact ? sourceFact.sourceId : rows.sourceId;

  // Quotes still in the text keep their rows: matched by anchor and occurrence.
  const storedByKey = new Map(state.quotes.map((quote) => [`${quote.occurrence}\u0000${quote.anchor}`, quote]));
  const kept: { stored: StoredQuote; next: QuoteToStore; position: number; notices: string }[] = [];
  const added: { next: QuoteToStore; position: number; notices: string }[] = [];
  const appliedFacts: CorrectionFact[] = [...articleFacts];
  applied.quotes.forEach((next, position) => {
    const quoteFacts = applied.factsByQuote.get(next) ?? [];
    appliedFacts.push(...quoteFacts);
    const notices = JSON.stringify(quoteNotices(quoteFacts));
    const stored = storedByKey.get(`${next.occurrence}\u0000${next.anchor}`);
    if (stored) {
      storedByKey.delete(`${next.occurrence}\u0000${next.anchor}`);
      kept.push({ stored, next, position, notices });
    } else {
      added.push({ next, position, notices });
    }
  });
  const notices = articleNotices(appliedFacts);
  // A speaker an editor named is a person the article names, whatever the new text says.
  const mentions = new Map(rows.mentions);
  for (const quote of applied.quotes) if (quote.speakerId !== null && !mentions.has(quote.speakerId)) mentions.set(quote.speakerId, null);

  // Positions are unique per article: the kept quotes step aside before taking their new ones.
  await session.query(
    `WITH parked AS (UPDATE "Quote" SET "position" = -1 - "position" WHERE "articleId" = $1 AND "id" = ANY($2::int[])),
       gone AS (DELETE FROM "Quote" WHERE "articleId" = $1 AND "id" <> ALL($2::int[])),
       mentions AS (DELETE FROM "ArticleMention" WHERE "articleId" = $1),
       authors AS (DELETE FROM "ArticleAuthor" WHERE "articleId" = $1),
       contributors AS (DELETE FROM "ArticleContributor" WHERE "articleId" = $1),
       topics AS (DELETE FROM "ArticleTopic" WHERE "articleId" = $1)
     SELECT 1`,
    [known.id, kept.map(({ stored }) => stored.id)],
  );
  const revision = known.revision + 1;
  const stale = applied.stale.map((fact) => ({
    kind: fact.kind,
    quoteText: fact.anchor,
    note: fact.note,
    keyName: fact.keyName,
    correctedAt: fact.createdAt,
  }));
  const keptQuotes = kept.map(({ next }) => next);
  const addedQuotes = added.map(({ next }) => next);
  await session.query(
    `WITH article AS (
       UPDATE "Article" SET "contentHash" = $2, "title" = $3::text, "titleDerived" = $4, "byline" = $5, "dateline" = $6,
         "standfirst" = $7::text, "photoCaption" = $8, "creditLine" = $9, "paragraphs" = $10::text[], "body" = $11::text,
         "publishedAt" = $12::timestamp, "date" = $13::timestamp, "sourceId" = $14::int, "revision" = $15,
         "version" = "version" + 1,
         "url" = coalesce("url", CASE WHEN NOT EXISTS (SELECT FROM "Article" other WHERE other."url" = $16) THEN $16 END),
         "externalId" = coalesce("externalId", CASE WHEN NOT EXISTS (SELECT FROM "Article" other WHERE other."externalId" = $17) THEN $17 END),
         "corrected" = $18, "correctionNotices" = $19::jsonb,
         "searchVector" = setweight(to_tsvector('english', $3::text), 'A') ||
           setweight(to_tsvector('english', coalesce($7::text, '')), 'B') ||
           setweight(to_tsvector('english', $11::text), 'C')
       WHERE "id" = $1),
     revision AS (
       INSERT INTO "ArticleRevision" ("articleId", "number", "title", "text", "contentHash", "ingestedAt", "keyName")
       VALUES ($1, $15, $3::text, $20::text, $2, $21::timestamp, $22::text)),
     record AS (
       INSERT INTO "Change" ("at", "keyName", "action", "objectType", "objectId", "before", "after")
       VALUES ($21::timestamp, $22::text, 'ingestArticle', 'Article', $1, $23::jsonb, $24::jsonb)),
     corrections AS (
       UPDATE "Correction" SET "applies" = NOT ("id" = ANY($25::int[])) WHERE "articleId" = $1),
     authors AS (
       INSERT INTO "ArticleAuthor" ("articleId", "personId", "position")
       SELECT $1, author."personId", author."position" - 1 FROM unnest($26::int[]) WITH ORDINALITY AS author("personId", "position")),
     contributors AS (
       INSERT INTO "ArticleContributor" ("articleId", "sourceId") SELECT $1, contributor."sourceId" FROM unnest($27::int[]) AS contributor("sourceId")),
     mentions AS (
       INSERT INTO "ArticleMention" ("articleId", "personId", "role") SELECT $1, mention."personId", mention."role"
       FROM unnest($28::int[], $29::text[]) AS mention("personId", "role")),
     topics AS (
       INSERT INTO "ArticleTopic" ("articleId", "topicId") SELECT $1, topic."topicId" FROM unnest($30::int[]) AS topic("topicId")),
     kept_quotes AS (
       UPDATE "Quote" q SET "position" = quote."at", "text" = quote."text", "startOffset" = quote."start", "endOffset" = quote."end",
         "kind" = quote."kind"::"QuoteKind", "speakerId" = quote."speakerId", "speakerDescription" = quote."speakerDescription",
         "anchor" = quote."anchor", "attributionMethod" = quote."attributionMethod", "attributionConfidence" = quote."attributionConfidence",
         "retracted" = quote."retracted", "date" = $13::timestamp, "version" = quote."version",
         "correctionNotices" = quote."notices"::jsonb, "corrected" = jsonb_array_length(quote."notices"::jsonb) > 0,
         "searchVector" = CASE WHEN q."text" = quote."text" THEN q."searchVector" ELSE to_tsvector('english', quote."text") END
       FROM ${unnestQuotes(31, [['int', 'id'], ['int', 'version'], ['text', 'notices'], ['int', 'at']])}
       WHERE q."id" = quote."id")
     INSERT INTO "Quote" ("articleId", "position", "text", "startOffset", "endOffset", "kind", "speakerId", "speakerDescription",
       "anchor", "occurrence", "attributionMethod", "attributionConfidence", "retracted", "date", "createdAt", "articlePublished",
       "correctionNotices", "corrected", "searchVector")
     SELECT $1, quote."at", quote."text", quote."start", quote."end", quote."kind"::"QuoteKind", quote."speakerId", quote."speakerDescription",
       quote."anchor", quote."occurrence", quote."attributionMethod", quote."attributionConfidence", quote."retracted", $13::timestamp,
       $21::timestamp, $46, quote."notices"::jsonb, jsonb_array_length(quote."notices"::jsonb) > 0, to_tsvector('english', quote."text")
     FROM ${unnestQuotes(47, [['text', 'notices'], ['int', 'at']])}`,
    [
      known.id,
      draft.contentHash,
      title,
      titleFact ? false : (draft.titleDerived ?? false),
      draft.byline,
      draft.dateline,
      draft.standfirst,
      draft.photoCaption,
      draft.creditLine,
      draft.paragraphs,
      draft.paragraphs.join('\n\n'),
      publishedAt,
      date,
      sourceId,
      revision,
      draft.url,
      options.externalId ?? null,
      notices.length > 0,
      JSON.stringify(notices),
      options.text ?? null,
      write.now,
      write.keyName,
      JSON.stringify({ revision: known.revision, contentHash: known.contentHash, title: known.title }),
      JSON.stringify({
        revision,
        contentHash: draft.contentHash,
        title,
        quotes: applied.quotes.length,
        correctionsNoLongerApplying: stale.map(({ kind, quoteText }) => ({ kind, quoteText })),
      }),
      applied.stale.map((fact) => fact.id),
      rows.authorIds,
      rows.contributorIds,
      [...mentions.keys()],
      [...mentions.values()],
      rows.topicIds,
      ...quoteArrays(keptQuotes),
      kept.map(({ stored }) => stored.id),
      kept.map(({ stored, next, position }) => (quoteChanged(stored, next, position) ? stored.version + 1 : stored.version)),
      kept.map(({ notices }) => notices),
      kept.map(({ position }) => position),
      known.published,
      ...quoteArrays(addedQuotes),
      added.map(({ notices }) => notices),
      added.map(({ position }) => position),
    ],
  );
  return { articleId: known.id, slug: known.slug, created: false, revised: true, revision, correctionsNoLongerApplying: stale };
}

/**
 * A known article given its own text again: nothing changes, but for a url or externalId it lacked
 * (and no other article has).
 */
async function adoptIdentity(write: Write, draft: ArticleDraft, options: StoreOptions, known: KnownArticle): Promise<void> {
  const wanted = { url: known.url === null ? draft.url : null, externalId: known.externalId === null ? (options.externalId ?? null) : null };
  if (wanted.url === null && wanted.externalId === null) return;
  const [taken] = await write.session.query<{ url: boolean; externalId: boolean }>(
    `SELECT EXISTS (SELECT FROM "Article" WHERE "url" = $1) AS "url", EXISTS (SELECT FROM "Article" WHERE "externalId" = $2) AS "externalId"`,
    [wanted.url, wanted.externalId],
  );
  const url = taken!.url ? null : wanted.url;
  const externalId = taken!.externalId ? null : wanted.externalId;
  if (url === null && externalId === null) return;
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  if (url !== null) {
    before.url = null;
    after.url = url;
  }
  if (externalId !== null) {
    before.externalId = null;
    after.externalId = externalId;
  }
  await write.session.query(
    `UPDATE "Article" SET "url" = coalesce("url", $2), "externalId" = coalesce("externalId", $3), "version" = "version" + 1 WHERE "id" = $1`,
    [known.id, url, externalId],
  );
  await recordChanges({ ...write, note: null }, [{ action: 'ingestArticle', objectType: 'Article', objectId: known.id, before, after }]);
}

/** A stored article given its own text again: nothing changes (but for a url or externalId it lacked). */
function isSameText(article: KnownArticle, { draft, externalId }: Pending): boolean {
  return article.contentHash === draft.contentHash || (article.hasText && !draft.url && !externalId);
}

function unchanged(article: KnownArticle): StoredArticle {
  return { articleId: article.id, slug: article.slug, created: false, revised: false, revision: article.revision, correctionsNoLongerApplying: [] };
}

/**
 * New articles, with every name they give (found or created) and every row that hangs from them:
 * four statements or so however many there are. `slugTaken`: whether another article has the
 * headline's slug already; the later of two drafts with one headline takes the slug with its hash.
 */
async function insertNewArticles(write: Write, drafts: { pending: Pending; slugTaken: boolean }[], stored: StoredNames): Promise<StoredArticle[]> {
  const register = new NameRegister(stored);
  const registered: RegisteredNames[] = [];
  for (const { pending } of drafts) registered.push(await register.register(write.session, pending.names));
  await register.write(write.session, write.now);
  const slugs = new Set<string>();
  const articles = drafts.map(({ pending, slugTaken }, index): NewArticle => {
    const base = slugify(pending.draft.title);
    const slug = slugTaken || slugs.has(base) ? `${base}-${pending.draft.contentHash.slice(0, 8)}` : base;
    slugs.add(slug);
    return { pending, slug, rows: rowsOf(pending.draft, register.idsOf(registered[index]!)) };
  });
  const ids = await insertArticles(write, articles);
  return articles.map(({ slug }, index) => ({
    articleId: ids[index]!,
    slug,
    created: true,
    revised: false,
    revision: 1,
    correctionsNoLongerApplying: [],
  }));
}

/** Stores one draft in the transaction of `session`. */
async function writeArticle(session: SqlSession, pending: Pending): Promise<StoredArticle> {
  const write = writeOf(session, pending.options.keyName ?? null);
  await lockForIngest(session, lockedIdentities(pending));
  const known = await readKnown(write, [pending]);
  const { article, slugTaken } = known.drafts[0]!;
  if (!article) return (await insertNewArticles(write, [{ pending, slugTaken }], known.names))[0]!;
  if (isSameText(article, pending)) {
    await adoptIdentity(write, pending.draft, pending.options, article);
    return unchanged(article);
  }
  const register = new NameRegister(known.names);
  const registered = await register.register(session, pending.names);
  await register.write(session, write.now);
  return reviseArticle(write, pending.draft, pending.options, article, rowsOf(pending.draft, register.idsOf(registered)));
}

/** Stores one draft under a savepoint of the transaction: if it fails, it alone is undone, and its error returned. */
async function writeAlone(session: SqlSession, pending: Pending): Promise<StoredArticle | Error> {
  await session.query('SAVEPOINT article', []);
  try {
    const stored = await writeArticle(session, pending);
    await session.query('RELEASE SAVEPOINT article', []);
    return stored;
  } catch (error) {
    // A race with another ingest: the whole transaction runs again and finds the winner's rows.
    if (lostRace(error)) throw error;
    await session.query('ROLLBACK TO SAVEPOINT article', []);
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** PostgreSQL's unique_violation, as pg and PGlite both report it. */
function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

/** A deadlock between batches locking the same articles in other orders: PostgreSQL undid one of them. */
function isDeadlock(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '40P01';
}

/** Whether a store transaction lost a race and may run again. */
function lostRace(error: unknown): boolean {
  return isUniqueViolation(error) || isDeadlock(error);
}

/**
 * How many times a store transaction runs before a lost race is the caller's error. A race is lost
 * only to a transaction that went on (its person was committed first, or PostgreSQL chose this one
 * to undo a deadlock), so each try makes progress; eight ingests at once naming the same new people
 * lost three in a row (test/ingest/store.test.ts), where three tries were allowed.
 */
const STORE_ATTEMPTS = 12;

/**
 * Runs a store transaction, again if it lost a race: two concurrent ingests naming the same new
 * person race on the person's slug; the loser retries and finds the winner's rows.
 */
async function retryingRaces<T>(store: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await store();
    } catch (error) {
      if (attempt >= STORE_ATTEMPTS || !lostRace(error)) throw error;
    }
  }
}

/**
 * Articles stored alone through a writer between two checks of the tables' statistics (a bulk ingest
 * checks after every batch): a check costs about a tenth of a store.
 */
const STORES_BETWEEN_STATISTICS_CHECKS = 20;
const storesSinceStatisticsCheck = new WeakMap<SqlWriter, number>();

/**
 * Plans the rest of an article's transaction generically: each prepared statement is planned once a
 * connection, not again for every article. Left to choose, PostgreSQL planned the statement reading
 * what is known of the draft (readKnown) anew for each article, 1.0-1.2 ms, where its generic plan
 * runs in 0.3-0.4 (the scale-10 bench database and a new one), and the triggers' statements ran no
 * slower generically. Not for batches (storeArticles), whose planning is paid once for 200 articles
 * (planned generically, the ingest bench's store alone ran 7% slower in both pairs measured).
 */
async function planGenerically(session: SqlSession): Promise<void> {
  await session.query(`SELECT set_config('plan_cache_mode', 'force_generic_plan', true)`, []);
}

/** Stores `draft` and everything it names in one transaction, so a failure leaves nothing behind. */
export async function storeArticle(writer: SqlWriter, draft: ArticleDraft, options: StoreOptions = {}): Promise<StoredArticle> {
  const stored = await retryingRaces(() =>
    writer.transaction(async (session) => {
      await planGenerically(session);
      return writeArticle(session, pendingOf(draft, options));
    }),
  );
  const stores = ((storesSinceStatisticsCheck.get(writer) ?? 0) + 1) % STORES_BETWEEN_STATISTICS_CHECKS;
  storesSinceStatisticsCheck.set(writer, stores);
  // The article is stored whatever becomes of the statistics: they only make the next stores faster.
  if (stores === 0) await refreshIngestStatistics(writer).catch(() => undefined);
  return stored;
}

/** A draft to store, with what the ingest knows beside it (storeArticle's options but the key). */
export interface ArticleToStore {
  draft: ArticleDraft;
  text?: string | null;
  externalId?: string | null;
}

/**
 * Drafts stored in one transaction by `storeArticles`: enough that the statements and the commit's
 * wait for the disk, paid once a batch, weigh little per article; few enough that outcomes come often.
 */
export const BATCH_SIZE = 200;

/**
 * The drafts of a batch that are new articles, each seen for the first time in the batch: they
 * can be written together. Not those of an article stored already (a revision, a text given
 * again) nor those naming the url, externalId or text of a draft before them in the batch.
 */
function newInBatch(pending: Pending[], known: Known): number[] {
  const seen = new Set<string>();
  return pending.flatMap(({ draft, externalId }, index) => {
    const keys = [textIdentity(draft), draft.url && `url:${draft.url}`, externalId && `external:${externalId}`].filter(Boolean) as string[];
    const repeated = keys.some((key) => seen.has(key));
    for (const key of keys) seen.add(key);
    return repeated || known.drafts[index]!.article ? [] : [index];
  });
}

/**
 * Stores drafts in one transaction, as if each were stored alone after the ones before it: each
 * sees the people, sources and topics of those before, and a draft that fails is undone alone and
 * comes back as its error. One commit, so one wait for the disk, for the whole batch.
 *
 * New articles, the bulk of any ingest, are written together, a handful of statements for the
 * whole batch (the statement-level triggers on their tables run once, not once an article). If
 * those statements fail, they are undone and every one of those drafts is stored alone instead, so
 * that the failing one is named. The other drafts (revisions, repeats) are stored alone after
 * them, in order. Nothing is reported stored before the commit.
 */
export function storeArticles(writer: SqlWriter, articles: ArticleToStore[], keyName: string | null = null): Promise<(StoredArticle | Error)[]> {
  const pending = articles.map(({ draft, text, externalId }) => pendingOf(draft, { text, externalId, keyName }));
  return retryingRaces(() =>
    writer.transaction(async (session) => {
      const write = writeOf(session, keyName);
      await lockForIngest(session, pending.flatMap(lockedIdentities));
      const known = await readKnown(write, pending);
      const results: (StoredArticle | Error | undefined)[] = new Array(pending.length);
      const fresh = newInBatch(pending, known);
      if (fresh.length > 0) {
        await session.query('SAVEPOINT batch', []);
        try {
          const stored = await insertNewArticles(write, fresh.map((index) => ({ pending: pending[index]!, slugTaken: known.drafts[index]!.slugTaken })), known.names);
          fresh.forEach((index, position) => (results[index] = stored[position]));
          await session.query('RELEASE SAVEPOINT batch', []);
        } catch (error) {
          if (lostRace(error)) throw error;
          await session.query('ROLLBACK TO SAVEPOINT batch', []);
        }
      }
      for (let index = 0; index < pending.length; index++) results[index] ??= await writeAlone(session, pending[index]!);
      return results as (StoredArticle | Error)[];
    }),
  );
}
