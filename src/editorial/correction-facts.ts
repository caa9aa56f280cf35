// Reading and keeping corrections (the Correction table) and the public notices they print on the
// corrected quotes and articles.
import type { SqlSession } from '../db/writer.js';
import type { Edit } from './change-record.js';
import { articleNotices, isQuoteCorrection, quoteKey, quoteNotices, type CorrectionFact } from './corrections.js';

/** An instant as ISO 8601 text in SQL, whatever the session's time zone (columns hold UTC). */
export function isoText(column: string): string {
  return `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** A correction row as the JSON of a CorrectionFact, for statements reading them along. */
export const CORRECTION_JSON = `json_build_object('id', c."id", 'kind', c."kind", 'anchor', c."anchor", 'occurrence', c."occurrence",
  'speakerId', c."speakerId", 'speakerDescription', c."speakerDescription", 'text', c."text", 'startOffset', c."startOffset",
  'endOffset', c."endOffset", 'quoteKind', c."quoteKind", 'publishedAt', ${isoText('c."publishedAt"')}, 'sourceId', c."sourceId",
  'note', c."note", 'keyName', c."keyName", 'createdAt', ${isoText('c."createdAt"')})`;

/** Every correction of an article. */
export async function correctionsOf(session: SqlSession, articleId: number): Promise<CorrectionFact[]> {
  const [row] = await session.query<{ facts: CorrectionFact[] }>(
    `SELECT coalesce(json_agg(${CORRECTION_JSON} ORDER BY c."id"), '[]') AS "facts" FROM "Correction" c WHERE c."articleId" = $1`,
    [articleId],
  );
  return row!.facts;
}

/** What a correction says besides which quote (or article) it is of: each kind sets its own, the rest are null. */
type CorrectionValues = Partial<
  Pick<CorrectionFact, 'speakerId' | 'speakerDescription' | 'text' | 'startOffset' | 'endOffset' | 'quoteKind' | 'publishedAt' | 'sourceId'>
>;

/**
 * Keeps a correction made in `edit` (its note, key and time): the one of the same kind for the same
 * quote (or article) is replaced, so the latest word of an editor is what applies; the record keeps the history.
 */
export async function keepCorrection(
  edit: Edit,
  correction: Pick<CorrectionFact, 'kind' | 'anchor' | 'occurrence'> & { articleId: number } & CorrectionValues,
): Promise<void> {
  const fact = {
    speakerId: null,
    speakerDescription: null,
    text: null,
    startOffset: null,
    endOffset: null,
    quoteKind: null,
    publishedAt: null,
    sourceId: null,
    ...correction,
    note: edit.note,
    keyName: edit.keyName,
    createdAt: edit.now,
  };
  await edit.session.query(
    `INSERT INTO "Correction" ("articleId", "kind", "anchor", "occurrence", "speakerId", "speakerDescription", "text", "startOffset",
       "endOffset", "quoteKind", "publishedAt", "sourceId", "note", "keyName", "createdAt", "applies")
     VALUES ($1, $2::"CorrectionKind", $3, $4, $5, $6, $7, $8, $9, $10::"QuoteKind", $11::timestamp, $12, $13, $14, $15::timestamp, true)
     ON CONFLICT ("articleId", "kind", "anchor", "occurrence") DO UPDATE SET
       "speakerId" = excluded."speakerId", "speakerDescription" = excluded."speakerDescription", "text" = excluded."text",
       "startOffset" = excluded."startOffset", "endOffset" = excluded."endOffset", "quoteKind" = excluded."quoteKind",
       "publishedAt" = excluded."publishedAt", "sourceId" = excluded."sourceId", "note" = excluded."note",
       "keyName" = excluded."keyName", "createdAt" = excluded."createdAt", "applies" = true`,
    [
      fact.articleId,
      fact.kind,
      fact.anchor,
      fact.occurrence,
      fact.speakerId,
      fact.speakerDescription,
      fact.text,
      fact.startOffset,
      fact.endOffset,
      fact.quoteKind,
      fact.publishedAt === null ? null : fact.publishedAt.replace('T', ' ').replace('Z', ''),
      fact.sourceId,
      fact.note,
      fact.keyName,
      fact.createdAt,
    ],
  );
}

/** Forgets the correction of `kind` for a quote (a retraction withdrawn). */
export async function forgetCorrection(session: SqlSession, articleId: number, kind: CorrectionFact['kind'], anchor: string, occurrence: number): Promise<void> {
  await session.query(`DELETE FROM "Correction" WHERE "articleId" = $1 AND "kind" = $2::"CorrectionKind" AND "anchor" = $3 AND "occurrence" = $4`, [
    articleId,
    kind,
    anchor,
    occurrence,
  ]);
}

/**
 * Writes again the public notices of an article and its quotes from the corrections that apply
 * (`corrected` and `correctionNotices` on each row), after an editor changed them.
 */
export async function refreshNotices(session: SqlSession, articleId: number): Promise<void> {
  const facts = await correctionsOf(session, articleId);
  const quotes = await session.query<{ id: number; anchor: string; occurrence: number }>(
    `SELECT "id", coalesce("anchor", "text") AS "anchor", "occurrence" FROM "Quote" WHERE "articleId" = $1`,
    [articleId],
  );
  const byQuote = new Map(quotes.map((quote) => [quoteKey(quote.anchor, quote.occurrence), { id: quote.id, facts: [] as CorrectionFact[] }]));
  const applying: CorrectionFact[] = [];
  for (const fact of facts) {
    if (!isQuoteCorrection(fact.kind)) {
      applying.push(fact);
      continue;
    }
    const quote = byQuote.get(quoteKey(fact.anchor, fact.occurrence));
    if (!quote) continue;
    quote.facts.push(fact);
    applying.push(fact);
  }
  const quoteRows = [...byQuote.values()];
  const notices = articleNotices(applying);
  await session.query(
    `WITH quotes AS (
       UPDATE "Quote" q SET "correctionNotices" = notices."notices"::jsonb, "corrected" = jsonb_array_length(notices."notices"::jsonb) > 0
       FROM unnest($2::int[], $3::text[]) AS notices("id", "notices")
       WHERE q."id" = notices."id" AND q."correctionNotices" <> notices."notices"::jsonb)
     UPDATE "Article" SET "correctionNotices" = $4::jsonb, "corrected" = $5 WHERE "id" = $1`,
    [
      articleId,
      quoteRows.map((quote) => quote.id),
      quoteRows.map((quote) => JSON.stringify(quoteNotices(quote.facts))),
      JSON.stringify(notices),
      notices.length > 0,
    ],
  );
}
