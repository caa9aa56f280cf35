// Raw text in, stored article out: the pipeline the CLI, the seed and the ingestArticle mutation share.
import type { PrismaClient } from '../generated/prisma/client.js';
import { extractArticle } from './extract.js';
import { storeArticle, type StoredArticle } from './store.js';

export async function ingestText(
  prisma: PrismaClient,
  text: string,
  options: { sourceHint?: string } = {},
): Promise<StoredArticle> {
  return storeArticle(prisma, extractArticle(text, options));
}
