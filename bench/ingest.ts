// Ingest speed: extraction alone (articles per second on one core, over seeds/*.txt and the
// evaluation texts, repeated), then end-to-end ingestion into a throwaway PostgreSQL database
// (distinct texts, so every content hash differs): one at a time and a few at a time (as
// `ingestArticle` stores), a batch per transaction with the drafts extracted beforehand (the store
// alone), and a folder of distinct article files through the command line, `quotegraph ingest
// FOLDER`, timed from start to exit. Each reports the CPU time of the PostgreSQL backends an article,
// steadier than rates on a shared machine.
// With --scale N the articles go into a copy of the bench database of that scale (npm run bench:data
// -- --scale N) instead of an empty one, and with --topic-articles K the topics of the stories stored
// (the seeds' and the evaluation texts') first get K of its articles each: what it costs to store an
// article filed under a topic that is already large.
// Usage: npm run bench:ingest -- [--quick] [--keep] [--files N] [--scale N [--topic-articles K]]
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connectPostgres } from '../src/db/client.js';
import { migratePostgres } from '../src/db/migrate.js';
import { extractArticle } from '../src/ingest/extract.js';
import { BATCH_SIZE, storeArticle, storeArticles } from '../src/ingest/store.js';
import { packageRoot } from '../src/package-root.js';
import { adminUrl, BENCH_PREFIX, copyDatabase, databaseUrl, dropDatabase, ensureDatabase, optionValue, parseArguments } from './database.js';
import { backendCpu, cpuSpent } from './processes.js';

/** The seeds and the fictional evaluation texts (1.8 KiB on average). */
const SHORT_TEXTS = ['seeds', 'test/fixtures/eval'];
/** The seeds, the real-news corpus and the evaluation texts (4.5 KiB on average): the folder ingested through the command line. */
const FOLDER_TEXTS = ['seeds', 'test/fixtures/real/tune', 'test/fixtures/real/holdout', 'test/fixtures/eval'];

async function texts(folders = SHORT_TEXTS): Promise<{ name: string; text: string }[]> {
  const found: { name: string; text: string }[] = [];
  for (const folder of folders.map((name) => path.join(packageRoot, name))) {
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

/** Writes `count` distinct article files (editions of `corpus`) into a new folder. */
async function articleFolder(corpus: { text: string }[], count: number): Promise<{ folder: string; bytes: number }> {
  const folder = await mkdtemp(path.join(tmpdir(), 'quotegraph-bench-ingest-'));
  let bytes = 0;
  for (let index = 0; index < count; index++) {
    // Numbered apart from the editions stored before it in the same database.
    const text = edition(corpus[index % corpus.length]!.text, 1_000_000 + index);
    bytes += Buffer.byteLength(text);
    await writeFile(path.join(folder, `${String(index).padStart(6, '0')}.txt`), text);
  }
  return { folder, bytes };
}

/** CPU time of this process's waited-for children, in milliseconds (cutime + cstime). */
function childrenCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
}

/**
 * `quotegraph ingest FOLDER` into the database at `url`, timed from start to exit, with the CPU
 * time of the command (its threads included) and of the PostgreSQL backends serving it.
 */
async function ingestFolder(url: string, name: string, folder: string): Promise<{ seconds: number; summary: string; cliCpuMs: number; databaseCpuMs: number }> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const backends = new Map<number, number>();
  const sample = async () => {
    for (const [pid, ms] of await backendCpu(admin, name)) backends.set(pid, ms);
  };
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(packageRoot, 'dist/quotegraph.mjs'), 'ingest', folder], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const sampler = setInterval(() => void sample().catch(() => {}), 200);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  await admin.end();
  const summary = output.trim().split('\n').at(-1) ?? '';
  if (code !== 0) throw new Error(`quotegraph ingest exited with ${code}: ${summary}`);
  return { seconds, summary, cliCpuMs: childrenCpuMs() - cpuBefore, databaseCpuMs: [...backends.values()].reduce((sum, ms) => sum + ms, 0) };
}

/**
 * Files `count` of the bench corpus's articles under each topic that is not the corpus's own (the
 * seeds' and the evaluation texts' topics, which the stories stored here are filed under).
 */
async function enlargeTopics(url: string, count: number): Promise<void> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "ArticleTopic" ("articleId", "topicId")
       SELECT article."id", topic."id" FROM "Topic" topic,
         LATERAL (SELECT "id" FROM "Article" WHERE "id" % 4 = topic."id" % 4 ORDER BY "id" LIMIT $1) article
       WHERE topic."slug" NOT LIKE 'bench-%'
       ON CONFLICT DO NOTHING`,
      [count],
    );
    await client.query('ANALYZE "ArticleTopic", "Topic"');
    const { rows } = await client.query(
      `SELECT count(*)::int AS "topics", min("articleCount")::int AS "smallest" FROM "Topic" WHERE "slug" NOT LIKE 'bench-%'`,
    );
    console.log(
      `Topics of the stories stored: ${rows[0].topics}, each with at least ${rows[0].smallest} articles ` +
        `(${((performance.now() - started) / 1000).toFixed(1)} s to file them)`,
    );
  } finally {
    await client.end();
  }
}

const load = () => loadavg().map((value) => value.toFixed(2)).join(', ');

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const folderFiles = Number(optionValue(options.rest, '--files') ?? (options.quick ? 1000 : 3000));
  const scaled = process.argv.includes('--scale');
  const topicArticles = Number(optionValue(options.rest, '--topic-articles') ?? 0);
  if (!Number.isInteger(topicArticles) || topicArticles < 0) throw new Error('--topic-articles must be a whole number');
  if (topicArticles > 0 && !scaled) throw new Error('--topic-articles needs --scale N: the articles come from the bench database');
  console.log(`Load average at start: ${load()}`);
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
  if (scaled) {
    const template = `${BENCH_PREFIX}s${options.scale}`;
    await copyDatabase(template, name);
    console.log(`Into a copy of ${template}`);
  } else {
    await ensureDatabase(name);
  }
  const database = connectPostgres(url);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  /** CPU time of the benchmark database's backends while `work` runs, in ms an article. */
  const databaseCpu = async <T>(articles: number, work: () => Promise<T>): Promise<{ result: T; msPerArticle: number }> => {
    const before = await backendCpu(admin, name);
    const result = await work();
    return { result, msPerArticle: cpuSpent(before, await backendCpu(admin, name)) / articles };
  };
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
    if (topicArticles > 0) await enlargeTopics(url, topicArticles);
    for (const concurrency of [1, 4]) {
      const { result: rate, msPerArticle } = await databaseCpu(count, () => ingest(count, concurrency));
      console.log(
        `End-to-end ingest, ${concurrency} at a time: ${rate.toFixed(0)} articles/s (${count} distinct texts into PostgreSQL; ` +
          `PostgreSQL CPU per article ${msPerArticle.toFixed(2)} ms)`,
      );
    }
    // The store alone, as `npm run ingest` stores a batch: drafts extracted beforehand, BATCH_SIZE per transaction.
    const batches = options.quick ? 2 : 4;
    const prepared = Array.from({ length: batches * BATCH_SIZE }, () => {
      const index = next++;
      const text = edition(corpus[index % corpus.length]!.text, index);
      return { draft: extractArticle(text), text };
    });
    const started = performance.now();
    const { msPerArticle } = await databaseCpu(prepared.length, async () => {
      for (let stored = 0; stored < prepared.length; stored += BATCH_SIZE) {
        const results = await storeArticles(database.writer, prepared.slice(stored, stored + BATCH_SIZE));
        if (results.some((result) => result instanceof Error || !result.created)) throw new Error('a batched edition was not stored as new');
      }
    });
    const batchedRate = prepared.length / ((performance.now() - started) / 1000);
    console.log(
      `Store alone, ${BATCH_SIZE} per transaction (drafts extracted beforehand): ${batchedRate.toFixed(0)} articles/s ` +
        `(${prepared.length} distinct texts; PostgreSQL CPU per article ${msPerArticle.toFixed(2)} ms)`,
    );

    // A folder of article files through the command line, as a newsroom's bulk import runs.
    const folderCorpus = await texts(FOLDER_TEXTS);
    const { folder, bytes } = await articleFolder(folderCorpus, folderFiles);
    try {
      const run = await ingestFolder(url, name, folder);
      if (!run.summary.startsWith(`${folderFiles} file(s): ${folderFiles} stored`)) throw new Error(`not every file was stored: ${run.summary}`);
      console.log(
        `Bulk ingest through the command line (quotegraph ingest FOLDER): ${(folderFiles / run.seconds).toFixed(0)} articles/s ` +
          `(${folderFiles} files from ${folderCorpus.length} texts, ${(bytes / folderFiles / 1024).toFixed(1)} KiB on average, ${run.seconds.toFixed(1)} s ` +
          `from start to exit; CPU per article: command ${(run.cliCpuMs / folderFiles).toFixed(2)} ms, PostgreSQL ${(run.databaseCpuMs / folderFiles).toFixed(2)} ms)`,
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  } finally {
    await admin.end();
    await database.close();
    if (!options.keep) await dropDatabase(name);
    console.log(`Load average at end: ${load()}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
