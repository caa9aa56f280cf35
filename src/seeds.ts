// Loads the articles in seeds/ through the ingestion pipeline; a second run finds them all stored.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { readArticleFile } from './article-file.js';
import type { SqlWriter } from './db/writer.js';
import { ingestText } from './ingest/ingest-text.js';
import { packageRoot } from './package-root.js';

export const seedsDirectory = path.join(packageRoot, 'seeds');

export interface SeedReport {
  created: string[];
  unchanged: string[];
}

export async function seedDatabase(writer: SqlWriter, directory = seedsDirectory): Promise<SeedReport> {
  const files = (await readdir(directory)).filter((name) => name.endsWith('.txt')).sort();
  const report: SeedReport = { created: [], unchanged: [] };
  for (const file of files) {
    const stored = await ingestText(writer, (await readArticleFile(path.join(directory, file))).text);
    (stored.created ? report.created : report.unchanged).push(stored.slug);
  }
  return report;
}
