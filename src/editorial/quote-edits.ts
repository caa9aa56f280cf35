// Corrections of quotes: the speaker, the span, the kind, a retraction, a quote the pipeline missed.
// Each is kept as a fact of its own (the Correction table), so that it still applies when the
// article is re-ingested, and each prints a public notice on the quote and its article.
import type { SqlWriter } from '../db/writer.js';
import { recordChanges, type Edit } from './change-record.js';
import { forgetCorrection, keepCorrection, refreshNotices } from './correction-facts.js';
import { codePointLength, EDITOR_ATTRIBUTION, spanOf, type StoredQuoteKind } from './corrections.js';
import { runEdit, type Editor } from './edit-transaction.js';
import { badInput, checkVersion } from './editorial-error.js';
import { optionalText } from './names.js';
import { createPerson, type NewPerson } from './people.js';
import { currentText, findArticle, findNamed, findQuote, findQuotes, type PersonState, type QuoteState, type Ref } from './references.js';

/** Who said a quote, as an editor says it: a known person, a new one, or an unnamed speaker. */
export type SpeakerChoice = { person: Ref } | { newPerson: NewPerson } | { description: string };

/** Longest quote an editor may mark, in code points: longer than any quotation in the news. */
const MAX_QUOTE_LENGTH = 5_000;

/** What a change of quotes did: the quotes changed, a person made for them, the record's entries. */
export interface QuoteEditResult {
  quoteIds: number[];
  articleIds: number[];
  /** The speaker now, when the change named one. */
  speakerId: number | null;
  /** A person the change created. */
  createdPersonId: number | null;
  changeIds: number[];
}

interface Speaker {
  id: number | null;
  slug: string | null;
  name: string | null;
  description: string | null;
  created: boolean;
}

async function speakerOf(edit: Edit, action: string, choice: SpeakerChoice): Promise<Speaker> {
  const given = ['person', 'newPerson', 'description'].filter((key) => key in choice && (choice as Record<string, unknown>)[key] != null);
  if (given.length !== 1) throw badInput('Give the speaker as exactly one of "person", "newPerson" or "description"');
  if ('person' in choice) {
    const person = await findNamed<PersonState>(edit.session, 'Person', choice.person);
    return { id: person.id, slug: person.slug, name: person.name, description: null, created: false };
  }
  if ('newPerson' in choice) {
    const person = await createPerson(edit, action, choice.newPerson);
    return { id: person.id, slug: person.slug, name: person.name, description: null, created: true };
  }
  const description = optionalText(choice.description, 'description');
  if (!description) throw badInput('"description" must not be empty: say who spoke ("a Kremlin spokesman")');
  return { id: null, slug: null, name: null, description, created: false };
}

function speakerFields(quote: { speakerSlug: string | null; speakerName: string | null; speakerDescription: string | null }) {
  return {
    speaker: quote.speakerSlug === null ? null : { slug: quote.speakerSlug, name: quote.speakerName },
    speakerDescription: quote.speakerDescription,
  };
}

/** The speaker becomes a person the article names, if they were not already. */
async function mention(edit: Edit, articleId: number, personId: number | null): Promise<void> {
  if (personId === null) return;
  await edit.session.query('INSERT INTO "ArticleMention" ("articleId", "personId") VALUES ($1, $2) ON CONFLICT DO NOTHING', [articleId, personId]);
}

/** Gives quotes a speaker, each as a correction of its own (one quote re-attributed, or several moved to a person). */
async function attribute(edit: Edit, action: string, quotes: QuoteState[], speaker: Speaker): Promise<number[]> {
  for (const quote of quotes) {
    await edit.session.query(
      `UPDATE "Quote" SET "speakerId" = $2, "speakerDescription" = $3, "attributionMethod" = $4, "attributionConfidence" = $5,
         "version" = "version" + 1 WHERE "id" = $1`,
      [quote.id, speaker.id, speaker.description, EDITOR_ATTRIBUTION.method, EDITOR_ATTRIBUTION.confidence],
    );
    await keepCorrection(edit, {
      articleId: quote.articleId,
      kind: 'SPEAKER',
      anchor: quote.anchor,
      occurrence: quote.occurrence,
      speakerId: speaker.id,
      speakerDescription: speaker.description,
    });
    await mention(edit, quote.articleId, speaker.id);
  }
  for (const articleId of new Set(quotes.map((quote) => quote.articleId))) await refreshNotices(edit.session, articleId);
  return recordChanges(
    edit,
    quotes.map((quote) => ({
      action,
      objectType: 'Quote',
      objectId: quote.id,
      before: speakerFields(quote),
      after: speakerFields({ speakerSlug: speaker.slug, speakerName: speaker.name, speakerDescription: speaker.description }),
    })),
  );
}

function result(quotes: { id: number; articleId: number }[], changeIds: number[], speaker?: Speaker): QuoteEditResult {
  return {
    quoteIds: quotes.map((quote) => quote.id),
    articleIds: [...new Set(quotes.map((quote) => quote.articleId))],
    speakerId: speaker?.id ?? null,
    createdPersonId: speaker?.created ? speaker.id : null,
    changeIds,
  };
}

/** Re-attributes a quote: to a known person, a new one, or an unnamed speaker described. */
export function changeQuoteSpeaker(
  writer: SqlWriter,
  editor: Editor,
  input: { quoteId: number; speaker: SpeakerChoice; version?: number | null },
): Promise<QuoteEditResult> {
  return runEdit(writer, editor, async (edit) => {
    const quote = await findQuote(edit.session, input.quoteId);
    checkVersion('The quote', quote.version, input.version);
    const speaker = await speakerOf(edit, 'changeQuoteSpeaker', input.speaker);
    return result([quote], await attribute(edit, 'changeQuoteSpeaker', [quote], speaker), speaker);
  });
}

/**
 * Moves quotes to another person, each as a correction of its speaker: to split a person merged by
 * mistake, move their quotes to the right (or a new) person.
 */
export function moveQuotes(writer: SqlWriter, editor: Editor, input: { quoteIds: number[]; to: SpeakerChoice }): Promise<QuoteEditResult> {
  return runEdit(writer, editor, async (edit) => {
    if (input.quoteIds.length === 0) throw badInput('"quotes" must name at least one quote');
    if (input.quoteIds.length > 500) throw badInput('Move at most 500 quotes at a time');
    if ('description' in input.to) throw badInput('Quotes move to a person: give "person" or "newPerson"');
    const quotes = await findQuotes(edit.session, [...new Set(input.quoteIds)]);
    const speaker = await speakerOf(edit, 'moveQuotes', input.to);
    return result(quotes, await attribute(edit, 'moveQuotes', quotes, speaker), speaker);
  });
}

/** The words between two offsets of the article's current text, checked. */
async function wordsAt(edit: Edit, articleId: number, startOffset: number, endOffset: number): Promise<string> {
  const [article] = await edit.session.query<{ id: number; revision: number }>('SELECT "id", "revision" FROM "Article" WHERE "id" = $1', [articleId]);
  const text = await currentText(edit.session, article!);
  if (text === null) {
    throw badInput('The article\'s text was not kept (it was stored before revisions were): ingest it again to mark quotes in it');
  }
  const words = spanOf(text, startOffset, endOffset);
  if (words === null) {
    throw badInput(
      `The offsets ${startOffset}..${endOffset} are outside the article's text: it has ${codePointLength(text)} characters (code points), and the start must come before the end`,
    );
  }
  if (words.trim() === '') throw badInput(`The text between ${startOffset} and ${endOffset} is blank`);
  if (endOffset - startOffset > MAX_QUOTE_LENGTH) throw badInput(`A quote is at most ${MAX_QUOTE_LENGTH} characters`);
  return words;
}

/** Fixes a quote's span: its words become those between the offsets in the article's text. */
export function fixQuoteSpan(
  writer: SqlWriter,
  editor: Editor,
  input: { quoteId: number; startOffset: number; endOffset: number; version?: number | null },
): Promise<QuoteEditResult> {
  return runEdit(writer, editor, async (edit) => {
    const quote = await findQuote(edit.session, input.quoteId);
    checkVersion('The quote', quote.version, input.version);
    const words = await wordsAt(edit, quote.articleId, input.startOffset, input.endOffset);
    await edit.session.query(
      // The words the pipeline found stay the quote's anchor, which the correction is kept under.
      `UPDATE "Quote" SET "text" = $2, "startOffset" = $3, "endOffset" = $4, "searchVector" = to_tsvector('english', $2::text),
         "anchor" = nullif(coalesce("anchor", "text"), $2::text), "version" = "version" + 1 WHERE "id" = $1`,
      [quote.id, words, input.startOffset, input.endOffset],
    );
    await keepCorrection(edit, {
      articleId: quote.articleId,
      kind: 'SPAN',
      anchor: quote.anchor,
      occurrence: quote.occurrence,
      text: words,
      startOffset: input.startOffset,
      endOffset: input.endOffset,
    });
    await refreshNotices(edit.session, quote.articleId);
    const changeIds = await recordChanges(edit, [
      {
        action: 'fixQuoteSpan',
        objectType: 'Quote',
        objectId: quote.id,
        before: { text: quote.text, startOffset: quote.startOffset, endOffset: quote.endOffset },
        after: { text: words, startOffset: input.startOffset, endOffset: input.endOffset },
      },
    ]);
    return result([quote], changeIds);
  });
}

/** Sets whether a quote is direct or partial. */
export function changeQuoteKind(
  writer: SqlWriter,
  editor: Editor,
  input: { quoteId: number; kind: StoredQuoteKind; version?: number | null },
): Promise<QuoteEditResult> {
  return runEdit(writer, editor, async (edit) => {
    const quote = await findQuote(edit.session, input.quoteId);
    checkVersion('The quote', quote.version, input.version);
    await edit.session.query(`UPDATE "Quote" SET "kind" = $2::"QuoteKind", "version" = "version" + 1 WHERE "id" = $1`, [quote.id, input.kind]);
    await keepCorrection(edit, {
      articleId: quote.articleId,
      kind: 'QUOTE_KIND',
      anchor: quote.anchor,
      occurrence: quote.occurrence,
      quoteKind: input.kind,
    });
    await refreshNotices(edit.session, quote.articleId);
    const changeIds = await recordChanges(edit, [
      { action: 'changeQuoteKind', objectType: 'Quote', objectId: quote.id, before: { kind: quote.kind }, after: { kind: input.kind } },
    ]);
    return result([quote], changeIds);
  });
}

/**
 * Retracts a quote, or takes a retraction back: a retracted quote is kept (and found by its id,
 * marked retracted) but left out of lists unless they ask for it, and its article says so.
 */
export function setQuoteRetracted(
  writer: SqlWriter,
  editor: Editor,
  input: { quoteId: number; retracted: boolean; version?: number | null },
): Promise<QuoteEditResult> {
  const action = input.retracted ? 'retractQuote' : 'restoreQuote';
  return runEdit(writer, editor, async (edit) => {
    const quote = await findQuote(edit.session, input.quoteId);
    checkVersion('The quote', quote.version, input.version);
    if (quote.retracted === input.retracted) throw badInput(input.retracted ? 'The quote is retracted already' : 'The quote is not retracted');
    await edit.session.query('UPDATE "Quote" SET "retracted" = $2, "version" = "version" + 1 WHERE "id" = $1', [quote.id, input.retracted]);
    if (input.retracted) {
      await keepCorrection(edit, {
        articleId: quote.articleId,
        kind: 'RETRACTION',
        anchor: quote.anchor,
        occurrence: quote.occurrence,
      });
    } else {
      await forgetCorrection(edit.session, quote.articleId, 'RETRACTION', quote.anchor, quote.occurrence);
    }
    await refreshNotices(edit.session, quote.articleId);
    const changeIds = await recordChanges(edit, [
      { action, objectType: 'Quote', objectId: quote.id, before: { retracted: quote.retracted }, after: { retracted: input.retracted } },
    ]);
    return result([quote], changeIds);
  });
}

/**
 * What a confirmed attribution says: an editor checked the pipeline's speaker and found it right.
 * Not a correction (nothing changed, so no public notice), and it holds for this text only: a
 * re-ingest extracts again and the quote's new attribution is reviewed again.
 */
export const CONFIRMED_ATTRIBUTION = { method: 'confirmed', confidence: 1 } as const;

/** Confirms a quote's speaker as the pipeline found it: it leaves the review queue's head. */
export function confirmQuoteSpeaker(writer: SqlWriter, editor: Editor, input: { quoteId: number; version?: number | null }): Promise<QuoteEditResult> {
  return runEdit(writer, editor, async (edit) => {
    const quote = await findQuote(edit.session, input.quoteId);
    checkVersion('The quote', quote.version, input.version);
    const [attribution] = await edit.session.query<{ method: string | null; confidence: number | null }>(
      'SELECT "attributionMethod" AS "method", "attributionConfidence" AS "confidence" FROM "Quote" WHERE "id" = $1',
      [quote.id],
    );
    if (attribution!.method === CONFIRMED_ATTRIBUTION.method || attribution!.method === EDITOR_ATTRIBUTION.method) {
      throw badInput('An editor has confirmed or set the quote\'s speaker already');
    }
    await edit.session.query('UPDATE "Quote" SET "attributionMethod" = $2, "attributionConfidence" = $3, "version" = "version" + 1 WHERE "id" = $1', [
      quote.id,
      CONFIRMED_ATTRIBUTION.method,
      CONFIRMED_ATTRIBUTION.confidence,
    ]);
    const changeIds = await recordChanges(edit, [
      {
        action: 'confirmQuoteSpeaker',
        objectType: 'Quote',
        objectId: quote.id,
        before: { attribution: attribution!.method === null ? null : attribution },
        after: { attribution: { ...CONFIRMED_ATTRIBUTION } },
      },
    ]);
    const speaker = { id: quote.speakerId, slug: quote.speakerSlug, name: quote.speakerName, description: quote.speakerDescription, created: false };
    return result([quote], changeIds, speaker);
  });
}

/** Adds a quote the pipeline missed, between two offsets of the article's current text. */
export function addQuote(
  writer: SqlWriter,
  editor: Editor,
  input: { article: Ref; startOffset: number; endOffset: number; kind: StoredQuoteKind; speaker?: SpeakerChoice | null },
): Promise<QuoteEditResult> {
  return runEdit(writer, editor, async (edit) => {
    const article = await findArticle(edit.session, input.article);
    const words = await wordsAt(edit, article.id, input.startOffset, input.endOffset);
    const [existing] = await edit.session.query<{ id: number }>(
      'SELECT "id" FROM "Quote" WHERE "articleId" = $1 AND "startOffset" = $2 AND "endOffset" = $3',
      [article.id, input.startOffset, input.endOffset],
    );
    if (existing) throw badInput(`The article has that quote already (id ${existing.id}): correct it instead`);
    const speaker = input.speaker ? await speakerOf(edit, 'addQuote', input.speaker) : null;
    // Positions are unique per article: the quotes after the new one step aside, by way of negatives.
    const [placed] = await edit.session.query<{ position: number; occurrence: number; date: string }>(
      `SELECT coalesce((SELECT min("position") FROM "Quote" WHERE "articleId" = $1 AND "startOffset" > $2),
                       (SELECT max("position") + 1 FROM "Quote" WHERE "articleId" = $1), 0) AS "position",
              (SELECT count(*)::int FROM "Quote" WHERE "articleId" = $1 AND coalesce("anchor", "text") = $3) AS "occurrence",
              (SELECT "date"::text FROM "Article" WHERE "id" = $1) AS "date"`,
      [article.id, input.startOffset, words],
    );
    await edit.session.query('UPDATE "Quote" SET "position" = -"position" - 1 WHERE "articleId" = $1 AND "position" >= $2', [article.id, placed!.position]);
    await edit.session.query('UPDATE "Quote" SET "position" = -"position" WHERE "articleId" = $1 AND "position" < 0', [article.id]);
    const [quote] = await edit.session.query<{ id: number }>(
      `INSERT INTO "Quote" ("articleId", "position", "text", "startOffset", "endOffset", "kind", "speakerId", "speakerDescription", "anchor",
         "occurrence", "attributionMethod", "attributionConfidence", "date", "createdAt", "articlePublished", "searchVector")
       VALUES ($1, $2, $3, $4, $5, $6::"QuoteKind", $7, $8, NULL, $9, $10, $11, $12::timestamp, $13::timestamp, $14, to_tsvector('english', $3::text))
       RETURNING "id"`,
      [
        article.id,
        placed!.position,
        words,
        input.startOffset,
        input.endOffset,
        input.kind,
        speaker?.id ?? null,
        speaker?.description ?? null,
        placed!.occurrence,
        EDITOR_ATTRIBUTION.method,
        EDITOR_ATTRIBUTION.confidence,
        placed!.date,
        edit.now,
        article.published,
      ],
    );
    await keepCorrection(edit, {
      articleId: article.id,
      kind: 'ADDITION',
      anchor: words,
      occurrence: placed!.occurrence,
      speakerId: speaker?.id ?? null,
      speakerDescription: speaker?.description ?? null,
      text: words,
      startOffset: input.startOffset,
      endOffset: input.endOffset,
      quoteKind: input.kind,
    });
    await mention(edit, article.id, speaker?.id ?? null);
    await refreshNotices(edit.session, article.id);
    const changeIds = await recordChanges(edit, [
      {
        action: 'addQuote',
        objectType: 'Quote',
        objectId: quote!.id,
        before: null,
        after: {
          article: article.slug,
          text: words,
          startOffset: input.startOffset,
          endOffset: input.endOffset,
          kind: input.kind,
          ...speakerFields({ speakerSlug: speaker?.slug ?? null, speakerName: speaker?.name ?? null, speakerDescription: speaker?.description ?? null }),
        },
      },
    ]);
    return result([{ id: quote!.id, articleId: article.id }], changeIds, speaker ?? undefined);
  });
}
