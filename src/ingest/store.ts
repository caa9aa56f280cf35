// Writes an ArticleDraft to the database in one transaction, idempotently: the same text (by content
// hash) finds the article already stored, and people are merged with those already known by name
// and alias, so "Sergei Lavrov" in a new article joins the Sergey Lavrov of an older one.
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

async function upsertSource(tx: Transaction, rawName: string): Promise<number> {
  const name = canonicalSourceName(rawName);
  const source = await tx.source.upsert({
    where: { slug: slugify(name) },
    create: { name, slug: slugify(name) },
    update: {},
    select: { id: true },
  });
  return source.id;
}

async function upsertTopic(tx: Transaction, name: string): Promise<number> {
  const topic = await tx.topic.upsert({
    where: { slug: slugify(name) },
    create: { name, slug: slugify(name) },
    update: {},
    select: { id: true },
  });
  return topic.id;
}

/** A slug not yet taken: "sergey-lavrov", else "sergey-lavrov-2", "-3"... */
async function freePersonSlug(tx: Transaction, name: string): Promise<string> {
  const base = slugify(name);
  const taken = await tx.person.findMany({
    where: { slug: { startsWith: base } },
    select: { slug: true },
  });
  const takenSlugs = new Set(taken.map((person) => person.slug));
  if (!takenSlugs.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    if (!takenSlugs.has(`${base}-${suffix}`)) return `${base}-${suffix}`;
  }
}

/** Finds a stored person who is the same as `draft` by full name, or null. */
async function findKnownPerson(tx: Transaction, draft: PersonDraft): Promise<number | null> {
  const keys = [normalizeName(draft.name), surnameOf(draft.name)].filter(Boolean);
  const candidates = await tx.personAlias.findMany({
    where: { normalized: { in: keys } },
    select: { person: { select: { id: true, name: true, aliases: { select: { alias: true } } } } },
  });
  for (const { person } of candidates) {
    const knownNames = [person.name, ...person.aliases.map((alias) => alias.alias)];
    if (knownNames.some((known) => isSamePersonName(known, draft.name))) return person.id;
  }
  // A one-word name ("Madonna") can only match itself.
  if (!draft.name.includes(' ')) {
    const exact = candidates.find(({ person }) => normalizeName(person.name) === keys[0]);
    if (exact) return exact.person.id;
  }
  return null;
}

async function resolvePerson(tx: Transaction, draft: PersonDraft): Promise<number> {
  const knownId = await findKnownPerson(tx, draft);
  const personId =
    knownId ??
    (
      await tx.person.create({
        data: {
          name: draft.name,
          slug: await freePersonSlug(tx, draft.name),
          role: draft.role,
          affiliation: draft.affiliation,
        },
        select: { id: true },
      })
    ).id;
  if (knownId !== null && (draft.role || draft.affiliation)) {
    // Keep what is known; fill in what was missing.
    const known = await tx.person.findUniqueOrThrow({ where: { id: knownId }, select: { role: true, affiliation: true } });
    if (!known.role || !known.affiliation) {
      await tx.person.update({
        where: { id: knownId },
        data: { role: known.role ?? draft.role, affiliation: known.affiliation ?? draft.affiliation },
      });
    }
  }
  const forms = [draft.name, ...draft.aliases];
  await tx.personAlias.createMany({
    data: forms.map((alias) => ({ personId, alias, normalized: normalizeName(alias) })),
    skipDuplicates: true,
  });
  return personId;
}

async function freeArticleSlug(tx: Transaction, title: string, contentHash: string): Promise<string> {
  const base = slugify(title);
  const existing = await tx.article.findUnique({ where: { slug: base }, select: { id: true } });
  return existing ? `${base}-${contentHash.slice(0, 8)}` : base;
}

/** Title weighs more than standfirst, standfirst more than body, in search ranking. */
async function writeSearchVectors(tx: Transaction, articleId: number): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Article" SET "searchVector" =
      setweight(to_tsvector('english', "title"), 'A') ||
      setweight(to_tsvector('english', coalesce("standfirst", '')), 'B') ||
      setweight(to_tsvector('english', "body"), 'C')
    WHERE "id" = ${articleId}`;
  await tx.$executeRaw`
    UPDATE "Quote" SET "searchVector" = to_tsvector('english', "text") WHERE "articleId" = ${articleId}`;
}

async function writeArticle(tx: Transaction, draft: ArticleDraft): Promise<StoredArticle> {
  const existing = await tx.article.findUnique({
    where: { contentHash: draft.contentHash },
    select: { id: true, slug: true },
  });
  if (existing) return { articleId: existing.id, slug: existing.slug, created: false };

  const sourceId = draft.source ? await upsertSource(tx, draft.source) : null;
  const contributorIds = new Set<number>();
  for (const contributor of draft.contributors) contributorIds.add(await upsertSource(tx, contributor));

  const personIds = new Map<string, number>();
  for (const person of draft.people) personIds.set(person.name, await resolvePerson(tx, person));
  const authorIds: number[] = [];
  for (const author of draft.authors) {
    const id = await resolvePerson(tx, { name: author, aliases: [], role: null, affiliation: null });
    if (!authorIds.includes(id)) authorIds.push(id);
  }
  const topicIds = new Set<number>();
  for (const topic of draft.topics) topicIds.add(await upsertTopic(tx, topic));

  const slug = await freeArticleSlug(tx, draft.title, draft.contentHash);
  const publishedAt = draft.publishedAt ? new Date(draft.publishedAt) : null;
  const date = publishedAt ?? new Date();
  const article = await tx.article.create({
    data: {
      slug,
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
      sourceId,
    },
    select: { id: true, slug: true },
  });

  await tx.articleAuthor.createMany({
    data: authorIds.map((personId, position) => ({ articleId: article.id, personId, position })),
  });
  await tx.articleContributor.createMany({
    data: [...contributorIds].map((contributorId) => ({ articleId: article.id, sourceId: contributorId })),
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
    data: [...topicIds].map((topicId) => ({ articleId: article.id, topicId })),
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
