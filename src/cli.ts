#!/usr/bin/env node
// The command line: serve, migrate, seed, reset, ingest, keys and the editorial batch jobs. Thin by design: it parses arguments and
// calls the functions the API uses, and turns every known failure into one line and exit code 1.
import 'reflect-metadata';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import pg from 'pg';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openMigratedDatabase } from './db/client.js';
import { DataFolderLockedError, LOCK_FILE_NAME, lockDataFolder, type DataFolderLock } from './db/data-folder-lock.js';
import { MigrationError, type MigrationReport } from './db/migrate.js';
import { ArticleFileError, articleFilesIn } from './article-file.js';
import { ApiKeyError, createApiKey, listApiKeys, revokeApiKey } from './auth/api-keys.js';
import { deleteArticle } from './editorial/article-edits.js';
import { recentChanges, type ObjectType } from './editorial/change-record.js';
import { EditorialError } from './editorial/editorial-error.js';
import { mergePeople } from './editorial/person-edits.js';
import type { ArticleDraft } from './ingest/draft.js';
import { ExtractionPool } from './ingest/extraction-pool.js';
import { IngestError } from './ingest/ingest-error.js';
import { FAILURE_LABELS, ingestArticleFiles, type FileOutcome } from './ingest-files.js';
import { ProgressLine } from './terminal-progress.js';

const USAGE = `Usage: quotegraph <command>

Commands:
  serve                          start the GraphQL API (migrates and seeds an empty embedded database)
  migrate                        apply pending migrations
  seed                           ingest every article in seeds/ (idempotent)
  reset [--force]                drop all data, migrate and seed again
  ingest [--dry-run] [--json] FILE|FOLDER...
                                 ingest article files (UTF-8, UTF-16 with a BOM, or Windows-1252 with a
                                 warning), a folder's files and its subfolders'; stores every good file,
                                 names every bad one, exits 1 if any failed; --dry-run prints the
                                 extracted drafts instead
  schema                         print the GraphQL schema (SDL)
  keys:create --name NAME [--role editor|reader]
                                 create an API key (shown once; only its hash is stored)
  keys:revoke --name NAME        revoke an API key
  keys:list                      list API keys (names and roles, never the keys)
  people:merge --from SLUG --into SLUG [--note TEXT]
                                 merge two records of one person (see people:merge --help)
  article:delete --article SLUG|URL [--note TEXT]
                                 delete an article and all that hangs on it
  changes [--first N] [--key NAME] [--object ID] [--json]
                                 the record of changes, newest first

Run a command with --help for more on it.
Configuration: DATABASE_URL (PostgreSQL; without it the embedded database in .data/pglite), PORT.`;

/** The help of the editorial commands, shown by `COMMAND --help`. */
const COMMAND_HELP: Record<string, string> = {
  'people:merge': `Usage: quotegraph people:merge --from SLUG --into SLUG [--note TEXT]

Merges two records of one person: the quotes, mentions, bylines, aliases and corrections of --from
move to --into, which keeps its name; --from is deleted, and its slug and global id find --into from
then on. The change is written to the record of changes (key: none, made on the command line), with
the note. A slug either had before a rename or a merge still names it.

  --from SLUG    the person merged away
  --into SLUG    the person who stays
  --note TEXT    why ("same councillor, two spellings")

Example: quotegraph people:merge --from bob-smith --into robert-smith --note "same councillor"`,
  'article:delete': `Usage: quotegraph article:delete --article SLUG|URL [--note TEXT]

Deletes an article with all that hangs on it: quotes, mentions, revisions and corrections. Its
people, sources and topics stay. The deletion is written to the record of changes with the note.

  --article SLUG|URL   the article, by slug or by the url it was ingested with
  --note TEXT          why ("published by mistake")

Example: quotegraph article:delete --article council-approves-new-bridge --note "duplicate"`,
  changes: `Usage: quotegraph changes [--first N] [--key NAME] [--object ID] [--json]

Prints the record of changes, newest first, one entry a line: its number, time, the API key that
made it ("command line" for commands), what was done, to which object, the fields before and after,
and the note.

  --first N      how many entries (default 20, at most 1000)
  --key NAME     only those made with the API key of this name
  --object ID    only those of one object: its global id, or TYPE:ID ("Person:12")
  --json         one JSON object a line instead

Example: quotegraph changes --first 50 --key desk-editor`,
};

class UsageError extends Error {}

/** Commands run long statements (migrations, seeding) on purpose: no statement timeout for them. */
/** A command's database: no statement timeout, and no replicas (a command writes, or reads once). */
function withoutTimeout(config: Config): Config {
  return { ...config, statementTimeout: 0, replicaUrls: [] };
}

function describeMigration(migration: MigrationReport): string {
  if (migration.applied.length === 0) {
    return `database is up to date (${migration.alreadyApplied.length} migration(s) already applied)`;
  }
  return `applied ${migration.applied.length} migration(s): ${migration.applied.join(', ')}`;
}

async function migrateCommand(config: Config): Promise<void> {
  const { database, migration } = await openMigratedDatabase(withoutTimeout(config));
  await database.close();
  console.log(`${database.location}: ${describeMigration(migration)}`);
}

async function seedCommand(config: Config, lock?: DataFolderLock): Promise<void> {
  const { database } = await openMigratedDatabase(withoutTimeout(config), { lock });
  try {
    const { seedDatabase } = await import('./seeds.js');
    const report = await seedDatabase(database.writer);
    console.log(
      `${database.location}: seeded ${report.created.length} new article(s), ${report.unchanged.length} already stored`,
    );
  } finally {
    await database.close();
  }
}

async function confirmReset(config: Config, force: boolean): Promise<boolean> {
  if (force) return true;
  if (!process.stdin.isTTY) {
    throw new UsageError('reset deletes every article; run it with --force to confirm');
  }
  const target = config.databaseUrl ? new URL(config.databaseUrl).pathname.slice(1) : config.dataDirectory;
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await prompt.question(`Delete all data in ${target} and seed it again? [y/N] `);
  prompt.close();
  return /^y(es)?$/i.test(answer.trim());
}

async function resetCommand(config: Config, args: string[]): Promise<void> {
  if (config.databaseUrl) {
    if (!(await confirmReset(config, args.includes('--force')))) {
      console.log('reset cancelled');
      return;
    }
    const client = new pg.Client({ connectionString: config.databaseUrl });
    await client.connect();
    try {
      await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
    } finally {
      await client.end();
    }
    await seedCommand(config);
    return;
  }
  // The folder is emptied and seeded under its lock, taken before asking: a running server keeps
  // its folder, and no server can open it half deleted.
  const lock = lockDataFolder(config.dataDirectory);
  try {
    if (!(await confirmReset(config, args.includes('--force')))) {
      console.log('reset cancelled');
      return;
    }
    for (const entry of await readdir(config.dataDirectory)) {
      if (entry !== LOCK_FILE_NAME) await rm(path.join(config.dataDirectory, entry), { recursive: true, force: true });
    }
    await seedCommand(config, lock);
  } finally {
    lock.release();
  }
}

async function ingestCommand(config: Config, args: string[]): Promise<void> {
  const dryRun = args.includes('--dry-run');
  const json = args.includes('--json');
  const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--dry-run' && arg !== '--json');
  if (unknown.length > 0) throw new UsageError(`unknown option ${unknown[0]}`);
  const paths = args.filter((arg) => !arg.startsWith('--'));
  if (paths.length === 0) throw new UsageError('ingest needs at least one FILE or FOLDER');
  const files = await articleFilesIn(paths);

  // Opened first: a folder held by a running server is refused before any file is read.
  const database = dryRun ? null : (await openMigratedDatabase(withoutTimeout(config))).database;
  const progress = process.stdout.isTTY && process.stderr.isTTY ? new ProgressLine(process.stderr) : null;
  const say = (stream: NodeJS.WriteStream, line: string) => (progress ? progress.print(stream, line) : stream.write(`${line}\n`));
  const count = { read: 0, stored: 0, revised: 0, alreadyStored: 0, failed: 0, done: 0 };
  const tally = () =>
    `${count.stored} stored${count.revised > 0 ? `, ${count.revised} revised` : ''}, ${count.alreadyStored} already stored, ${count.failed} failed`;
  const showProgress = () => progress?.update(`ingest: ${count.read} of ${files.length} file(s) read; ${tally()}`);
  const drafts: ArticleDraft[] = [];
  const onOutcome = (outcome: FileOutcome) => {
    count.done++;
    if (outcome.outcome === 'failed') count.failed++;
    else if (outcome.outcome === 'stored') count.stored++;
    else if (outcome.outcome === 'already-stored') count.alreadyStored++;
    else if (outcome.outcome === 'revised') count.revised++;
    showProgress(); // drawn again under the line below
    if (outcome.outcome === 'failed') {
      say(process.stderr, `${outcome.file}: failed (${FAILURE_LABELS[outcome.reason]}): ${outcome.message}`);
      if (json && !dryRun) say(process.stdout, JSON.stringify({ file: outcome.file, failed: outcome.reason, message: outcome.message }));
    } else if (outcome.outcome === 'extracted') {
      drafts.push(outcome.draft);
      if (!json) say(process.stdout, `${outcome.file}: "${outcome.draft.title}", ${outcome.draft.quotes.length} quote(s), ${outcome.draft.people.length} people`);
    } else if (outcome.outcome === 'revised') {
      say(
        process.stdout,
        json
          ? JSON.stringify({ file: outcome.file, slug: outcome.slug, created: false, revision: outcome.revision, quotes: outcome.draft.quotes.length })
          : `${outcome.file}: stored as revision ${outcome.revision} of ${outcome.slug}`,
      );
    } else {
      const created = outcome.outcome === 'stored';
      say(
        process.stdout,
        json
          ? JSON.stringify({ file: outcome.file, slug: outcome.slug, created, quotes: outcome.draft.quotes.length })
          : `${outcome.file}: ${created ? 'stored as' : 'already stored as'} ${outcome.slug}`,
      );
    }
  };
  const extraction = new ExtractionPool(config.extractionTimeout, config.extractionThreads);
  try {
    await ingestArticleFiles(files, {
      writer: database?.writer ?? null,
      extraction,
      onWarning: (file, warning) => say(process.stderr, `${file}: warning: ${warning}`),
      onOutcome,
      onFileRead: (read) => {
        count.read = read;
        showProgress();
      },
    });
  } catch (error) {
    progress?.finish();
    // The database failed: say what was done before the error itself (reported by main).
    if (!dryRun) console.error(`${files.length} file(s): ${tally()}, ${files.length - count.done} not attempted`);
    throw error;
  } finally {
    progress?.finish();
    await extraction.close();
    await database?.close();
  }

  if (dryRun) {
    if (json && drafts.length > 0) console.log(JSON.stringify(files.length === 1 ? drafts[0] : drafts, null, 2));
  } else {
    // With --json, standard output stays one JSON object a line.
    (json ? console.error : console.log)(`${files.length} file(s): ${tally()}`);
  }
  if (count.failed > 0) process.exitCode = 1;
}

/** The value after `--name` in `args`, or a usage error. */
function optionValue(args: string[], option: string): string | undefined {
  const index = args.indexOf(option);
  if (index === -1) return undefined;
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${option} needs a value`);
  return value;
}

async function keysCommand(config: Config, action: string, args: string[]): Promise<void> {
  const { database } = await openMigratedDatabase(withoutTimeout(config));
  try {
    if (action === 'list') {
      for (const key of await listApiKeys(database.sql)) {
        console.log(`${key.name}\t${key.role.toLowerCase()}\tcreated ${key.createdAt.toISOString()}${key.revokedAt ? `\trevoked ${key.revokedAt.toISOString()}` : ''}`);
      }
      return;
    }
    const name = optionValue(args, '--name');
    if (!name) throw new UsageError(`keys:${action} needs --name NAME`);
    if (action === 'revoke') {
      await revokeApiKey(database.writer, name);
      console.log(`revoked the key "${name}"`);
      return;
    }
    const role = (optionValue(args, '--role') ?? 'editor').toUpperCase();
    if (role !== 'EDITOR' && role !== 'READER') throw new UsageError('--role is editor or reader');
    const key = await createApiKey(database.writer, name, role);
    console.error(`Created the ${role.toLowerCase()} key "${name}". It is shown once, now; store it safely:`);
    console.log(key);
  } finally {
    await database.close();
  }
}

/** `people:merge`: two records of one person into one, through the same service as the API. */
async function mergePeopleCommand(config: Config, args: string[]): Promise<void> {
  const from = optionValue(args, '--from');
  const into = optionValue(args, '--into');
  if (!from || !into) throw new UsageError('people:merge needs --from SLUG and --into SLUG');
  const note = optionValue(args, '--note');
  const { database } = await openMigratedDatabase(withoutTimeout(config));
  try {
    const merged = await mergePeople(database.writer, { keyName: null, note }, { from: { slug: from }, into: { slug: into } });
    const [person] = await database.sql.query<{ slug: string; name: string }>('SELECT "slug", "name" FROM "Person" WHERE "id" = $1', [merged.personId]);
    console.log(`merged "${from}" into "${person!.slug}" (${person!.name}); "${from}" now finds them`);
  } finally {
    await database.close();
  }
}

/** `article:delete`: an article and all that hangs on it, by slug or url. */
async function deleteArticleCommand(config: Config, args: string[]): Promise<void> {
  const article = optionValue(args, '--article');
  if (!article) throw new UsageError('article:delete needs --article SLUG|URL');
  const note = optionValue(args, '--note');
  const { database } = await openMigratedDatabase(withoutTimeout(config));
  try {
    const ref = /^https?:\/\//i.test(article) ? { url: article } : { slug: article };
    const deleted = await deleteArticle(database.writer, { keyName: null, note }, { article: ref });
    console.log(`deleted the article "${deleted.slug}" with its quotes, mentions, revisions and corrections`);
  } finally {
    await database.close();
  }
}

/** The object an `--object` names: a global id ("UGVyc29uOjEy") or TYPE:ID ("Person:12"). */
function objectOption(value: string): { type: ObjectType; id: number } {
  const plain = /^(Article|Quote|Person|Source|Topic):(\d{1,10})$/.exec(value);
  const decoded = plain ? null : /^(Article|Quote|Person|Source|Topic):(\d{1,10})$/.exec(Buffer.from(value, 'base64url').toString('utf8'));
  const match = plain ?? decoded;
  if (!match) throw new UsageError(`--object is a global id or TYPE:ID ("Person:12"), not "${value}"`);
  return { type: match[1] as ObjectType, id: Number(match[2]) };
}

/** `changes`: the record, newest first. */
async function changesCommand(config: Config, args: string[]): Promise<void> {
  const first = Number(optionValue(args, '--first') ?? '20');
  if (!Number.isInteger(first) || first < 1 || first > 1000) throw new UsageError('--first is a whole number from 1 to 1000');
  const keyName = optionValue(args, '--key');
  const object = optionValue(args, '--object');
  const filter = { ...(keyName !== undefined ? { keyName } : {}), ...(object !== undefined ? { object: objectOption(object) } : {}) };
  const { database } = await openMigratedDatabase(withoutTimeout(config));
  try {
    for (const change of await recentChanges(database.sql, filter, first)) {
      const at = new Date(change.at).toISOString();
      if (args.includes('--json')) {
        console.log(JSON.stringify({ id: change.id, at, key: change.key, action: change.action, object: change.object, ...change.fields, note: change.note }));
        continue;
      }
      const before = change.fields.before ?? {};
      const after = change.fields.after ?? {};
      const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
        .map((field) => `${field}: ${JSON.stringify(before[field] ?? null)} -> ${JSON.stringify(after[field] ?? null)}`)
        .join('; ');
      console.log(`#${change.id}\t${at}\t${change.key ?? 'command line'}\t${change.action}\t${change.object}\t${fields}${change.note ? `\t(${change.note})` : ''}`);
    }
  } finally {
    await database.close();
  }
}

async function serveCommand(config: Config): Promise<void> {
  // Checking migrations waits on the database: the server's modules load meanwhile.
  const opening = openMigratedDatabase(config);
  opening.catch(() => undefined); // startServer awaits it and reports a failure
  const { startServer } = await import('./server.js');
  await startServer(config, opening);
}

/** Turns errors a user can act on into one line; anything else is a bug and keeps its stack. */
function describeFailure(error: unknown): string | null {
  if (error instanceof UsageError) return `${error.message}\n\n${USAGE}`;
  if (
    error instanceof ConfigError ||
    error instanceof IngestError ||
    error instanceof ArticleFileError ||
    error instanceof ApiKeyError ||
    error instanceof MigrationError ||
    error instanceof DataFolderLockedError ||
    error instanceof EditorialError
  ) {
    return error.message;
  }
  const code = (error as { code?: unknown }).code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return `cannot reach the database in DATABASE_URL (${String(code)}); is PostgreSQL running?`;
  }
  if (code === '3D000') return `the database in DATABASE_URL does not exist: ${(error as Error).message}`;
  if (code === '28P01' || code === '28000') return `the database refused the login in DATABASE_URL: ${(error as Error).message}`;
  return null;
}

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  if (command && COMMAND_HELP[command] && (args.includes('--help') || args.includes('-h'))) {
    console.log(COMMAND_HELP[command]);
    return;
  }
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return serveCommand(config);
    case 'migrate':
      return migrateCommand(config);
    case 'seed':
      return seedCommand(config);
    case 'reset':
      return resetCommand(config, args);
    case 'ingest':
      return ingestCommand(config, args);
    case 'keys:create':
      return keysCommand(config, 'create', args);
    case 'keys:revoke':
      return keysCommand(config, 'revoke', args);
    case 'keys:list':
      return keysCommand(config, 'list', args);
    case 'people:merge':
      return mergePeopleCommand(config, args);
    case 'article:delete':
      return deleteArticleCommand(config, args);
    case 'changes':
      return changesCommand(config, args);
    case 'schema': {
      const { schemaText } = await import('./graphql/schema.js');
      console.log(await schemaText());
      return;
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE);
      return;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = describeFailure(error);
  if (message === null) console.error(error);
  else console.error(`quotegraph: ${message}`);
  process.exit(1);
});
