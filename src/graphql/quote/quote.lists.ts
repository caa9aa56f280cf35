// SQL for reading quotes: by id, and the lists of quotes the schema offers.
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
  t."startOffset", t."endOffset", t."speakerDescription", t."date"`;

const timestamps = ['date'];

export const quoteRows: RowSource = { table: '"Quote"', columns, timestamps };

/** A quote's article (and its source) and speaker, read along with the quote when a query asks for them. */
export const quoteJoins: JoinedRow[] = [
  { field: 'article', rows: articleRows, key: 'articleId', joins: [sourceOfArticle] },
  { field: 'speaker', rows: personRows, key: 'speakerId' },
];

export const quotesNewestFirst: ListSpec = { from: '"Quote" t', columns, order: BY_DATE, direction: 'DESC', joins: quoteJoins, timestamps };
export const quotesOldestFirst: ListSpec = { ...quotesNewestFirst, direction: 'ASC' };

export const quotesBySpeaker: NestedList = {
  name: 'quotesBySpeaker',
  spec: quotesNewestFirst,
  parentColumn: 't."speakerId"',
};

export const quotesInArticle: NestedList = {
  name: 'quotesInArticle',
  spec: {
    from: '"Quote" t',
    columns,
    order: [
      { expression: 't."position"', field: 'position', type: 'int' },
      { expression: 't."id"', field: 'id', type: 'int' },
    ],
    direction: 'ASC',
    joins: quoteJoins,
    timestamps,
  },
  parentColumn: 't."articleId"',
};

export const quotesOnTopic: NestedList = {
  name: 'quotesOnTopic',
  spec: { ...quotesNewestFirst, from: '"Quote" t JOIN "ArticleTopic" tagged ON tagged."articleId" = t."articleId"' },
  parentColumn: 'tagged."topicId"',
};
