// What the read engine reads of quotes: their rows by id, the lists of quotes the schema offers,
// and the filters of the quotes list. Lists leave out retracted quotes (unless asked for them) and
// the quotes of unpublished articles, by a condition in their own statement.
import { literalLikePattern } from '../../db/sql.js';
import { normalizeName } from '../../ingest/identity.js';
import { articleRows, byArticle, type ArticleFilterArguments } from '../article/article.lists.js';
import { personRows } from '../person/person.lists.js';
import { idOfSlug } from '../read/compile.js';
import { columns, KEY, orderBy, throughLink, type Counter, type Filter, type JoinedRow, type ListSpec, type NestedList, type RowSource } from '../read/catalogue.js';

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

export const quoteColumns = columns({
  id: KEY,
  articleId: KEY,
  speakerId: KEY,
  text: 'text',
  kind: { type: 'text', sql: (t) => `${t}."kind"::text` },
  position: 'int',
  startOffset: 'int',
  endOffset: 'int',
  speakerDescription: 'text',
  date: 'timestamp',
  retracted: 'boolean',
  version: 'int',
  corrected: 'boolean',
  attributionConfidence: 'float8',
  corrections: { type: 'json', sql: (t) => `${t}."correctionNotices"` },
  attribution: {
    type: 'json',
    sql: (t) => `CASE WHEN ${t}."attributionMethod" IS NULL THEN NULL
    ELSE json_build_object('method', ${t}."attributionMethod", 'confidence', ${t}."attributionConfidence") END`,
  },
});

/** Quotes of published articles: what a lookup by id may answer (a retracted quote too, marked so). */
const IN_PUBLISHED_ARTICLE = 't."articlePublished"';
/** What lists show: quotes of published articles that are not retracted. */
const LISTED = `NOT t."retracted" AND ${IN_PUBLISHED_ARTICLE}`;

export const quoteRows: RowSource = { table: '"Quote"', columns: quoteColumns, visible: IN_PUBLISHED_ARTICLE };

/** A quote's article, read along with the quote when a query asks for it. */
export const articleOfQuote: JoinedRow = { rows: articleRows, key: 'articleId' };
/** A quote's speaker, read along with the quote when a query asks for them. */
export const speakerOfQuote: JoinedRow = { rows: personRows, key: 'speakerId' };

export const quotesNewestFirst: ListSpec = {
  from: '"Quote" t',
  columns: quoteColumns,
  order: orderBy(quoteColumns, 'date', 'id'),
  direction: 'DESC',
  where: LISTED,
  total: 'quotes',
};
export const quotesOldestFirst: ListSpec = { ...quotesNewestFirst, direction: 'ASC' };
/**
 * The review queue: least sure attribution first (an index walks it). Quotes with no confidence
 * (stored before it was kept) are left out by the resolver's filter, since a keyset cannot order nulls.
 */
export const quotesLeastConfidentFirst: ListSpec = {
  ...quotesNewestFirst,
  order: orderBy(quoteColumns, 'attributionConfidence', 'id'),
  direction: 'ASC',
};

/** A list of quotes as asked for: with its retracted quotes when `includeRetracted` is set. */
export function withRetracted(spec: ListSpec, includeRetracted: boolean | null | undefined): ListSpec {
  return includeRetracted ? { ...spec, where: IN_PUBLISHED_ARTICLE, total: undefined } : spec;
}

/**
 * A nested quote list, which reads its retracted quotes too when the field's `includeRetracted` asks;
 * the listed quotes' count is kept on the parent (`counter`), the list with retracted ones is counted.
 */
function quoteList(name: string, { spec, parentColumn }: Pick<NestedList, 'spec' | 'parentColumn'>, counter: Counter): NestedList {
  const listed: NestedList = { name, spec, parentColumn, counter };
  const all: NestedList = { name: `${name}+retracted`, spec: withRetracted(spec, true), parentColumn };
  const choose = (args: Record<string, unknown>) => (args.includeRetracted === true ? all : listed);
  listed.forArguments = choose;
  all.forArguments = choose;
  return listed;
}

export const quotesBySpeaker = quoteList('quotesBySpeaker', { spec: quotesNewestFirst, parentColumn: 't."speakerId"' }, { table: '"Person"', column: 'quoteCount' });

export const quotesInArticle = quoteList('quotesInArticle', {
  spec: { from: '"Quote" t', columns: quoteColumns, order: orderBy(quoteColumns, 'position', 'id'), direction: 'ASC', where: LISTED },
  parentColumn: 't."articleId"',
}, { table: '"Article"', column: 'quoteCount' });

export const quotesOnTopic = quoteList(
  'quotesOnTopic',
  throughLink(quotesNewestFirst, { table: 'ArticleTopic', alias: 'tagged', rowKey: 'articleId', rowColumn: 'articleId', parentKey: 'topicId' }),
  { table: '"Topic"', column: 'quoteCount' },
);

/**
 * The filters of the quotes list: by speaker, person and article, and those quotes share with articles
 * (byArticle); the review queue's order leaves out quotes with no confidence (a keyset cannot order nulls).
 */
export function quoteFilter(
  args: ArticleFilterArguments & { speaker?: string | null; person?: string | null; article?: string | null; orderBy?: string | null },
): Filter {
  return (parameters) => {
    const conditions: string[] = [];
    if (args.speaker) {
      // A speaker matches by any alias, or by the last word of any full-name alias (a surname).
      const normalized = normalizeName(args.speaker);
      const name = parameters.add(normalized);
      const surname = parameters.add(literalLikePattern(normalized));
      conditions.push(`t."speakerId" IN (SELECT alias."personId" FROM "PersonAlias" alias
        WHERE alias."normalized" = ${name} OR alias."normalized" LIKE '% ' || ${surname})`);
    }
    if (args.person) {
      conditions.push(`t."speakerId" = ${idOfSlug('"Person"', 'Person', parameters.add(args.person))}`);
    }
    if (args.article) {
      conditions.push(`t."articleId" = (SELECT "id" FROM "Article" WHERE "slug" = ${parameters.add(args.article)})`);
    }
    if (args.orderBy === 'LEAST_CONFIDENT_FIRST') conditions.push('t."attributionConfidence" IS NOT NULL');
    return [...conditions, ...byArticle(parameters, args, 't."articleId"')];
  };
}
