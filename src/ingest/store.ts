// Writes an ArticleDraft to the database in one transaction. An article is identified by its url (or
// the publisher's externalId) when the ingest is given one, else by its text: the same text again
// changes nothing, and new text for a known url becomes the article's next revision, replacing its
// text, quotes and mentions while its id, its slug and the ids of the quotes still in it stay, and
// every editor's correction still applies wherever its quote is still in the text. People are merged
// with those already known by name and alias, so "Sergei Lavrov" in a new article joins the Sergey
// Lavrov of an older one; sources and topics renamed or merged by editors are found under their old
// names. Plain SQL through a SqlWriter (src/db/writer.ts), a handful of statements whatever the
// article holds: rows go in as whole arrays. Every article stored or revised writes an entry in the
// record of changes.
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
import type { ArticleDraft, PersonDraft } from './draft.js';
import { isSamePersonName, normalizeName, surnameOf } from './identity.js';
import { agencyName } from './lexicon/news-agencies.js';
import { slugify } from './slug.js';

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

/** Agencies are credited by their initials ("AP"); store them under their full name. */
export function canonicalSourceName(name: string): string {
  return agencyName(name) ?? name.trim();
}

/** What one transaction writes with every row: its time, as the UTC text of a timestamp column. */
interface Write {
  session: SqlSession;
  now: string;
  keyName: string | null;
}

interface KnownPerson {
  id: number;
  names: string[];
  role: string | null;
  affiliation: string | null;
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

/** What the database already holds of a draft, read in one statement before anything is written. */
interface Known {
  /** The article the draft is a text of, if stored already. */
  article: KnownArticle | null;
  /** Whether another article has the headline's slug. */
  slugTaken: boolean;
  sourceIds: Map<string, number>;
  topicIds: Map<string, number>;
  /** People stored under any of the drafts' names or surnames, with every name they are known by. */
  people: KnownPerson[];
  /** Which of the slugs of the draft's people's names are taken (for new people's slugs). */
  takenPersonSlugs: Set<string>;
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

/** Reads, in one statement, what the database already holds of the article and the names in it. */
async function readKnown(
  { session }: Write,
  draft: ArticleDraft,
  externalId: string | null,
  names: { sources: string[]; topics: string[]; people: PersonDraft[] },
): Promise<Known> {
  const personKeys = [...new Set(names.people.flatMap((person) => [normalizeName(person.name), surnameOf(person.name)]).filter(Boolean))];
  const [row] = await session.query<{
    article: KnownArticle | null;
    slugTaken: boolean;
    sourceIds: Record<string, number>;
    topicIds: Record<string, number>;
    people: { id: number; name: string; role: string | null; affiliation: string | null; aliases: string[] }[];
    takenPersonSlugs: string[];
  }>(
    // The article with the draft's url or externalId comes first; else one with its text.
    `SELECT
       (SELECT json_build_object('id', a."id", 'slug', a."slug", 'url', a."url", 'externalId', a."externalId",
           'contentHash', a."contentHash", 'revision', a."revision", 'title', a."title", 'published', a."published",
           'ingestedAt', a."ingestedAt"::text,
           'hasText', EXISTS (SELECT FROM "ArticleRevision" r WHERE r."articleId" = a."id" AND r."contentHash" = $1))
        FROM "Article" a
        WHERE a."url" = $7 OR a."externalId" = $8
          OR a."id" IN (SELECT r."articleId" FROM "ArticleRevision" r WHERE r."contentHash" = $1)
        ORDER BY (a."url" = $7) IS TRUE DESC, (a."externalId" = $8) IS TRUE DESC, (a."url" IS NULL AND a."externalId" IS NULL) DESC, a."id"
        LIMIT 1) AS "article",
       EXISTS (SELECT FROM "Article" WHERE "slug" = $2) AS "slugTaken",
       ${idsBySlug('Source', '$3')} AS "sourceIds",
       ${idsBySlug('Topic', '$4')} AS "topicIds",
       (SELECT coalesce(json_agg(json_build_object(
           'id', "id", 'name', "name", 'role', "role", 'affiliation', "affiliation",
           'aliases', ARRAY(SELECT "alias" FROM "PersonAlias" WHERE "personId" = "Person"."id" ORDER BY "id")
         ) ORDER BY "id"), '[]')
        FROM "Person" WHERE "id" IN (SELECT "personId" FROM "PersonAlias" WHERE "normalized" = ANY($5::text[]))) AS "people",
       ARRAY(SELECT "slug" FROM "Person" WHERE "slug" = ANY($6::text[])
             UNION SELECT "slug" FROM "Redirect" WHERE "type" = 'Person' AND "slug" = ANY($6::text[])) AS "takenPersonSlugs"`,
    [
      draft.contentHash,
      slugify(draft.title),
      names.sources.map(slugify),
      names.topics.map(slugify),
      personKeys,
      names.people.map((person) => slugify(person.name)),
      draft.url,
      externalId,
    ],
  );
  const article = row!.article && isArticleOf(row!.article, draft, externalId) ? row!.article : null;
  return {
    article,
    slugTaken: row!.slugTaken,
    sourceIds: new Map(Object.entries(row!.sourceIds)),
    topicIds: new Map(Object.entries(row!.topicIds)),
    people: row!.people.map((person) => ({
      id: person.id,
      names: [person.name, ...person.aliases],
      role: person.role,
      affiliation: person.affiliation,
    })),
    takenPersonSlugs: new Set(row!.takenPersonSlugs),
  };
}

/** The known person `draft` names: by full name, or, for a one-word name ("Madonna"), that exact name. */
function matchPerson(draft: PersonDraft, people: KnownPerson[]): KnownPerson | undefined {
  return (
    people.find((person) => person.names.some((known) => isSamePersonName(known, draft.name))) ??
    (draft.name.includes(' ') ? undefined : people.find((person) => normalizeName(person.names[0]!) === normalizeName(draft.name)))
  );
}

/** Slugs not yet taken for new people: "sergey-lavrov", else "sergey-lavrov-2", "-3"... */
async function freePersonSlugs({ session }: Write, names: string[], taken: Set<string>): Promise<string[]> {
  const bases = names.map(slugify);
  // Only a base that is taken needs its numbered forms read (a scan: slugs have no prefix index).
  // Slugs are [a-z0-9-] only, so a base holds no LIKE wildcard.
  const numbered = [...new Set(bases.filter((base) => taken.has(base)))].map((base) => `${base}-%`);
  if (numbered.length > 0) {
    const rows = await session.query<{ slug: string }>(
      `SELECT "slug" FROM "Person" WHERE "slug" LIKE ANY($1::text[])
       UNION SELECT "slug" FROM "Redirect" WHERE "type" = 'Person' AND "slug" LIKE ANY($1::text[])`,
      [numbered],
    );
    for (const row of rows) taken.add(row.slug);
  }
  return bases.map((base) => {
    let slug = base;
    for (let suffix = 2; taken.has(slug); suffix++) slug = `${base}-${suffix}`;
    taken.add(slug);
    return slug;
  });
}

/** Ids of stored rows by name, and those to create (by slug) for the names not stored yet. */
function splitNamed(names: string[], stored: Map<string, number>): { ids: Map<string, number>; missing: Map<string, string> } {
  const ids = new Map<string, number>();
  const missing = new Map<string, string>();
  for (const name of names) {
    const slug = slugify(name);
    const id = stored.get(slug);
    if (id === undefined) missing.set(slug, name);
    else ids.set(name, id);
  }
  return { ids, missing };
}

/**
 * Every source, topic and person the article names, as ids: creates the sources, topics and
 * people not stored yet, fills in what known people lacked (a role, an affiliation), and records
 * every form of every name, in one statement. People are merged with those already stored and
 * with each other (an author may also be named in the story).
 */
async function writeNames(
  write: Write,
  known: Known,
  names: { sources: string[]; topics: string[]; people: PersonDraft[] },
): Promise<{ sourceIds: Map<string, number>; topicIds: Map<string, number>; personIds: Map<string, number> }> {
  const sources = splitNamed(names.sources, known.sourceIds);
  const topics = splitNamed(names.topics, known.topicIds);

  // Each person draft belongs to a known person, or to an entry of `newPeople` (by index).
  const owners = new Map<PersonDraft, KnownPerson | number>();
  const newPeople: PersonDraft[] = [];
  for (const draft of names.people) {
    const match = matchPerson(draft, known.people);
    const index = match ? -1 : newPeople.findIndex((other) => other.name === draft.name || isSamePersonName(other.name, draft.name));
    if (match) owners.set(draft, match);
    else if (index >= 0) owners.set(draft, index);
    else owners.set(draft, newPeople.push(draft) - 1);
  }
  const slugs = await freePersonSlugs(write, newPeople.map((draft) => draft.name), known.takenPersonSlugs);
  // Keep what is known of a person; fill in what was missing.
  const updated = new Set<KnownPerson>();
  for (const [draft, owner] of owners) {
    if (typeof owner === 'number') continue;
    if ((!owner.role && draft.role) || (!owner.affiliation && draft.affiliation)) {
      owner.role ??= draft.role;
      owner.affiliation ??= draft.affiliation;
      updated.add(owner);
    }
  }
  // Every form of every person's name, owned by a known person's id or a new person's slug.
  const aliases = [...owners].flatMap(([draft, owner]) =>
    [draft.name, ...draft.aliases].map((alias) => ({
      personId: typeof owner === 'number' ? null : owner.id,
      newSlug: typeof owner === 'number' ? slugs[owner]! : null,
      alias,
      normalized: normalizeName(alias),
    })),
  );

  const nothingToWrite = sources.missing.size === 0 && topics.missing.size === 0 && owners.size === 0;
  const created = nothingToWrite
    ? []
    : await write.session.query<{ kind: 'source' | 'topic' | 'person'; id: number; slug: string }>(
        // A source or topic that a concurrent ingest stores meanwhile is neither inserted nor
        // returned here (ON CONFLICT DO NOTHING); a second statement reads it below. A person it
        // stores meanwhile under the same slug is a unique violation: storeArticle tries again.
        `WITH new_source AS (
           INSERT INTO "Source" ("slug", "name", "createdAt")
           SELECT "slug", "name", $1::timestamp FROM unnest($2::text[], $3::text[]) AS source("slug", "name")
           ON CONFLICT DO NOTHING
           RETURNING "id", "slug"),
         new_topic AS (
           INSERT INTO "Topic" ("slug", "name", "createdAt")
           SELECT "slug", "name", $1::timestamp FROM unnest($4::text[], $5::text[]) AS topic("slug", "name")
           ON CONFLICT DO NOTHING
           RETURNING "id", "slug"),
         new_person AS (
           INSERT INTO "Person" ("slug", "name", "role", "affiliation", "createdAt")
           SELECT "slug", "name", "role", "affiliation", $1::timestamp
           FROM unnest($6::text[], $7::text[], $8::text[], $9::text[]) AS person("slug", "name", "role", "affiliation")
           RETURNING "id", "slug"),
         updated_person AS (
           UPDATE "Person" SET "role" = coalesce("Person"."role", known."role"), "affiliation" = coalesce("Person"."affiliation", known."affiliation")
           FROM unnest($10::int[], $11::text[], $12::text[]) AS known("id", "role", "affiliation")
           WHERE "Person"."id" = known."id"),
         new_alias AS (
           INSERT INTO "PersonAlias" ("personId", "alias", "normalized")
           SELECT coalesce(alias."personId", new_person."id"), alias."alias", alias."normalized"
           FROM unnest($13::int[], $14::text[], $15::text[], $16::text[]) AS alias("personId", "newSlug", "alias", "normalized")
           LEFT JOIN new_person ON new_person."slug" = alias."newSlug"
           WHERE NOT EXISTS (
             SELECT FROM "PersonAlias" stored WHERE stored."personId" = alias."personId" AND stored."normalized" = alias."normalized")
           ON CONFLICT DO NOTHING)
         SELECT 'source' AS "kind", "id", "slug" FROM new_source
         UNION ALL SELECT 'topic', "id", "slug" FROM new_topic
         UNION ALL SELECT 'person', "id", "slug" FROM new_person`,
        [
          write.now,
          [...sources.missing.keys()],
          [...sources.missing.values()],
          [...topics.missing.keys()],
          [...topics.missing.values()],
          slugs,
          newPeople.map((draft) => draft.name),
          newPeople.map((draft) => draft.role),
          newPeople.map((draft) => draft.affiliation),
          [...updated].map((person) => person.id),
          [...updated].map((person) => person.role),
          [...updated].map((person) => person.affiliation),
          aliases.map((alias) => alias.personId),
          aliases.map((alias) => alias.newSlug),
          aliases.map((alias) => alias.alias),
          aliases.map((alias) => alias.normalized),
        ],
      );

  const createdIds = { source: new Map<string, number>(), topic: new Map<string, number>(), person: new Map<string, number>() };
  for (const row of created) createdIds[row.kind].set(row.slug, row.id);
  const resolve = async (table: 'Source' | 'Topic', named: ReturnType<typeof splitNamed>, createdBySlug: Map<string, number>) => {
    const committedMeanwhile = [...named.missing.keys()].filter((slug) => !createdBySlug.has(slug));
    if (committedMeanwhile.length > 0) {
      const rows = await write.session.query<{ id: number; slug: string }>(
        `SELECT "id", "slug" FROM "${table}" WHERE "slug" = ANY($1::text[])`,
        [committedMeanwhile],
      );
      for (const row of rows) createdBySlug.set(row.slug, row.id);
    }
    for (const [slug, name] of named.missing) {
      const id = createdBySlug.get(slug);
      // Possible only for a name stored under another slug (slugify changed since).
      if (id === undefined) throw new Error(`${table} "${name}" could not be stored or found`);
      named.ids.set(name, id);
    }
    return named.ids;
  };
  return {
    sourceIds: await resolve('Source', sources, createdIds.source),
    topicIds: await resolve('Topic', topics, createdIds.topic),
    personIds: new Map(
      [...owners].map(([draft, owner]) => [draft.name, typeof owner === 'number' ? createdIds.person.get(slugs[owner]!)! : owner.id]),
    ),
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

/**
 * A new article and every row that hangs from it, its first revision and its entry in the record,
 * in one statement. Search vectors are computed as the rows go in: title weighs more than
 * standfirst, standfirst more than body, in search ranking.
 */
async function insertArticle(write: Write, draft: ArticleDraft, options: StoreOptions, slug: string, rows: ArticleRows): Promise<{ id: number; slug: string }> {
  const publishedAt = draft.publishedAt ? utcTimestamp(new Date(draft.publishedAt)) : null;
  // The date lists are ordered by; quotes carry their article's.
  const date = publishedAt ?? write.now;
  const quotes = rows.quotes;
  const [article] = await write.session.query<{ id: number; slug: string }>(
    `WITH article AS (
       INSERT INTO "Article" ("slug", "contentHash", "title", "byline", "dateline", "standfirst", "photoCaption", "creditLine",
         "paragraphs", "body", "publishedAt", "ingestedAt", "date", "sourceId", "url", "externalId", "titleDerived", "searchVector")
       VALUES ($1, $2, $3::text, $4, $5, $6::text, $7, $8, $9::text[], $10::text, $11::timestamp, $12::timestamp, $13::timestamp, $14::int,
         $15, $16, $17,
         setweight(to_tsvector('english', $3::text), 'A') ||
         setweight(to_tsvector('english', coalesce($6::text, '')), 'B') ||
         setweight(to_tsvector('english', $10::text), 'C'))
       RETURNING "id", "slug"),
     revision AS (
       INSERT INTO "ArticleRevision" ("articleId", "number", "title", "text", "contentHash", "ingestedAt", "keyName")
       SELECT article."id", 1, $3::text, $18::text, $2, $12::timestamp, $19::text FROM article),
     record AS (
       INSERT INTO "Change" ("at", "keyName", "action", "objectType", "objectId", "before", "after")
       SELECT $12::timestamp, $19::text, 'ingestArticle', 'Article', article."id", NULL, $20::jsonb FROM article),
     authors AS (
       INSERT INTO "ArticleAuthor" ("articleId", "personId", "position")
       SELECT article."id", author."personId", author."position" - 1
       FROM article, unnest($21::int[]) WITH ORDINALITY AS author("personId", "position")),
     contributors AS (
       INSERT INTO "ArticleContributor" ("articleId", "sourceId")
       SELECT article."id", contributor."sourceId" FROM article, unnest($22::int[]) AS contributor("sourceId")),
     mentions AS (
       INSERT INTO "ArticleMention" ("articleId", "personId", "role")
       SELECT article."id", mention."personId", mention."role"
       FROM article, unnest($23::int[], $24::text[]) AS mention("personId", "role")),
     topics AS (
       INSERT INTO "ArticleTopic" ("articleId", "topicId")
       SELECT article."id", topic."topicId" FROM article, unnest($25::int[]) AS topic("topicId")),
     quotes AS (
       INSERT INTO "Quote" ("articleId", "position", "text", "startOffset", "endOffset", "kind", "speakerId", "speakerDescription",
         "anchor", "occurrence", "attributionMethod", "attributionConfidence", "retracted", "date", "createdAt", "searchVector")
       SELECT article."id", quote."position" - 1, quote."text", quote."start", quote."end", quote."kind"::"QuoteKind",
         quote."speakerId", quote."speakerDescription", quote."anchor", quote."occurrence", quote."attributionMethod",
         quote."attributionConfidence", quote."retracted", $13::timestamp, $12::timestamp, to_tsvector('english', quote."text")
       FROM article, ${unnestQuotes(26)})
     SELECT "id", "slug" FROM article`,
    [
      slug,
      draft.contentHash,
      draft.title,
      draft.byline,
      draft.dateline,
      draft.standfirst,
      draft.photoCaption,
      draft.creditLine,
      draft.paragraphs,
      draft.paragraphs.join('\n\n'),
      publishedAt,
      write.now,
      date,
      rows.sourceId,
      draft.url,
      options.externalId ?? null,
      draft.titleDerived ?? false,
      options.text ?? null,
      write.keyName,
      JSON.stringify({ title: draft.title, url: draft.url, externalId: options.externalId ?? null, revision: 1, contentHash: draft.contentHash, quotes: quotes.length }),
      rows.authorIds,
      rows.contributorIds,
      [...rows.mentions.keys()],
      [...rows.mentions.values()],
      rows.topicIds,
      ...quoteArrays(quotes),
    ],
  );
  return article!;
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

async function writeArticle(session: SqlSession, draft: ArticleDraft, options: StoreOptions): Promise<StoredArticle> {
  const write: Write = { session, now: utcTimestamp(new Date()), keyName: options.keyName ?? null };
  const externalId = options.externalId ?? null;
  // One ingest at a time for an article, named by its identity and by its text: the same story
  // given with and without its url is still one article.
  const identity = identityOf(draft, externalId);
  await lockForIngest(session, identity);
  if (identity !== textIdentity(draft)) await lockForIngest(session, textIdentity(draft));
  const names = {
    sources: [draft.source, ...draft.contributors].filter((name): name is string => Boolean(name)).map(canonicalSourceName),
    topics: draft.topics,
    people: [...draft.people, ...draft.authors.map((name) => ({ name, aliases: [], role: null, affiliation: null }))],
  };
  const known = await readKnown(write, draft, externalId, names);
  const unchanged = (article: KnownArticle): StoredArticle => ({
    articleId: article.id,
    slug: article.slug,
    created: false,
    revised: false,
    revision: article.revision,
    correctionsNoLongerApplying: [],
  });
  if (known.article && (known.article.contentHash === draft.contentHash || (known.article.hasText && !draft.url && !externalId))) {
    await adoptIdentity(write, draft, options, known.article);
    return unchanged(known.article);
  }

  const ids = await writeNames(write, known, names);
  const rows = rowsOf(draft, ids);
  if (known.article) return reviseArticle(write, draft, options, known.article, rows);
  const baseSlug = slugify(draft.title);
  const slug = known.slugTaken ? `${baseSlug}-${draft.contentHash.slice(0, 8)}` : baseSlug;
  const article = await insertArticle(write, draft, options, slug, rows);
  return { articleId: article.id, slug: article.slug, created: true, revised: false, revision: 1, correctionsNoLongerApplying: [] };
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
 * Runs a store transaction, again if it lost a race: two concurrent ingests naming the same new
 * person race on the person's slug; the loser retries and finds the winner's rows.
 */
async function retryingRaces<T>(store: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await store();
    } catch (error) {
      if (attempt >= 3 || !lostRace(error)) throw error;
    }
  }
}

/** Stores `draft` and everything it names in one transaction, so a failure leaves nothing behind. */
export function storeArticle(writer: SqlWriter, draft: ArticleDraft, options: StoreOptions = {}): Promise<StoredArticle> {
  return retryingRaces(() => writer.transaction((session) => writeArticle(session, draft, options)));
}

/** A draft to store, with what the ingest knows beside it (storeArticle's options but the key). */
export interface ArticleToStore {
  draft: ArticleDraft;
  text?: string | null;
  externalId?: string | null;
}

/** Drafts stored in one transaction by `storeArticles`: as many as one commit can wait for. */
export const BATCH_SIZE = 50;

/**
 * Stores drafts in one transaction, in order, each under a savepoint: a draft that fails is undone
 * alone and comes back as its error, and each draft sees the ones before it (their people, sources
 * and topics) as it would stored one at a time. One commit, so one wait for the disk, for the
 * whole batch instead of one per article: that wait was a third of an article's time one at a time.
 * Nothing is reported stored before the commit.
 */
export function storeArticles(writer: SqlWriter, articles: ArticleToStore[], keyName: string | null = null): Promise<(StoredArticle | Error)[]> {
  return retryingRaces(() =>
    writer.transaction(async (session) => {
      const results: (StoredArticle | Error)[] = [];
      for (const { draft, text, externalId } of articles) {
        await session.query('SAVEPOINT article', []);
        try {
          results.push(await writeArticle(session, draft, { text, externalId, keyName }));
          await session.query('RELEASE SAVEPOINT article', []);
        } catch (error) {
          // A race with another ingest: the whole batch runs again and finds the winner's rows.
          if (lostRace(error)) throw error;
          await session.query('ROLLBACK TO SAVEPOINT article', []);
          results.push(error instanceof Error ? error : new Error(String(error)));
        }
      }
      return results;
    }),
  );
}
