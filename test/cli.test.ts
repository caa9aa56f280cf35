// The command line as users run it: the built CLI, in a child process, against real databases.
import { execFile, execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../src/package-root.js';
import { adversarialText } from './support/hostile-text.js';
import { createEmptyDatabase, createTestDatabase, type TestDatabase } from './support/database.js';

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

/** An article a file: headline, byline, one quote. */
const story = (name: string) =>
  `Council vote ${name} approves a new park\n\nBy Jane Doe, Reuters\n\nThe council approved plan ${name} on Monday. "This is a good day for the city," Mayor Anna Berg said.\n`;

/** Bytes of a file: latin1 strings and raw byte values. */
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));

/** A Windows-1252 article: curly quotes (0x93/0x94), an apostrophe (0x92), a dash (0x96). */
const windows1252Story = bytes(
  'Caf', [0xe9], ' owners welcome ', [0x93], 'fair', [0x94], ' rules\n\nBy Jane Doe, Reuters\n\n',
  'The owners met on Monday ', [0x96], ' and agreed. ', [0x93], 'We', [0x92], 're pleased with the outcome,', [0x94], ' Mayor Anna Berg said.\n',
);
/** A Latin-1 article: é, ü, ß as single bytes. */
const latin1Story = bytes(
  'M', [0xfc], 'ller opens a caf', [0xe9], ' on the Hauptstra', [0xdf], 'e\n\nBy Jane Doe, Reuters\n\n',
  'The caf', [0xe9], ' opened on Monday. "It is a good day for the street," Ren', [0xe9], 'e M', [0xfc], 'ller said.\n',
);

describe('ingest: files in legacy encodings, and binary files', () => {
  async function dryRun(name: string, content: Buffer) {
    const file = path.join(folder, name);
    await writeFile(file, content);
    return { file, ...(await quotegraph(['ingest', '--dry-run', '--json', file])) };
  }

  it('reads a Windows-1252 file with curly quotes as Windows-1252, with a warning naming the file', async () => {
    const result = await dryRun('windows-1252.txt', windows1252Story);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`${result.file}: warning: not valid UTF-8; read as Windows-1252 (Latin-1): check its accented letters and quotation marks\n`);
    const draft = JSON.parse(result.stdout);
    expect(draft.title).toBe('Café owners welcome “fair” rules');
    expect(draft.quotes.map((quote: { text: string }) => quote.text)).toEqual(['We’re pleased with the outcome,']);
    expect(result.stdout).not.toContain('\ufffd');
  });

  it('reads a Latin-1 file as Latin-1, with a warning', async () => {
    const result = await dryRun('latin-1.txt', latin1Story);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/latin-1\.txt: warning: not valid UTF-8; read as Windows-1252 \(Latin-1\)/);
    const draft = JSON.parse(result.stdout);
    expect(draft.title).toBe('Müller opens a café on the Hauptstraße');
    expect(draft.people.map((person: { name: string }) => person.name)).toContain('Renée Müller');
  });

  it('reads UTF-16 with a byte-order mark, and drops a UTF-8 byte-order mark, without a warning', async () => {
    const utf16 = await dryRun('utf-16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(story('utf-16'), 'utf16le')]));
    expect(utf16.stderr).toBe('');
    expect(JSON.parse(utf16.stdout).title).toBe('Council vote utf-16 approves a new park');
    const bom = await dryRun('utf-8-bom.txt', Buffer.from(`\ufeff${story('bom')}`, 'utf8'));
    expect(bom.stderr).toBe('');
    expect(JSON.parse(bom.stdout).title).toBe('Council vote bom approves a new park');
  });

  it('refuses a binary file as binary, and text in another legacy encoding as not UTF-8', async () => {
    const binary = await dryRun('photo.jpg', bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF', [0x00, 0x01, 0x01, 0x00, 0x48]));
    expect(binary.code).toBe(1);
    expect(binary.stderr).toBe(`${binary.file}: failed (binary): it contains NUL bytes; it looks like binary data, not article text\n`);
    // Windows-1251 Cyrillic: read as Windows-1252 it would be accented gibberish.
    const cyrillic = await dryRun('cyrillic.txt', Buffer.from([0xcc, 0xe8, 0xed, 0xe8, 0xf1, 0xf2, 0xf0, 0x20, 0xf1, 0xea, 0xe0, 0xe7, 0xe0, 0xeb, 0x0a]));
    expect(cyrillic.code).toBe(1);
    expect(cyrillic.stderr).toMatch(/cyrillic\.txt: failed \(not UTF-8\): it is not UTF-8, nor text in Windows-1252/);
    expect(cyrillic.stderr).not.toMatch(/binary/);
  });
});

describe('ingest: an article over the extraction time budget', () => {
  it('refuses that file with its reason and drafts the others', async () => {
    const hostile = path.join(folder, 'hostile.txt');
    const plain = path.join(folder, 'plain.txt');
    // Near the 1 MB file limit: about 0.8 s of work on an idle machine (more under load), over a 300 ms budget
    // that a fresh thread's first short article (compiling the pipeline's patterns) stays within. (At 1000 ms
    // the budget held the whole hostile text on an idle machine: the extraction is linear now.)
    await writeFile(hostile, adversarialText(950_000));
    await writeFile(plain, story('plain'));
    const result = await quotegraph(['ingest', '--dry-run', hostile, plain], { QUOTEGRAPH_EXTRACTION_TIMEOUT_MS: '300' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${hostile}: failed (extraction failed): Extracting the article took longer than 300 ms and was stopped`);
    expect(result.stdout).toContain(`${plain}: "Council vote plain approves a new park"`);
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

describe('ingest FILE... on PostgreSQL: a batch with bad files in it', () => {
  let database: TestDatabase;
  let batch: string;
  const bad = new Map<string, RegExp>();
  const files: string[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    batch = path.join(folder, 'batch');
    await mkdir(path.join(batch, 'a-folder'), { recursive: true });
    const badContents: Record<string, Buffer | null> = {
      '010-empty.txt': Buffer.alloc(0),
      '025-binary.txt': bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d], 'IHDR'),
      '040-controls.txt': bytes(...Array.from({ length: 60 }, (_, i) => [0x01 + (i % 8), 0x41])),
      // Body-only text is read as the body; a page of nothing but chrome holds no article.
      '055-no-article.txt': Buffer.from('Share this article\n\nPrint this page\n\nRelated Stories\n'),
      '070-missing.txt': null,
      '085-cyrillic.txt': Buffer.from([0xcc, 0xe8, 0xed, 0xe8, 0xf1, 0xf2, 0xf0, 0x20, 0xf1, 0xea, 0xe0, 0xe7, 0xe0, 0xeb, 0x0a]),
    };
    const badReasons: Record<string, RegExp> = {
      '010-empty.txt': /failed \(empty\): The article text is empty/,
      '025-binary.txt': /failed \(binary\): it contains NUL bytes/,
      '040-controls.txt': /failed \(binary\): The input is mostly control/,
      '055-no-article.txt': /failed \(no article text\): The text has no article in it/,
      '070-missing.txt': /failed \(unreadable\): no such file/,
      '085-cyrillic.txt': /failed \(not UTF-8\)/,
      'a-folder': /failed \(unreadable\): it is a folder/,
    };
    for (let n = 1; n <= 93; n++) {
      const name = `${String(n).padStart(3, '0')}.txt`;
      const badName = Object.keys(badContents).find((key) => key.startsWith(String(n).padStart(3, '0')));
      const file = path.join(batch, badName ?? name);
      if (badName) {
        if (badContents[badName]) await writeFile(file, badContents[badName]!);
        bad.set(file, badReasons[badName]!);
      } else {
        await writeFile(file, n === 50 ? windows1252Story : n === 60 ? latin1Story : story(String(n)));
      }
      files.push(file);
    }
    // 93 numbered files, a folder among them, the same good file twice: 100 arguments.
    files.splice(30, 0, path.join(batch, 'a-folder'));
    bad.set(path.join(batch, 'a-folder'), badReasons['a-folder']!);
    files.push(...Array.from({ length: 6 }, (_, n) => path.join(batch, `${String(n + 1).padStart(3, '0')}.txt`)));
  });
  afterAll(() => database?.drop());

  async function articles(): Promise<{ title: string }[]> {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query('SELECT "title" FROM "Article" ORDER BY "title"')).rows;
    } finally {
      await client.end();
    }
  }

  it('stores every good file, names every bad one with its reason, sums up and exits 1', async () => {
    expect(files).toHaveLength(100);
    const result = await quotegraph(['ingest', ...files], { DATABASE_URL: database.url });
    expect(result.code).toBe(1);
    const errors = result.stderr.trim().split('\n');
    for (const [file, reason] of bad) {
      const lines = errors.filter((line) => line.startsWith(`${file}: failed`));
      expect(lines, file).toHaveLength(1);
      expect(lines[0]).toMatch(reason);
    }
    // Two warnings, seven failures, and nothing else: no stack trace.
    expect(errors.filter((line) => line.includes(': warning: not valid UTF-8; read as Windows-1252'))).toHaveLength(2);
    expect(errors).toHaveLength(9);
    expect(result.stdout).not.toContain('\r');
    expect(result.stderr).not.toContain('\r');
    const lines = result.stdout.trim().split('\n');
    expect(lines.at(-1)).toBe('100 file(s): 87 stored, 6 already stored, 7 failed');
    expect(lines.filter((line) => / stored as /.test(line))).toHaveLength(93);

    const titles = (await articles()).map((article) => article.title);
    expect(titles).toHaveLength(87);
    expect(titles).toContain('Café owners welcome “fair” rules');
    expect(titles).toContain('Müller opens a café on the Hauptstraße');
    expect(titles.join('')).not.toContain('\ufffd');
  });

  it('finds them stored the second time', async () => {
    const result = await quotegraph(['ingest', ...files], { DATABASE_URL: database.url });
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('100 file(s): 0 stored, 93 already stored, 7 failed');
    expect(await articles()).toHaveLength(87);
  });

  it('prints one JSON object a line with --json, and the summary on standard error', async () => {
    const some = [files[0]!, files[9]!, files[50]!];
    const result = await quotegraph(['ingest', '--json', ...some], { DATABASE_URL: database.url });
    expect(result.code).toBe(1);
    const objects = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(objects).toEqual([
      { file: some[0], slug: 'council-vote-1-approves-a-new-park', created: false, quotes: 1 },
      { file: some[1], failed: 'empty', message: 'The article text is empty.' },
      { file: some[2], slug: 'cafe-owners-welcome-fair-rules', created: false, quotes: 1 },
    ]);
    expect(result.stderr).toMatch(/3 file\(s\): 0 stored, 2 already stored, 1 failed\n$/);
  });

  it.skipIf(!hasScript())('shows a progress line on standard error when the output is a terminal', async () => {
    // script(1) runs the command on a pseudo-terminal: stdout and stderr are both that terminal.
    const command = [process.execPath, cli, 'ingest', ...files.slice(0, 20)].map((arg) => `'${arg}'`).join(' ');
    const { stdout: screen } = await run('script', ['-qec', command, '/dev/null'], { env: { ...process.env, DATABASE_URL: database.url } }).catch(
      (error: { stdout: string }) => ({ stdout: error.stdout }),
    );
    expect(screen).toMatch(/\ringest: 20 of 20 file\(s\) read; 0 stored, 19 already stored, 1 failed\u001b\[K/);
    // Erased before the summary.
    expect(screen).toMatch(/\r\u001b\[K20 file\(s\): 0 stored, 19 already stored, 1 failed\r?\n/);
  });
});

describe('ingest FOLDER on PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  it('ingests every file in a folder and its subfolders by path, names a bad one among them, and stores a later text of a url as its revision', async () => {
    const desk = path.join(folder, 'desk');
    await mkdir(path.join(desk, 'monday'), { recursive: true });
    await mkdir(path.join(desk, '.drafts'), { recursive: true });
    const front = '---\nurl: https://gazette.example/ferry\n---\n';
    await writeFile(path.join(desk, 'a-ferry.txt'), `${front}Ferry service resumes\n\nThe ferry sails again in May. "We are ready," said captain Ivo Brandt.\n`);
    await writeFile(path.join(desk, 'b-empty.txt'), '');
    await writeFile(path.join(desk, 'c-park.txt'), story('folder'));
    await writeFile(path.join(desk, 'monday', 'd-ferry.txt'), `${front}Ferry service resumes\n\nThe ferry sails again in June. "We are ready," said captain Ivo Brandt.\n`);
    await writeFile(path.join(desk, '.drafts', 'e-unfinished.txt'), 'not an article yet');
    await writeFile(path.join(desk, '.DS_Store'), Buffer.from([0x00, 0x00, 0x00, 0x01]));

    const result = await quotegraph(['ingest', desk], { DATABASE_URL: database.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${path.join(desk, 'b-empty.txt')}: failed (empty): The article text is empty.\n`);
    expect(result.stdout).toBe(
      [
        `${path.join(desk, 'a-ferry.txt')}: stored as ferry-service-resumes`,
        `${path.join(desk, 'c-park.txt')}: stored as council-vote-folder-approves-a-new-park`,
        `${path.join(desk, 'monday', 'd-ferry.txt')}: stored as revision 2 of ferry-service-resumes`,
        '4 file(s): 2 stored, 1 revised, 0 already stored, 1 failed',
        '',
      ].join('\n'),
    );
  });

  it('refuses a folder with no file in it as unreadable', async () => {
    const empty = path.join(folder, 'empty-desk');
    await mkdir(empty, { recursive: true });
    const result = await quotegraph(['ingest', empty], { DATABASE_URL: database.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${empty}: failed (unreadable): it is a folder with no article files in it\n`);
  });
});

describe('the editorial commands on PostgreSQL', () => {
  let database: TestDatabase;
  const story = path.join(packageRoot, 'test/fixtures/editorial/bridge-vote.txt');
  beforeAll(async () => {
    database = await createTestDatabase();
    await quotegraph(['ingest', story], { DATABASE_URL: database.url });
  });
  afterAll(() => database?.drop());

  it.each(['people:merge', 'article:delete', 'changes'])('%s --help says what it does and how, touching no database', async (command) => {
    const result = await quotegraph([command, '--help'], { DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none' });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: quotegraph ${command}`));
    expect(result.stdout).toMatch(/Example: quotegraph/);
  });

  it('people:merge merges two people, and refuses the same merge again in one line', async () => {
    const merged = await quotegraph(['people:merge', '--from', 'bob-smith', '--into', 'robert-smith', '--note', 'same councillor'], { DATABASE_URL: database.url });
    expect(merged.stderr).toBe('');
    expect(merged.stdout).toBe('merged "bob-smith" into "robert-smith" (Robert Smith); "bob-smith" now finds them\n');
    const again = await quotegraph(['people:merge', '--from', 'bob-smith', '--into', 'robert-smith'], { DATABASE_URL: database.url });
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('quotegraph: Cannot merge Robert Smith ("robert-smith") into themselves ("bob-smith" was merged into them already)\n');
    const missing = await quotegraph(['people:merge', '--from', 'nobody-at-all'], { DATABASE_URL: database.url });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/people:merge needs --from SLUG and --into SLUG/);
  });

  it('article:delete deletes an article by slug, and says when there is none', async () => {
    const deleted = await quotegraph(['article:delete', '--article', 'council-approves-new-bridge-over-the-mill-river', '--note', 'duplicate'], { DATABASE_URL: database.url });
    expect(deleted.stdout).toMatch(/^deleted the article "council-approves-new-bridge-over-the-mill-river"/);
    const again = await quotegraph(['article:delete', '--article', 'council-approves-new-bridge-over-the-mill-river'], { DATABASE_URL: database.url });
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('quotegraph: No article with "council-approves-new-bridge-over-the-mill-river"\n');
  });

  it('ingest stores new text for a url already stored (front matter) as its next revision', async () => {
    const first = path.join(folder, 'pool-v1.txt');
    const second = path.join(folder, 'pool-v2.txt');
    const front = '---\nurl: https://gazette.example/pool\n---\n';
    await writeFile(first, `${front}Pool closes for repairs\n\nThe public pool will close in June. "It leaks," said manager Ann Vale.\n`);
    await writeFile(second, `${front}Pool closes for repairs\n\nThe public pool will close in July. "It leaks," said manager Ann Vale.\n`);
    expect((await quotegraph(['ingest', first], { DATABASE_URL: database.url })).stdout).toMatch(/stored as pool-closes-for-repairs\n/);
    const revised = await quotegraph(['ingest', second], { DATABASE_URL: database.url });
    expect(revised.stdout).toBe(`${second}: stored as revision 2 of pool-closes-for-repairs\n1 file(s): 0 stored, 1 revised, 0 already stored, 0 failed\n`);
    await quotegraph(['article:delete', '--article', 'https://gazette.example/pool'], { DATABASE_URL: database.url });
  });

  it('changes lists the record newest first, made on the command line, with notes', async () => {
    const result = await quotegraph(['changes', '--json'], { DATABASE_URL: database.url });
    expect(result.code).toBe(0);
    const entries = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(entries.map((entry) => [entry.action, entry.object.split(':')[0], entry.key, entry.note])).toEqual([
      ['deleteArticle', 'Article', null, null],
      ['ingestArticle', 'Article', null, null],
      ['ingestArticle', 'Article', null, null],
      ['deleteArticle', 'Article', null, 'duplicate'],
      ['mergePeople', 'Person', null, 'same councillor'],
      ['mergePeople', 'Person', null, 'same councillor'],
      ['ingestArticle', 'Article', null, null],
    ]);
    const text = await quotegraph(['changes', '--first', '1', '--object', entries[3].object], { DATABASE_URL: database.url });
    expect(text.stdout).toMatch(/^#\d+\t\S+\tcommand line\tdeleteArticle\tArticle:\d+\t.*title: "Council approves new bridge over the Mill River" -> null.*\t\(duplicate\)\n$/);
    const bad = await quotegraph(['changes', '--first', 'many'], { DATABASE_URL: database.url });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--first is a whole number/);
  });
});

function hasScript(): boolean {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
