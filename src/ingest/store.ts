// Writes an ArticleDraft to the database in one transaction, idempotently: the same text (by content
// hash) finds the article already stored, and people are merged with those already known by name
// and alias, so "Sergei Lavrov" in a new article joins the Sergey Lavrov of an older one.
// Plain SQL through a SqlWriter (src/db/writer.ts), three statements whatever the article holds:
// read what is known of its names, write the names, write the article; rows go in as whole arrays.
import { utcTimestamp, type SqlSession, type SqlWriter } from '../db/writer.js';
import type { ArticleDraft, PersonDraft } from './draft.js';
import { isSamePersonName, normalizeName, surnameOf } from './identity.js';
import { agencyName } from './lexicon/news-agencies.js';
import { slugify } from './slug.js';

export interface StoredArticle {
  articleId: number;
  slug: string;
  /** False when an article with the same content hash was already stored. */
  created: boolean;
}

/** Agencies are credited by their initials ("AP"); store them under their full name. */
export function canonicalSourceName(name: string): string {
  return agencyName(name) ?? name.trim();
}

/** What one transaction writes with every row: its time, as the UTC text of a timestamp column. */
interface Write {
  session: SqlSession;
  now: string;
}

interface KnownPerson {
  id: number;
  names: string[];
  role: string | null;
  affiliation: string | null;
}

/** What the database already holds of a draft, read in one statement before anything is written. */
interface Known {
  /** The article stored with the draft's content hash, if any. */
  article: { id: number; slug: string } | null;
  /** Whether another article has the headline's slug. */
  slugTaken: boolean;
  sourceIds: Map<string, number>;
  topicIds: Map<string, number>;
  /** People stored under any of the drafts' names or surnames, with every name they are known by. */
  people: KnownPerson[];
  /** Which of the slugs of the draft's people's names are taken (for new people's slugs). */
  takenPersonSlugs: Set<string>;
}

/** Reads, in one statement, what the database already holds of the article and the names in it. */
async function readKnown(
  { session }: Write,
  draft: ArticleDraft,
  names: { sources: string[]; topics: string[]; people: PersonDraft[] },
): Promise<Known> {
  const personKeys = [...new Set(names.people.flatMap((person) => [normalizeName(person.name), surnameOf(person.name)]).filter(Boolean))];
  const [row] = await session.query<{
    article: { id: number; slug: string } | null;
    slugTaken: boolean;
    sourceIds: Record<string, number>;
    topicIds: Record<string, number>;
    people: { id: number; name: string; role: string | null; affiliation: string | null; aliases: string[] }[];
    takenPersonSlugs: string[];
  }>(
    `SELECT
       (SELECT json_build_object('id', "id", 'slug', "slug") FROM "Article" WHERE "contentHash" = $1) AS "article",
       EXISTS (SELECT FROM "Article" WHERE "slug" = $2) AS "slugTaken",
       (SELECT coalesce(json_object_agg("slug", "id"), '{}') FROM "Source" WHERE "slug" = ANY($3::text[])) AS "sourceIds",
       (SELECT coalesce(json_object_agg("slug", "id"), '{}') FROM "Topic" WHERE "slug" = ANY($4::text[])) AS "topicIds",
       (SELECT coalesce(json_agg(json_build_object(
           'id', "id", 'name', "name", 'role', "role", 'affiliation', "affiliation",
           'aliases', ARRAY(SELECT "alias" FROM "PersonAlias" WHERE "personId" = "Person"."id" ORDER BY "id")
         ) ORDER BY "id"), '[]')
        FROM "Person" WHERE "id" IN (SELECT "personId" FROM "PersonAlias" WHERE "normalized" = ANY($5::text[]))) AS "people",
       ARRAY(SELECT "slug" FROM "Person" WHERE "slug" = ANY($6::text[])) AS "takenPersonSlugs"`,
    [
      draft.contentHash,
      slugify(draft.title),
      names.sources.map(slugify),
      names.topics.map(slugify),
      personKeys,
      names.people.map((person) => slugify(person.name)),
    ],
  );
  return {
    article: row!.article,
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
    const rows = await session.query<{ slug: string }>(`SELECT "slug" FROM "Person" WHERE "slug" LIKE ANY($1::text[])`, [numbered]);
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

/**
 * The article and every row that hangs from it, in one statement. Search vectors are computed as
 * the rows go in: title weighs more than standfirst, standfirst more than body, in search ranking.
 */
async function insertArticle(
  write: Write,
  draft: ArticleDraft,
  slug: string,
  sourceIds: Map<string, number>,
  topicIds: Map<string, number>,
  personIds: Map<string, number>,
): Promise<{ id: number; slug: string }> {
  const publishedAt = draft.publishedAt ? utcTimestamp(new Date(draft.publishedAt)) : null;
  // The date lists are ordered by; quotes carry their article's.
  const date = publishedAt ?? write.now;

  const authorIds = [...new Set(draft.authors.map((name) => personIds.get(name)!))];
  const contributorIds = [...new Set(draft.contributors.map((name) => sourceIds.get(canonicalSourceName(name))!))];
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

  const [article] = await write.session.query<{ id: number; slug: string }>(
    `WITH article AS (
       INSERT INTO "Article" ("slug", "contentHash", "title", "byline", "dateline", "standfirst", "photoCaption", "creditLine",
         "paragraphs", "body", "publishedAt", "ingestedAt", "date", "sourceId", "searchVector")
       VALUES ($1, $2, $3::text, $4, $5, $6::text, $7, $8, $9::text[], $10::text, $11::timestamp, $12::timestamp, $13::timestamp, $14::int,
         setweight(to_tsvector('english', $3::text), 'A') ||
         setweight(to_tsvector('english', coalesce($6::text, '')), 'B') ||
         setweight(to_tsvector('english', $10::text), 'C'))
       RETURNING "id", "slug"),
     authors AS (
       INSERT INTO "ArticleAuthor" ("articleId", "personId", "position")
       SELECT article."id", author."personId", author."position" - 1
       FROM article, unnest($15::int[]) WITH ORDINALITY AS author("personId", "position")),
     contributors AS (
       INSERT INTO "ArticleContributor" ("articleId", "sourceId")
       SELECT article."id", contributor."sourceId" FROM article, unnest($16::int[]) AS contributor("sourceId")),
     mentions AS (
       INSERT INTO "ArticleMention" ("articleId", "personId", "role")
       SELECT article."id", mention."personId", mention."role"
       FROM article, unnest($17::int[], $18::text[]) AS mention("personId", "role")),
     topics AS (
       INSERT INTO "ArticleTopic" ("articleId", "topicId")
       SELECT article."id", topic."topicId" FROM article, unnest($19::int[]) AS topic("topicId")),
     quotes AS (
       INSERT INTO "Quote" ("articleId", "position", "text", "startOffset", "endOffset", "kind", "speakerId", "speakerDescription",
         "date", "createdAt", "searchVector")
       SELECT article."id", quote."position" - 1, quote."text", quote."start", quote."end", quote."kind"::"QuoteKind",
         quote."speakerId", quote."speakerDescription", $13::timestamp, $12::timestamp, to_tsvector('english', quote."text")
       FROM article, unnest($20::text[], $21::int[], $22::int[], $23::text[], $24::int[], $25::text[])
         WITH ORDINALITY AS quote("text", "start", "end", "kind", "speakerId", "speakerDescription", "position"))
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
      draft.source ? sourceIds.get(canonicalSourceName(draft.source))! : null,
      authorIds,
      contributorIds,
      [...mentions.keys()],
      [...mentions.values()],
      [...new Set(topicIds.values())],
      quotes.map((quote) => quote.text),
      quotes.map((quote) => quote.start),
      quotes.map((quote) => quote.end),
      quotes.map((quote) => (quote.kind === 'direct' ? 'DIRECT' : 'PARTIAL')),
      quotes.map((quote) => (quote.speaker ? (personIds.get(quote.speaker) ?? null) : null)),
      quotes.map((quote) => quote.speakerDescription),
    ],
  );
  return article!;
}

async function writeArticle(session: SqlSession, draft: ArticleDraft): Promise<StoredArticle> {
  const write: Write = { session, now: utcTimestamp(new Date()) };
  const names = {
    sources: [draft.source, ...draft.contributors].filter((name): name is string => Boolean(name)).map(canonicalSourceName),
    topics: draft.topics,
    people: [...draft.people, ...draft.authors.map((name) => ({ name, aliases: [], role: null, affiliation: null }))],
  };
  const known = await readKnown(write, draft, names);
  if (known.article) return { articleId: known.article.id, slug: known.article.slug, created: false };

  const { sourceIds, topicIds, personIds } = await writeNames(write, known, names);
  const baseSlug = slugify(draft.title);
  const slug = known.slugTaken ? `${baseSlug}-${draft.contentHash.slice(0, 8)}` : baseSlug;
  const article = await insertArticle(write, draft, slug, sourceIds, topicIds, personIds);
  return { articleId: article.id, slug: article.slug, created: true };
}

/** PostgreSQL's unique_violation, as pg and PGlite both report it. */
function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

/**
 * Runs a store transaction, again if it lost a race: two concurrent ingests of the same text race
 * on the content hash (and on new people's slugs); the loser retries and finds the winner's rows.
 */
async function retryingRaces<T>(store: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await store();
    } catch (error) {
      if (attempt >= 3 || !isUniqueViolation(error)) throw error;
    }
  }
}

/** Stores `draft` and everything it names in one transaction, so a failure leaves nothing behind. */
export function storeArticle(writer: SqlWriter, draft: ArticleDraft): Promise<StoredArticle> {
  return retryingRaces(() => writer.transaction((session) => writeArticle(session, draft)));
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
export function storeArticles(writer: SqlWriter, drafts: ArticleDraft[]): Promise<(StoredArticle | Error)[]> {
  return retryingRaces(() =>
    writer.transaction(async (session) => {
      const results: (StoredArticle | Error)[] = [];
      for (const draft of drafts) {
        await session.query('SAVEPOINT article', []);
        try {
          results.push(await writeArticle(session, draft));
          await session.query('RELEASE SAVEPOINT article', []);
        } catch (error) {
          // A race with another ingest: the whole batch runs again and finds the winner's rows.
          if (isUniqueViolation(error)) throw error;
          await session.query('ROLLBACK TO SAVEPOINT article', []);
          results.push(error instanceof Error ? error : new Error(String(error)));
        }
      }
      return results;
    }),
  );
}
