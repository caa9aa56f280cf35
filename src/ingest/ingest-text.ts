// Raw text in, stored article out: the pipeline the CLI, the seed and the ingestArticle mutation share.
import type { SqlWriter } from '../db/writer.js';
import { extractArticle } from './extract.js';
import { storeArticle, type StoredArticle } from './store.js';

export async function ingestText(
  writer: SqlWriter,
  text: string,
  options: { sourceHint?: string } = {},
): Promise<StoredArticle> {
  return storeArticle(writer, extractArticle(text, options));
}
