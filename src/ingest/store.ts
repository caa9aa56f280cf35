// Writes an ArticleDraft to the database in one transaction, idempotently: the same text (by content
// hash) finds the article already stored, and people are merged with those already known by name
// and alias, so "Sergei Lavrov" in a new article joins the Sergey Lavrov of an older one.
// Each kind of row is read and written in one batched statement, whatever the article holds.
import { Prisma, type PrismaClient } from '../generated/prisma/client.js';
import type { ArticleDraft, PersonDraft } from './draft.js';
import { isSamePersonName, normalizeName, surnameOf } from './identity.js';
import { agencyName } from './lexicon/news-agencies.js';
import { slugify } from './slug.js';

type Transaction = Prisma.TransactionClient;

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

/** Ids of the named sources or topics, by name, creating those not stored yet. */
async function namedRowIds(tx: Transaction, table: 'source' | 'topic', names: string[]): Promise<Map<string, number>> {
  const bySlug = new Map(names.map((name) => [slugify(name), name]));
  if (bySlug.size === 0) return new Map();
  const data = [...bySlug].map(([slug, name]) => ({ slug, name }));
  const where = { slug: { in: [...bySlug.keys()] } };
  const select = { id: true, slug: true } as const;
  let rows: { id: number; slug: string }[];
  if (table === 'source') {
    await tx.source.createMany({ data, skipDuplicates: true });
    rows = await tx.source.findMany({ where, select });
  } else {
    await tx.topic.createMany({ data, skipDuplicates: true });
    rows = await tx.topic.findMany({ where, select });
  }
  const idBySlug = new Map(rows.map((row) => [row.slug, row.id]));
  return new Map(names.map((name) => [name, idBySlug.get(slugify(name))!]));
}

interface KnownPerson {
  id: number;
  names: string[];
  role: string | null;
  affiliation: string | null;
}

/** People already stored under any of the drafts' names or surnames, with every name they are known by. */
async function knownPeople(tx: Transaction, drafts: PersonDraft[]): Promise<KnownPerson[]> {
  const keys = [...new Set(drafts.flatMap((draft) => [normalizeName(draft.name), surnameOf(draft.name)]).filter(Boolean))];
  if (keys.length === 0) return [];
  const people = await tx.person.findMany({
    where: { aliases: { some: { normalized: { in: keys } } } },
    select: { id: true, name: true, role: true, affiliation: true, aliases: { select: { alias: true } } },
    relationLoadStrategy: 'join',
  });
  return people.map((person) => ({
    id: person.id,
    names: [person.name, ...person.aliases.map((alias) => alias.alias)],
    role: person.role,
    affiliation: person.affiliation,
  }));
}

/** The known person `draft` names: by full name, or, for a one-word name ("Madonna"), that exact name. */
function matchPerson(draft: PersonDraft, people: KnownPerson[]): KnownPerson | undefined {
  return (
    people.find((person) => person.names.some((known) => isSamePersonName(known, draft.name))) ??
    (draft.name.includes(' ') ? undefined : people.find((person) => normalizeName(person.names[0]!) === normalizeName(draft.name)))
  );
}

/** Slugs not yet taken for new people: "sergey-lavrov", else "sergey-lavrov-2", "-3"... */
async function freePersonSlugs(tx: Transaction, names: string[]): Promise<string[]> {
  const bases = names.map(slugify);
  const taken = new Set(
    (await tx.person.findMany({ where: { OR: [...new Set(bases)].map((base) => ({ slug: { startsWith: base } })) }, select: { slug: true } })).map(
      (person) => person.slug,
    ),
  );
  return bases.map((base) => {
    let slug = base;
    for (let suffix = 2; taken.has(slug); suffix++) slug = `${base}-${suffix}`;
    taken.add(slug);
    return slug;
  });
}

/**
 * The person id of every draft (by draft name), merging with people already stored and with each
 * other (an author may also be named in the story), and recording every form of their names.
 */
async function resolvePeople(tx: Transaction, drafts: PersonDraft[]): Promise<Map<string, number>> {
  const known = await knownPeople(tx, drafts);
  // Each draft belongs to a known person, or to an entry of `newPeople` (by index).
  const owners = new Map<PersonDraft, KnownPerson | number>();
  const newPeople: PersonDraft[] = [];
  for (const draft of drafts) {
    const match = matchPerson(draft, known);
    const index = match ? -1 : newPeople.findIndex((other) => other.name === draft.name || isSamePersonName(other.name, draft.name));
    if (match) owners.set(draft, match);
    else if (index >= 0) owners.set(draft, index);
    else owners.set(draft, newPeople.push(draft) - 1);
  }

  const slugs = newPeople.length > 0 ? await freePersonSlugs(tx, newPeople.map((draft) => draft.name)) : [];
  const created = await tx.person.createManyAndReturn({
    data: newPeople.map((draft, index) => ({ name: draft.name, slug: slugs[index]!, role: draft.role, affiliation: draft.affiliation })),
    select: { id: true, slug: true },
  });
  const idBySlug = new Map(created.map((person) => [person.slug, person.id]));

  const ids = new Map<string, number>();
  for (const [draft, owner] of owners) {
    if (typeof owner === 'number') {
      ids.set(draft.name, idBySlug.get(slugs[owner]!)!);
      continue;
    }
    ids.set(draft.name, owner.id);
    // Keep what is known of a person; fill in what was missing.
    if ((!owner.role && draft.role) || (!owner.affiliation && draft.affiliation)) {
      owner.role ??= draft.role;
      owner.affiliation ??= draft.affiliation;
      await tx.person.update({ where: { id: owner.id }, data: { role: owner.role, affiliation: owner.affiliation } });
    }
  }
  await tx.personAlias.createMany({
    data: drafts.flatMap((draft) =>
      [draft.name, ...draft.aliases].map((alias) => ({ personId: ids.get(draft.name)!, alias, normalized: normalizeName(alias) })),
    ),
    skipDuplicates: true,
  });
  return ids;
}

async function freeArticleSlug(tx: Transaction, title: string, contentHash: string): Promise<string> {
  const base = slugify(title);
  const existing = await tx.article.findUnique({ where: { slug: base }, select: { id: true } });
  return existing ? `${base}-${contentHash.slice(0, 8)}` : base;
}

/** Title weighs more than standfirst, standfirst more than body, in search ranking. */
async function writeSearchVectors(tx: Transaction, articleId: number): Promise<void> {
  await tx.$executeRaw`
    WITH article AS (
      UPDATE "Article" SET "searchVector" =
        setweight(to_tsvector('english', "title"), 'A') ||
        setweight(to_tsvector('english', coalesce("standfirst", '')), 'B') ||
        setweight(to_tsvector('english', "body"), 'C')
      WHERE "id" = ${articleId}
    )
    UPDATE "Quote" SET "searchVector" = to_tsvector('english', "text") WHERE "articleId" = ${articleId}`;
}

async function writeArticle(tx: Transaction, draft: ArticleDraft): Promise<StoredArticle> {
  const existing = await tx.article.findUnique({
    where: { contentHash: draft.contentHash },
    select: { id: true, slug: true },
  });
  if (existing) return { articleId: existing.id, slug: existing.slug, created: false };

  const sourceNames = [draft.source, ...draft.contributors].filter((name): name is string => Boolean(name)).map(canonicalSourceName);
  const sourceIds = await namedRowIds(tx, 'source', sourceNames);
  const topicIds = await namedRowIds(tx, 'topic', draft.topics);
  const authorDrafts = draft.authors.map((name) => ({ name, aliases: [], role: null, affiliation: null }));
  const personIds = await resolvePeople(tx, [...draft.people, ...authorDrafts]);

  const publishedAt = draft.publishedAt ? new Date(draft.publishedAt) : null;
  const date = publishedAt ?? new Date();
  const article = await tx.article.create({
    data: {
      slug: await freeArticleSlug(tx, draft.title, draft.contentHash),
      contentHash: draft.contentHash,
      title: draft.title,
      byline: draft.byline,
      dateline: draft.dateline,
      standfirst: draft.standfirst,
      photoCaption: draft.photoCaption,
      creditLine: draft.creditLine,
      paragraphs: draft.paragraphs,
      body: draft.paragraphs.join('\n\n'),
      publishedAt,
      date,
      sourceId: draft.source ? sourceIds.get(canonicalSourceName(draft.source))! : null,
    },
    select: { id: true, slug: true },
  });

  const authorIds = [...new Set(draft.authors.map((name) => personIds.get(name)!))];
  await tx.articleAuthor.createMany({
    data: authorIds.map((personId, position) => ({ articleId: article.id, personId, position })),
  });
  const contributorIds = new Set(draft.contributors.map((name) => sourceIds.get(canonicalSourceName(name))!));
  await tx.articleContributor.createMany({
    data: [...contributorIds].map((sourceId) => ({ articleId: article.id, sourceId })),
  });
  const mentions = new Map<number, string | null>();
  for (const person of draft.people) {
    const personId = personIds.get(person.name)!;
    if (!mentions.has(personId)) mentions.set(personId, person.role);
  }
  await tx.articleMention.createMany({
    data: [...mentions].map(([personId, role]) => ({ articleId: article.id, personId, role })),
  });
  await tx.articleTopic.createMany({
    data: [...new Set(topicIds.values())].map((topicId) => ({ articleId: article.id, topicId })),
  });

  // A quote repeated by the same speaker (a standfirst echoing the body) is stored once.
  const seen = new Set<string>();
  const quotes = draft.quotes.filter((quote) => {
    const key = `${quote.speaker ?? quote.speakerDescription ?? ''}\u0000${quote.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  await tx.quote.createMany({
    data: quotes.map((quote, position) => ({
      articleId: article.id,
      position,
      text: quote.text,
      startOffset: quote.start,
      endOffset: quote.end,
      kind: quote.kind === 'direct' ? 'DIRECT' : 'PARTIAL',
      speakerId: quote.speaker ? (personIds.get(quote.speaker) ?? null) : null,
      speakerDescription: quote.speakerDescription,
      date,
    })),
  });
  await writeSearchVectors(tx, article.id);
  return { articleId: article.id, slug: article.slug, created: true };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/**
 * Stores `draft` and everything it names in one transaction, so a failure leaves nothing behind.
 * Two concurrent ingests of the same text race on the content hash; the loser retries and finds
 * the winner's article.
 */
export async function storeArticle(prisma: PrismaClient, draft: ArticleDraft): Promise<StoredArticle> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction((tx) => writeArticle(tx, draft), { timeout: 30_000, maxWait: 10_000 });
    } catch (error) {
      if (attempt >= 3 || !isUniqueViolation(error)) throw error;
    }
  }
}
