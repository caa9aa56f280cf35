// With no DATABASE_URL the server runs on the embedded PGlite database: created, migrated and seeded
// on first start, reopened as it was on the next. The folder has one process at a time: a CLI command
// on it while the server runs is refused, naming the server, and loses nothing.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';
import { copyEmbeddedTemplate } from '../support/database.js';

/** The data folder the server and the CLI use: a new one for each group of tests below. */
let dataDirectory: string;
const folders: string[] = [];
async function useNewDataFolder(): Promise<void> {
  const folder = await mkdtemp(path.join(tmpdir(), 'quotegraph-embedded-'));
  folders.push(folder);
  dataDirectory = path.join(folder, 'pglite');
}
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

const cli = path.join(packageRoot, 'dist/quotegraph.mjs');
const { DATABASE_URL: _ignored, ...inherited } = process.env;
const environment = () => ({ ...inherited, QUOTEGRAPH_DATA_DIR: dataDirectory, PORT: '0', LOG_LEVEL: 'warn' });

/** Runs the built CLI on the embedded database. */
async function quotegraph(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli, ...args], { env: environment() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/**
 * Starts the built server on the embedded database, runs `work` against it, then stops it with
 * SIGTERM (or SIGKILL, as a crash would).
 */
async function withEmbeddedServer<T>(
  work: (url: string, pid: number) => Promise<T>,
  stopSignal: NodeJS.Signals = 'SIGTERM',
): Promise<{ result: T; output: string }> {
  const child = spawn(process.execPath, [cli, 'serve'], { env: environment(), stdio: ['ignore', 'pipe', 'pipe'] });
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
    return { result: await work(url, child.pid!), output };
  } finally {
    child.kill(stopSignal);
    await exited;
  }
}

async function graphql<Data>(url: string, query: string, variables: Record<string, unknown> = {}, key?: string): Promise<{ data?: Data; errors?: unknown[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Data; errors?: unknown[] };
}

async function lavrovQuoteCount(url: string): Promise<number> {
  const body = await graphql<{ person: { quotes: { totalCount: number } }; articles: { totalCount: number } }>(
    url,
    '{ person(slug: "sergey-lavrov") { quotes(first: 20) { totalCount } } articles(first: 5) { totalCount } }',
  );
  expect(body.data!.articles.totalCount).toBe(2);
  return body.data!.person.quotes.totalCount;
}

async function storedSlugs(url: string): Promise<Set<string>> {
  const body = await graphql<{ articles: { nodes: { slug: string }[] } }>(url, '{ articles(first: 100) { nodes { slug } } }');
  return new Set(body.data!.articles.nodes.map((node) => node.slug));
}

const story = (name: string) =>
  `Council vote ${name} approves a new park\n\nBy Jane Doe, Reuters\n\nThe council approved plan ${name} on Monday. "This is a good day for the city," Mayor Anna Berg said.\n`;

describe('the embedded database', () => {
  beforeAll(useNewDataFolder);

  it('is created, migrated and seeded on first start, and reopened on the next', async () => {
    const first = await withEmbeddedServer(lavrovQuoteCount);
    expect(first.result).toBe(7);
    expect(first.output).toContain(dataDirectory);
    const second = await withEmbeddedServer(lavrovQuoteCount);
    expect(second.result).toBe(7);
  });
});

describe('the embedded database folder, held by a running server', () => {
  // Created and migrated already (a copy of the template): what is tested here is the lock.
  beforeAll(async () => {
    await useNewDataFolder();
    await copyEmbeddedTemplate(dataDirectory);
  });

  it(
    'refuses CLI commands at once, naming the server, and loses no write the server acknowledged',
    async () => {
      const created = await quotegraph(['keys:create', '--name', 'desk']);
      expect(created.code).toBe(0);
      const editorKey = created.stdout.trim();
      const files = await Promise.all(
        [1, 2, 3].map(async (n) => {
          const file = path.join(path.dirname(dataDirectory), `cli-${n}.txt`);
          await writeFile(file, story(`cli-${n}`));
          return file;
        }),
      );

      const { result } = await withEmbeddedServer(async (url, pid) => {
        // The server takes writes throughout, while the CLI commands try the folder.
        const acknowledged: string[] = [];
        let cliDone = false;
        const writes = (async () => {
          for (let n = 0; !cliDone || n < 10; n++) {
            const body = await graphql<{ ingestArticle: { article: { slug: string } } }>(
              url,
              'mutation ($text: String!) { ingestArticle(text: $text) { article { slug } } }',
              { text: story(`api-${n}`) },
              editorKey,
            );
            expect(body.errors).toBeUndefined();
            acknowledged.push(body.data!.ingestArticle.article.slug);
          }
        })();
        const refused = await Promise.all([
          quotegraph(['keys:create', '--name', 'while-serving']),
          quotegraph(['ingest', ...files]),
          quotegraph(['reset', '--force']),
          quotegraph(['migrate']),
        ]);
        cliDone = true;
        await writes;
        for (const command of refused) {
          expect(command.code).toBe(1);
          expect(command.stdout).toBe('');
          expect(command.stderr.trim().split('\n')).toHaveLength(1);
          expect(command.stderr).toContain(`is in use by process ${pid} (quotegraph serve`);
          expect(command.stderr).toMatch(/stop it first.*DATABASE_URL/);
        }
        expect(existsSync(path.join(dataDirectory, 'PG_VERSION'))).toBe(true); // reset deleted nothing
        return acknowledged;
      });

      // Stopped, the folder opens for the CLI, and again for the server with every write in it.
      expect(existsSync(path.join(dataDirectory, 'quotegraph.lock'))).toBe(false);
      const ingested = await quotegraph(['ingest', ...files]);
      expect(ingested.code).toBe(0);
      const keys = await quotegraph(['keys:list']);
      expect(keys.stdout).toMatch(/^desk\teditor/m);
      expect(keys.stdout).not.toContain('while-serving');
      const second = await withEmbeddedServer(storedSlugs);
      for (const slug of result) expect(second.result).toContain(slug);
      for (const n of [1, 2, 3]) expect(second.result).toContain(`council-vote-cli-${n}-approves-a-new-park`);
    },
  );

  it('is taken over after the server was killed, and opens as it was', async () => {
    const killed = await withEmbeddedServer(async (url, pid) => {
      const holder = JSON.parse(await readFile(path.join(dataDirectory, 'quotegraph.lock'), 'utf8')) as { pid: number };
      expect(holder.pid).toBe(pid);
      return { pid, slugs: await storedSlugs(url) };
    }, 'SIGKILL');
    // The killed server's lock is still there, naming a process that is gone.
    expect(JSON.parse(await readFile(path.join(dataDirectory, 'quotegraph.lock'), 'utf8')).pid).toBe(killed.result.pid);
    const migrated = await quotegraph(['migrate']);
    expect(migrated.stderr).toBe('');
    expect(migrated.stdout).toMatch(/up to date/);
    expect(existsSync(path.join(dataDirectory, 'quotegraph.lock'))).toBe(false);
    const again = await withEmbeddedServer(storedSlugs);
    expect(again.result).toEqual(killed.result.slugs);
  });
});
