// Raw text in, stored article out, extracted on the calling thread: what seeding uses (the seeds are
// few and known). The CLI's ingest and the ingestArticle mutation extract in a worker thread within a
// time budget (extraction-worker.ts), then store the draft with the same store.ts.
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
