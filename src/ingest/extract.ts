// The pure ingestion pipeline: raw English news text in, ArticleDraft out. No I/O.
import type { ArticleDraft, QuoteDraft } from './draft.js';
import { attributeQuotes, type AnalysedBlock } from './attribution/attribution.js';
import { attributionEvidence } from './confidence.js';
import { splitBlocks, type TextBlock } from './blocks.js';
import { removePageChrome } from './clean.js';
import { codePointIndexer } from './code-points.js';
import { contentHash } from './content-hash.js';
import { readLayout, tagLineTopics } from './layout.js';
import { isoDate, readFrontMatter, type ArticleMetadata } from './front-matter.js';
import { IngestError } from './ingest-error.js';
import { findPeople, toPersonDrafts, type NameSource } from './people.js';
import { detectQuoteStyle, findQuoteSpans, maskQuotes, maskTokens } from './quotes.js';
import { assertReadableText } from './readable-text.js';
import { splitSentences } from './sentences.js';
import { findSpeakerMentions } from './speaker-mentions.js';
import { isSpeech, quoteKind } from './speech.js';
import { tokenize } from './tokens.js';
import { properWordsOf, topicsFromContent, uniqueTopics } from './topics.js';

export { IngestError } from './ingest-error.js';

/** Without a tag line, topics come from the headline and the lead: the story's subject is named early. */
const LEAD_PARAGRAPHS_FOR_TOPICS = 8;

export interface ExtractOptions {
  /** The publisher when the caller knows it and the text does not say. */
  sourceHint?: string;
  /** What the caller knows beside the text (title, url, date, publisher): it wins over what the text says. */
  metadata?: ArticleMetadata;
}

/** Longest derived title, in characters: about a headline's length. */
const DERIVED_TITLE_LENGTH = 100;

/** A title for a story given without one: its first sentence, cut at a word before DERIVED_TITLE_LENGTH. */
export function deriveTitle(paragraph: string): string {
  // An editor's note in brackets ("(This story has been corrected …)") is no part of the story's first sentence.
  const firstParagraph = paragraph.replace(/^\([^)]{0,300}\)\s*/u, '') || paragraph;
  const sentence = /^.+?[.!?…](?=["”’']?\s+["“‘']?\p{Lu}|["”’']?$)/u.exec(firstParagraph)?.[0] ?? firstParagraph;
  const plain = sentence.replace(/\s+/gu, ' ').trim();
  if (plain.length <= DERIVED_TITLE_LENGTH) return plain.replace(/\.$/u, '');
  const cut = plain.slice(0, DERIVED_TITLE_LENGTH);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > 40 ? cut.slice(0, lastSpace) : cut).replace(/[,;:—–-]$/u, '')}…`;
}

function groupByBlock<T extends { blockIndex: number }>(items: readonly T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const group = groups.get(item.blockIndex);
    if (group) group.push(item);
    else groups.set(item.blockIndex, [item]);
  }
  return groups;
}

export function extractArticle(rawText: string, options: ExtractOptions = {}): ArticleDraft {
  assertReadableText(rawText);
  const frontMatter = readFrontMatter(rawText);
  const metadata = { ...frontMatter.metadata, ...options.metadata };
  const { blocks } = removePageChrome(splitBlocks(rawText).filter((block) => block.start >= frontMatter.end));
  const layout = readLayout(blocks);

  // The prose that can carry speech: standfirst and body paragraphs, in reading order.
  const speechBlocks: TextBlock[] = layout.standfirst ? [layout.standfirst, ...layout.paragraphs] : [...layout.paragraphs];
  const firstParagraph = layout.paragraphs[0];
  if (firstParagraph && layout.bodyStart > firstParagraph.start) {
    // The dateline is not prose: read the first paragraph from after it.
    const trimmed = { text: rawText.slice(layout.bodyStart, firstParagraph.end), start: layout.bodyStart, end: firstParagraph.end };
    speechBlocks[speechBlocks.indexOf(firstParagraph)] = trimmed;
  }
  const style = detectQuoteStyle(speechBlocks);
  const spans = findQuoteSpans(speechBlocks, style);

  // Each block is tokenised once: names are read on its own tokens, speech on the same tokens with quotations masked.
  const blockTokens = speechBlocks.map((block) => tokenize(block.text));
  const nameSources: NameSource[] = [
    ...(layout.headline ? [{ block: layout.headline, blockIndex: -1, titleCase: true }] : []),
    ...(layout.photoCaption ? [{ block: layout.photoCaption, blockIndex: -2, titleCase: false }] : []),
    ...speechBlocks.map((block, blockIndex) => ({ block, blockIndex, titleCase: false, tokens: blockTokens[blockIndex] })),
    ...layout.sectionHeadings.map((block) => ({ block, blockIndex: -3, titleCase: true })),
  ];
  const { people, mentions } = findPeople(nameSources, spans);

  const spansByBlock = groupByBlock(spans);
  const mentionsByBlock = groupByBlock(mentions);
  const analysed: AnalysedBlock[] = speechBlocks.map((block, blockIndex) => {
    const blockSpans = spansByBlock.get(blockIndex) ?? [];
    const masked = maskQuotes(block, blockSpans);
    const tokens = maskTokens(block, blockTokens[blockIndex]!, blockSpans);
    const blockMentions = mentionsByBlock.get(blockIndex) ?? [];
    return { block, tokens, sentences: splitSentences(tokens), mentions: findSpeakerMentions(tokens, masked, block.start, blockMentions) };
  });
  const { attributions, learnedRoles } = attributeQuotes(analysed, spans, people);

  const toCodePoints = codePointIndexer(rawText);
  const quotes: QuoteDraft[] = [];
  spans.forEach((span, index) => {
    const attribution = attributions[index]!;
    if (!isSpeech(rawText, speechBlocks[span.blockIndex]!.start, span, attribution)) return;
    const speaker = attribution.speaker;
    const person = speaker?.personIndex != null ? people[speaker.personIndex] : undefined;
    quotes.push({
      text: span.text,
      start: toCodePoints(span.start),
      end: toCodePoints(span.end),
      speaker: person ? person.name.normalize('NFC') : null,
      speakerDescription: person ? null : speaker?.description ?? null,
      kind: quoteKind(rawText, speechBlocks[span.blockIndex]!.start, span),
      attribution: attributionEvidence(attribution.rule),
    });
  });

  const personDrafts = toPersonDrafts(people, learnedRoles);
  const authorNames = new Set((layout.byline?.authors ?? []).map((author) => author.toLowerCase()));
  const paragraphs = speechBlocks.slice(layout.standfirst ? 1 : 0).map((block) => block.text);
  const properWords = properWordsOf(blockTokens);
  // The first paragraph of prose: not the standfirst, nor an editor's note wholly in brackets.
  const firstProse = speechBlocks.find((block) => block !== layout.standfirst && !/^\(.*\)$/su.test(block.text))?.text ?? layout.standfirst?.text;
  const printedTitle = layout.headline?.text ?? null;
  const title = metadata.title?.trim() || printedTitle || (firstProse ? deriveTitle(firstProse) : null);
  if (!title) throw new IngestError('no-headline', 'The text has no article in it: no headline and no paragraphs.');
  const topics = layout.tagLine
    ? uniqueTopics(tagLineTopics(layout.tagLine), properWords)
    : topicsFromContent([printedTitle ?? metadata.title ?? '', ...paragraphs.slice(0, LEAD_PARAGRAPHS_FOR_TOPICS)], personDrafts.map((person) => person.name), properWords);

  return {
    title,
    titleDerived: !metadata.title?.trim() && !printedTitle,
    url: metadata.url?.trim() || null,
    byline: layout.byline?.text ?? null,
    authors: layout.byline?.authors ?? [],
    source: metadata.source?.trim() || layout.byline?.publisher || layout.datelineAgency || options.sourceHint || null,
    contributors: layout.contributors,
    dateline: layout.dateline,
    standfirst: layout.standfirst?.text ?? null,
    photoCaption: layout.photoCaption?.text ?? null,
    creditLine: layout.creditLine?.text ?? null,
    paragraphs,
    sectionHeadings: layout.sectionHeadings.map((block) => block.text),
    publishedAt: (metadata.publishedAt ? isoDate(metadata.publishedAt) : null) ?? layout.publishedAt,
    topics,
    people: personDrafts.filter((person) => !authorNames.has(person.name.toLowerCase())),
    quotes,
    contentHash: contentHash(rawText),
  };
}
