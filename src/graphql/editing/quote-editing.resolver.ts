// Mutations that correct quotes: each keeps its correction as a fact that survives re-ingesting the
// article, prints a public notice, and writes the record.
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { addQuote, changeQuoteKind, changeQuoteSpeaker, confirmQuoteSpeaker, fixQuoteSpan, setQuoteRetracted, type QuoteEditResult } from '../../editorial/quote-edits.js';
import type { Context } from '../context.js';
import { personRows, type PersonRow } from '../person/person.lists.js';
import { quoteRows, type QuoteRow } from '../quote/quote.lists.js';
import { changesByIds, editorially, editorOf, quoteIdOf, refOf, speakerChoice } from './editing-support.js';
import { AddQuoteInput, ChangeQuoteKindInput, ChangeQuoteSpeakerInput, FixQuoteSpanInput, QuoteRefInput } from './editing.inputs.js';
import { QuotePayload } from './payloads.type.js';

async function quotePayload(context: Context, result: QuoteEditResult) {
  return {
    quote: (await context.loaders.row<QuoteRow>(quoteRows, result.quoteIds[0]!))!,
    speaker: result.speakerId === null ? null : await context.loaders.row<PersonRow>(personRows, result.speakerId),
    changes: await changesByIds(context.sql, result.changeIds),
  };
}

@Resolver()
export class QuoteEditingResolver {
  @Mutation(() => QuotePayload, {
    description:
      'Re-attributes a quote to a known person, a new person or an unnamed speaker. The correction is kept: re-ingesting the article applies it again wherever the quote still is. Needs an editor key.',
  })
  async changeQuoteSpeaker(@Arg('input', () => ChangeQuoteSpeakerInput) input: ChangeQuoteSpeakerInput, @Ctx() context: Context) {
    const editor = await editorOf(context, input.note);
    const result = await editorially(() =>
      changeQuoteSpeaker(context.writer, editor, { quoteId: quoteIdOf(input.quote), speaker: speakerChoice(input.speaker), version: input.version }),
    );
    return quotePayload(context, result);
  }

  @Mutation(() => QuotePayload, {
    description:
      'Confirms the speaker the pipeline found (attribution becomes method "confirmed", confidence 1), so the quote leaves the head of the review queue. Not a correction: no public notice. It holds for the current text: a re-ingest extracts the quote again. BAD_USER_INPUT when an editor already confirmed or set the speaker. Needs an editor key.',
  })
  async confirmQuoteSpeaker(@Arg('input', () => QuoteRefInput) input: QuoteRefInput, @Ctx() context: Context) {
    const editor = await editorOf(context, input.note);
    const result = await editorially(() => confirmQuoteSpeaker(context.writer, editor, { quoteId: quoteIdOf(input.quote), version: input.version }));
    return quotePayload(context, result);
  }

  @Mutation(() => QuotePayload, {
    description:
      'Fixes a quote\'s span: its words become those between two offsets of the article\'s current text (BAD_USER_INPUT for offsets outside it). Kept across re-ingests. Needs an editor key.',
  })
  async fixQuoteSpan(@Arg('input', () => FixQuoteSpanInput) input: FixQuoteSpanInput, @Ctx() context: Context) {
    const editor = await editorOf(context, input.note);
    const result = await editorially(() =>
      fixQuoteSpan(context.writer, editor, { quoteId: quoteIdOf(input.quote), startOffset: input.startOffset, endOffset: input.endOffset, version: input.version }),
    );
    return quotePayload(context, result);
  }

  @Mutation(() => QuotePayload, { description: 'Sets whether a quote is direct or partial. Kept across re-ingests. Needs an editor key.' })
  async changeQuoteKind(@Arg('input', () => ChangeQuoteKindInput) input: ChangeQuoteKindInput, @Ctx() context: Context) {
    const editor = await editorOf(context, input.note);
    const result = await editorially(() => changeQuoteKind(context.writer, editor, { quoteId: quoteIdOf(input.quote), kind: input.kind, version: input.version }));
    return quotePayload(context, result);
  }

  @Mutation(() => QuotePayload, {
    description:
      'Retracts a quote: it is kept (its id still finds it, marked retracted) but left out of lists unless they ask for retracted quotes, and its article prints the notice. Kept across re-ingests. Needs an editor key.',
  })
  async retractQuote(@Arg('input', () => QuoteRefInput) input: QuoteRefInput, @Ctx() context: Context) {
    const editor = await editorOf(context, input.note);
    const result = await editorially(() => setQuoteRetracted(context.writer, editor, { quoteId: quoteIdOf(input.quote), retracted: true, version: input.version }));
    return quotePayload(context, result);
  }

  @Mutation(() => QuotePayload, { description: 'Takes a retraction back: the quote is listed again. Needs an editor key.' })
  async restoreQuote(@Arg('input', () => QuoteRefInput) input: QuoteRefInput, @Ctx() context: Context) {
    const editor = await editorOf(context, input.note);
    const result = await editorially(() => setQuoteRetracted(context.writer, editor, { quoteId: quoteIdOf(input.quote), retracted: false, version: input.version }));
    return quotePayload(context, result);
  }

  @Mutation(() => QuotePayload, {
    description:
      'Adds a quote the pipeline missed, between two offsets of the article\'s current text. Re-ingesting the article adds it again wherever its words still are. Needs an editor key.',
  })
  async addQuote(@Arg('input', () => AddQuoteInput) input: AddQuoteInput, @Ctx() context: Context) {
    const editor = await editorOf(context, input.note);
    const result = await editorially(() =>
      addQuote(context.writer, editor, {
        article: refOf(input.article, 'Article'),
        startOffset: input.startOffset,
        endOffset: input.endOffset,
        kind: input.kind,
        speaker: input.speaker ? speakerChoice(input.speaker) : null,
      }),
    );
    return quotePayload(context, result);
  }
}
