// How far a streaming replica falls behind while the primary ingests as fast as it can: ingests
// distinct articles (four at a time, and 50 to a transaction) for a
// while, and every 50 ms notes the primary's WAL position; the lag of a position is the time until the
// replica reports having replayed it.
// Usage: npm run bench:replica-lag -- --primary URL --replica URL [--seconds 20]
// (the primary's database is migrated and written to: use a throwaway pair, see docs/capacity.md)
import 'reflect-metadata';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { connectPostgres } from '../src/db/client.js';
import { migratePostgres } from '../src/db/migrate.js';
import { parseLsn } from '../src/db/replicas.js';
import { extractArticle } from '../src/ingest/extract.js';
import { storeArticle, storeArticles } from '../src/ingest/store.js';
import { packageRoot } from '../src/package-root.js';

function option(name: string, fallback?: string): string {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? process.argv[index + 1] : fallback;
  if (value === undefined) throw new Error(`--${name} is required (usage: npm run bench:replica-lag -- --primary URL --replica URL [--seconds 20])`);
  return value;
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  const primaryUrl = option('primary');
  const replicaUrl = option('replica');
  const seconds = Number(option('seconds', '20'));
  const folder = path.join(packageRoot, 'seeds');
  const corpus = await Promise.all((await readdir(folder)).filter((name) => name.endsWith('.txt')).map((name) => readFile(path.join(folder, name), 'utf8')));
  await migratePostgres(primaryUrl);
  const database = connectPostgres(primaryUrl);
  const primary = new pg.Client({ connectionString: primaryUrl });
  const replica = new pg.Client({ connectionString: replicaUrl });
  await Promise.all([primary.connect(), replica.connect()]);

  const samples: Array<{ at: number; lsn: bigint; replayedAt?: number }> = [];
  let behindBytes = 0n;
  let sampling = true;
  const sampler = (async () => {
    while (sampling || samples.some((sample) => sample.replayedAt === undefined)) {
      const now = performance.now();
      const [{ rows: primaryRows }, { rows: replicaRows }] = await Promise.all([
        primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn'),
        replica.query<{ lsn: string }>('SELECT pg_last_wal_replay_lsn()::text AS lsn'),
      ]);
      const replayed = parseLsn(replicaRows[0]!.lsn)!;
      if (sampling) samples.push({ at: now, lsn: parseLsn(primaryRows[0]!.lsn)! });
      for (const sample of samples) if (sample.replayedAt === undefined && sample.lsn <= replayed) sample.replayedAt = now;
      const latest = samples.at(-1);
      if (latest && latest.lsn - replayed > behindBytes) behindBytes = latest.lsn - replayed;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();

  let index = 0;
  const edition = () => {
    const text = corpus[index % corpus.length]!;
    const newline = text.indexOf('\n');
    return `${text.slice(0, newline)} (edition ${process.pid}-${index++})${text.slice(newline)}`;
  };
  let stored = 0;
  const until = performance.now() + seconds * 1000;
  const half = performance.now() + (seconds * 1000) / 2;
  // First half: four at a time; second half: batches of 50, as `npm run ingest` stores files.
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (performance.now() < half) {
        const text = edition();
        await storeArticle(database.writer, extractArticle(text), { text });
        stored++;
      }
    }),
  );
  while (performance.now() < until) {
    const drafts = Array.from({ length: 50 }, () => {
      const text = edition();
      return { draft: extractArticle(text), text };
    });
    await storeArticles(database.writer, drafts);
    stored += 50;
  }
  sampling = false;
  await sampler;
  const lags = samples.map((sample) => sample.replayedAt! - sample.at);
  console.log(`Ingested ${stored} articles in ${seconds} s (${(stored / seconds).toFixed(0)} articles/s) on the primary`);
  console.log(
    `Replica lag over ${samples.length} positions sampled every 50 ms: p50 ${percentile(lags, 0.5).toFixed(0)} ms, ` +
      `p95 ${percentile(lags, 0.95).toFixed(0)} ms, max ${Math.max(...lags).toFixed(0)} ms (at most ${(Number(behindBytes) / 1024).toFixed(0)} KiB of WAL behind)`,
  );
  await Promise.all([primary.end(), replica.end(), database.close()]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
