// Raw text in, stored article out: the pipeline the CLI, the seed and the ingestArticle mutation share.
import type { SqlWriter } from '../db/writer.js';
import { extractArticle, type ExtractOptions } from './extract.js';
import { storeArticle, type StoreOptions, type StoredArticle } from './store.js';

export async function ingestText(
  writer: SqlWriter,
  text: string,
  options: ExtractOptions & Omit<StoreOptions, 'text'> = {},
): Promise<StoredArticle> {
  const { externalId, keyName, ...extractOptions } = options;
  return storeArticle(writer, extractArticle(text, extractOptions), { text, externalId, keyName });
}
