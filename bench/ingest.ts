// Ingest speed: extraction alone (articles per second on one core, over seeds/*.txt and the
// evaluation texts, repeated), then end-to-end ingestion into a throwaway PostgreSQL database
// (distinct texts, so every content hash differs), one at a time and a few at a time.
// Usage: npm run bench:ingest -- [--quick] [--keep]
import 'reflect-metadata';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { connectPostgres } from '../src/db/client.js';
import { migratePostgres } from '../src/db/migrate.js';
import { extractArticle } from '../src/ingest/extract.js';
import { BATCH_SIZE, storeArticle, storeArticles } from '../src/ingest/store.js';
import { packageRoot } from '../src/package-root.js';
import { BENCH_PREFIX, databaseUrl, dropDatabase, ensureDatabase, parseArguments } from './database.js';

async function texts(): Promise<{ name: string; text: string }[]> {
  const folders = [path.join(packageRoot, 'seeds'), path.join(packageRoot, 'test/fixtures/eval')];
  const found: { name: string; text: string }[] = [];
  for (const folder of folders) {
    for (const file of (await readdir(folder)).filter((name) => name.endsWith('.txt')).sort()) {
      found.push({ name: file, text: await readFile(path.join(folder, file), 'utf8') });
    }
  }
  return found;
}

/** The same story under a new headline: a new content hash and slug, the same work to extract. */
function edition(text: string, index: number): string {
  const newline = text.indexOf('\n');
  return `${text.slice(0, newline)} (edition ${index})${text.slice(newline)}`;
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const corpus = await texts();
  const seconds = options.quick ? 1 : 3;

  // Extraction: warm up, then as many passes over the texts as fit in the time. The extractor's
  // many regular expressions take V8 seconds to compile fully: over the first second it runs at
  // about half its steady rate, so a single warm-up pass measured mostly the warm-up.
  const warmUp = performance.now();
  while (performance.now() - warmUp < seconds * 1000) for (const { text } of corpus) extractArticle(text);
  let extracted = 0;
  let bytes = 0;
  const begun = performance.now();
  while (performance.now() - begun < seconds * 1000) {
    for (const { text } of corpus) {
      extractArticle(text);
      extracted++;
      bytes += text.length;
    }
  }
  const extractionSeconds = (performance.now() - begun) / 1000;
  console.log(
    `Extraction: ${(extracted / extractionSeconds).toFixed(0)} articles/s on one core, after ${seconds} s of warm-up ` +
      `(${corpus.length} texts, ${(bytes / extracted / 1024).toFixed(1)} KiB on average, ${extracted} extractions in ${extractionSeconds.toFixed(1)} s)`,
  );

  const name = `${BENCH_PREFIX}ingest_${process.pid}`;
  const url = databaseUrl(name);
  await ensureDatabase(name);
  const database = connectPostgres(url);
  try {
    await migratePostgres(url);
    const count = options.quick ? 100 : 400;
    let next = 0;
    const ingest = async (articles: number, concurrency: number) => {
      const started = performance.now();
      let done = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (done < articles) {
            done++;
            const index = next++;
            const source = corpus[index % corpus.length]!.text;
            const text = edition(source, index);
            const stored = await storeArticle(database.writer, extractArticle(text), { text });
            if (!stored.created) throw new Error(`edition ${index} was not new`);
          }
        }),
      );
      return articles / ((performance.now() - started) / 1000);
    };
    await ingest(20, 1); // warm-up: connections, prepared plans, the people every story names
    for (const concurrency of [1, 4]) {
      const rate = await ingest(count, concurrency);
      console.log(`End-to-end ingest, ${concurrency} at a time: ${rate.toFixed(0)} articles/s (${count} distinct texts into PostgreSQL)`);
    }
    // As `npm run ingest -- FILE...` stores files: extracted, then BATCH_SIZE per transaction.
    const started = performance.now();
    for (let stored = 0; stored < count; stored += BATCH_SIZE) {
      const drafts = Array.from({ length: Math.min(BATCH_SIZE, count - stored) }, () => {
        const index = next++;
        const text = edition(corpus[index % corpus.length]!.text, index);
        return { draft: extractArticle(text), text };
      });
      const results = await storeArticles(database.writer, drafts);
      if (results.some((result) => result instanceof Error || !result.created)) throw new Error('a batched edition was not stored as new');
    }
    const batchedRate = count / ((performance.now() - started) / 1000);
    console.log(`End-to-end ingest, ${BATCH_SIZE} per transaction (the ingest command): ${batchedRate.toFixed(0)} articles/s (${count} distinct texts)`);
  } finally {
    await database.close();
    if (!options.keep) await dropDatabase(name);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
