// The command line as users run it: the built CLI, in a child process, against real databases.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../src/package-root.js';
import { createEmptyDatabase } from './support/database.js';

const run = promisify(execFile);
const cli = path.join(packageRoot, 'dist/quotegraph.mjs');

async function quotegraph(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], {
      env: { ...process.env, ...env },
      maxBuffer: 10_000_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'quotegraph-cli-'));
});

describe('ingest --dry-run --json', () => {
  it('prints the draft of a seed as one JSON object, touching no database', async () => {
    const result = await quotegraph(['ingest', '--dry-run', '--json', path.join(packageRoot, 'seeds/000_66bb6676f4f473e3.txt')], {
      DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none',
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const draft = JSON.parse(result.stdout);
    expect(draft.title).toBe('Pompeo, Russia’s Lavrov see hope for improved US-Russia ties');
    expect(draft.source).toBe('Associated Press');
    expect(draft.authors).toEqual(['Nataliya Vasilyeva', 'Francesca Ebel']);
    for (const key of ['dateline', 'topics', 'people', 'quotes']) expect(draft).toHaveProperty(key);
    expect(draft.quotes[0]).toMatchObject({ text: expect.any(String), kind: expect.stringMatching(/^(direct|partial)$/) });
  });

  it.each([
    ['a missing file', 'missing.txt', null, /no such file/],
    ['an empty file', 'empty.txt', '', /empty/i],
    ['a binary file', 'binary.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]), /binary/i],
    ['text with no headline', 'blank.txt', '\n\n   \n\t\n', /empty|headline/i],
  ])('refuses %s with a one-line error and exit code 1', async (_name, file, content, message) => {
    const filePath = path.join(folder, file);
    if (content !== null) await writeFile(filePath, content);
    const result = await quotegraph(['ingest', '--dry-run', '--json', filePath]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });
});

describe('migrate, seed and ingest on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
  beforeAll(async () => {
    database = await createEmptyDatabase();
  });
  afterAll(() => database?.drop());

  async function count(sql: string): Promise<number> {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return Number((await client.query(sql)).rows[0].count);
    } finally {
      await client.end();
    }
  }

  it('migrates an empty database, creating the tables and Prisma\'s migrations table', async () => {
    const result = await quotegraph(['migrate'], { DATABASE_URL: database.url });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/applied \d+ migration/);
    expect(await count(`SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('Article', 'Quote', 'Person', 'Source', 'Topic')`)).toBe(5);
    expect(await count('SELECT count(*) FROM "_prisma_migrations" WHERE finished_at IS NOT NULL')).toBeGreaterThan(0);
    const again = await quotegraph(['migrate'], { DATABASE_URL: database.url });
    expect(again.stdout).toMatch(/up to date/);
  });

  it('seeds twice without changing anything the second time', async () => {
    const first = await quotegraph(['seed'], { DATABASE_URL: database.url });
    expect(first.stdout).toMatch(/seeded 2 new article/);
    const second = await quotegraph(['seed'], { DATABASE_URL: database.url });
    expect(second.stdout).toMatch(/seeded 0 new article\(s\), 2 already stored/);
    expect(await count('SELECT count(*) FROM "Article"')).toBe(2);
  });

  it('ingests a new article file, and finds it stored the second time', async () => {
    const file = path.join(folder, 'story.txt');
    await writeFile(file, 'Council approves new park budget\n\nBy Jane Doe, Reuters\n\nThe council approved the budget on Monday. "This is a good day for the city," Mayor Anna Berg said.\n');
    const first = await quotegraph(['ingest', file], { DATABASE_URL: database.url });
    expect(first.stdout).toMatch(/stored as council-approves-new-park-budget/);
    const second = await quotegraph(['ingest', file], { DATABASE_URL: database.url });
    expect(second.stdout).toMatch(/already stored/);
    expect(await count('SELECT count(*) FROM "Article"')).toBe(3);
  });

  it('says clearly when the database cannot be reached', async () => {
    const result = await quotegraph(['migrate'], { DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/none' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cannot reach the database/);
  });
});
