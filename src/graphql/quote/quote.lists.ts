// SQL for reading quotes: by id, and the lists of quotes the schema offers. Lists leave out
// retracted quotes (unless asked for them) and the quotes of unpublished articles, by a condition
// in their own statement.
import { articleRows, sourceOfArticle } from '../article/article.lists.js';
import type { NestedList, RowSource } from '../loaders.js';
import type { JoinedRow } from '../pagination/joined-rows.js';
import type { ListSpec } from '../pagination/keyset.js';
import { BY_DATE } from '../pagination/orderings.js';
import { personRows } from '../person/person.lists.js';

export interface QuoteRow extends Record<string, unknown> {
  id: number;
  articleId: number;
  speakerId: number | null;
  text: string;
  kind: string;
  position: number;
  startOffset: number;
  endOffset: number;
  speakerDescription: string | null;
  date: Date;
}

const columns = `t."id", t."articleId", t."speakerId", t."text", t."kind"::text AS "kind", t."position",
  t."startOffset", t."endOffset", t."speakerDescription", t."date", t."retracted", t."version", t."corrected", t."attributionConfidence",
  t."correctionNotices" AS "corrections",
  CASE WHEN t."attributionMethod" IS NULL THEN NULL
    ELSE json_build_object('method', t."attributionMethod", 'confidence', t."attributionConfidence") END AS "attribution"`;

const timestamps = ['date'];

/** Quotes of published articles: what a lookup by id may answer (a retracted quote too, marked so). */
const IN_PUBLISHED_ARTICLE = 't."articlePublished"';
/** What lists show: quotes of published articles that are not retracted. */
const LISTED = `NOT t."retracted" AND ${IN_PUBLISHED_ARTICLE}`;

export const quoteRows: RowSource = { table: '"Quote"', columns, timestamps, visible: IN_PUBLISHED_ARTICLE };

/** A quote's article (and its source) and speaker, read along with the quote when a query asks for them. */
export const quoteJoins: JoinedRow[] = [
  { field: 'article', rows: articleRows, key: 'articleId', joins: [sourceOfArticle] },
  { field: 'speaker', rows: personRows, key: 'speakerId' },
];

export const quotesNewestFirst: ListSpec = { from: '"Quote" t', columns, order: BY_DATE, direction: 'DESC', joins: quoteJoins, timestamps, where: LISTED };
export const quotesOldestFirst: ListSpec = { ...quotesNewestFirst, direction: 'ASC' };
/**
 * The review queue: least sure attribution first (an index walks it). Quotes with no confidence
 * (stored before it was kept) are left out by the resolver's filter, since a keyset cannot order nulls.
 */
export const quotesLeastConfidentFirst: ListSpec = {
  ...quotesNewestFirst,
  order: [
    { expression: 't."attributionConfidence"', field: 'attributionConfidence', type: 'float8' },
    { expression: 't."id"', field: 'id', type: 'int' },
  ],
  direction: 'ASC',
};

/** A list of quotes as asked for: with its retracted quotes when `includeRetracted` is set. */
export function withRetracted(spec: ListSpec, includeRetracted: boolean | null | undefined): ListSpec {
  return includeRetracted ? { ...spec, where: IN_PUBLISHED_ARTICLE } : spec;
}

/** A nested quote list, which reads its retracted quotes too when the field's `includeRetracted` asks. */
function quoteList(name: string, spec: ListSpec, parentColumn: string): NestedList {
  const listed: NestedList = { name, spec, parentColumn };
  const all: NestedList = { name: `${name}+retracted`, spec: withRetracted(spec, true), parentColumn };
  const choose = (args: Record<string, unknown>) => (args.includeRetracted === true ? all : listed);
  listed.forArguments = choose;
  all.forArguments = choose;
  return listed;
}

export const quotesBySpeaker = quoteList('quotesBySpeaker', quotesNewestFirst, 't."speakerId"');

export const quotesInArticle = quoteList(
  'quotesInArticle',
  {
    from: '"Quote" t',
    columns,
    order: [
      { expression: 't."position"', field: 'position', type: 'int' },
      { expression: 't."id"', field: 'id', type: 'int' },
    ],
    direction: 'ASC',
    joins: quoteJoins,
    timestamps,
    where: LISTED,
  },
  't."articleId"',
);

export const quotesOnTopic = quoteList(
  'quotesOnTopic',
  { ...quotesNewestFirst, from: '"Quote" t JOIN "ArticleTopic" tagged ON tagged."articleId" = t."articleId"' },
  'tagged."topicId"',
);
