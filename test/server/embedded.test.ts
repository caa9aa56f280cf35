// With no DATABASE_URL the server runs on the embedded PGlite database: created, migrated and seeded
// on first start, reopened as it was on the next.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';

let dataDirectory: string;
beforeAll(async () => {
  dataDirectory = path.join(await mkdtemp(path.join(tmpdir(), 'quotegraph-embedded-')), 'pglite');
});
afterAll(() => rm(path.dirname(dataDirectory), { recursive: true, force: true }));

/** Starts the built server on the embedded database, runs `work` against it, then stops it with SIGTERM. */
async function withEmbeddedServer<T>(work: (url: string) => Promise<T>): Promise<{ result: T; output: string }> {
  const { DATABASE_URL: _ignored, ...environment } = process.env;
  const child = spawn(process.execPath, [path.join(packageRoot, 'dist/quotegraph.mjs'), 'serve'], {
    env: { ...environment, QUOTEGRAPH_DATA_DIR: dataDirectory, PORT: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL API[^:]*: (http\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    void exited.then((code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  try {
    return { result: await work(url), output };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

async function lavrovQuoteCount(url: string): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ person(slug: "sergey-lavrov") { quotes(first: 20) { totalCount } } articles(first: 5) { totalCount } }' }),
  });
  const body = (await response.json()) as { data: { person: { quotes: { totalCount: number } }; articles: { totalCount: number } } };
  expect(body.data.articles.totalCount).toBe(2);
  return body.data.person.quotes.totalCount;
}

describe('the embedded database', () => {
  it('is created, migrated and seeded on first start, and reopened on the next', { timeout: 90_000 }, async () => {
    const first = await withEmbeddedServer(lavrovQuoteCount);
    expect(first.result).toBe(7);
    expect(first.output).toContain(dataDirectory);
    const second = await withEmbeddedServer(lavrovQuoteCount);
    expect(second.result).toBe(7);
  });
});
