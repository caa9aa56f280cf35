// PostgreSQL's time to find a page of search results, one client: `quotegraph_search` for a page of 11 (10
// and one to tell whether more follow), for articles and for quotes, each query's median over --rounds calls
// on a warm database. With --against MIGRATION, the functions that migration created are installed under
// the schema `bench_search_before` (its tables are today's) and called alternately with today's, in one
// session, so both see the same cache and load. Prints a table and writes it to
// bench/results/<date>-search-s<scale>.md.
// Usage: npm run bench:search -- [--scale N] [--database NAME] [--rounds R] [--against 20261206181205_search_terms]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { packageRoot } from '../src/package-root.js';
import { BENCH_PREFIX, databaseUrl, optionValue, parseArguments } from './database.js';
import { median, writeResult } from './results.js';

const BEFORE = 'bench_search_before';

const QUERIES = [
  'ceasefire',
  'minister',
  'sanctions summit',
  '"foreign minister"',
  'minister or envoy',
  'minister summit -vote',
  'ceasefire talks',
  'border trade harbour',
  // Excluded words alone: nothing to rank by (migration search_readings).
  '-summit',
  // Three common words joined by OR, whose pages at 1M articles end near the mean of their lists' cuts
  // (migration search_readings): one that settles once every listed document is checked,
  // one that then ranks the matches holding enough of the words.
  'minister or summit or talks',
  'president or trade or border',
];

/**
 * Every function `migration` creates, to be created again under BEFORE, but those an index is built on
 * (`indexed`): a copy would be called instead of the one the index holds, and every row computed again.
 */
function functionsOf(migration: string, indexed: readonly string[]): string[] {
  const sql = readFileSync(path.join(packageRoot, 'prisma/migrations', migration, 'migration.sql'), 'utf8');
  const created = (sql.match(/^CREATE (?:OR REPLACE )?FUNCTION "quotegraph_\w+"[\s\S]*?\$\$;$/gm) ?? []).filter(
    (statement) => !indexed.some((name) => statement.includes(`FUNCTION "${name}"(`)),
  );
  if (created.length === 0) throw new Error(`migration ${migration} creates no quotegraph_ function`);
  return created.map((statement) => statement.replace(/^CREATE (?:OR REPLACE )?FUNCTION "/, `CREATE FUNCTION ${BEFORE}."`));
}

/** The quotegraph_ functions the database's indexes are built on. */
async function indexedFunctions(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT DISTINCT found[1] AS name FROM pg_indexes, regexp_matches(indexdef, '(quotegraph_\\w+)\\(', 'g') AS found WHERE schemaname = 'public'`,
  );
  return rows.map((row) => row.name);
}

/**
 * Pages 1 to 3 of each query and kind from the functions before (under BEFORE) and today's, compared row by
 * row (ids and ranks): a change meant to keep the answers shows that it did.
 */
async function comparePages(client: pg.Client, against: string): Promise<{ pages: number; same: number; differing: string[] }> {
  let pages = 0;
  let same = 0;
  const differing: string[] = [];
  const page = async (schema: string, kind: string, query: string, after: { rank: number; id: number } | null) => {
    await client.query(`SET search_path = ${schema}, public`);
    const { rows } = await client.query<{ id: number; rank: number }>(
      `SELECT "id", "rank" FROM ${schema}."quotegraph_search"($1, $2, $3, $4, 11)`,
      [kind, query, after?.rank ?? null, after?.id ?? null],
    );
    return rows;
  };
  for (const query of QUERIES) {
    for (const kind of ['ARTICLE', 'QUOTE']) {
      let after: { rank: number; id: number } | null = null;
      for (let number = 1; number <= 3; number++) {
        const now = await page('public', kind, query, after);
        const before = await page(BEFORE, kind, query, after);
        pages++;
        if (JSON.stringify(now) === JSON.stringify(before)) same++;
        else differing.push(`${query} (${kind.toLowerCase()}), page ${number} (against ${against})`);
        if (now.length < 11) break;
        after = now[9]!;
      }
    }
  }
  return { pages, same, differing };
}

async function timed(client: pg.Client, sql: string, values: unknown[]): Promise<number> {
  const started = performance.now();
  await client.query(sql, values);
  return performance.now() - started;
}

async function main(): Promise<void> {
  const { scale, database, rest } = parseArguments(process.argv.slice(2));
  const rounds = Number(optionValue(rest, '--rounds') ?? 9);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds must be a whole number of at least 1');
  const against = optionValue(rest, '--against');
  const name = database ?? `${BENCH_PREFIX}s${scale}`;
  const date = new Date().toISOString().slice(0, 10);
  const client = new pg.Client({ connectionString: databaseUrl(name) });
  await client.connect();
  try {
    if (against) {
      await client.query(`DROP SCHEMA IF EXISTS ${BEFORE} CASCADE; CREATE SCHEMA ${BEFORE}`);
      for (const statement of functionsOf(against, await indexedFunctions(client))) await client.query(statement);
    }
    // A search function's body names other functions unqualified: with the schema first on the path, the
    // copies call each other, and today's tables.
    const search = async (schema: string, kind: string, query: string) => {
      await client.query(`SET search_path = ${schema}, public`);
      return timed(client, `SELECT count(*) FROM ${schema}."quotegraph_search"($1, $2, NULL, NULL, 11)`, [kind, query]);
    };
    const lines = [
      `# Search, one client, scale ${scale} (${name}), ${date}`,
      '',
      `PostgreSQL time of \`quotegraph_search\` for a page of 11 (ms, median of ${rounds} calls after one warm-up call, wall time` +
        ` of the call from this process on the same machine)${against ? `, alternating with the functions of migration \`${against}\`` : ''}.`,
      '',
      against ? '| query | kind | before ms | now ms |' : '| query | kind | ms |',
      against ? '| --- | --- | ---: | ---: |' : '| --- | --- | ---: |',
    ];
    for (const query of QUERIES) {
      for (const kind of ['ARTICLE', 'QUOTE']) {
        const now: number[] = [];
        const before: number[] = [];
        for (let round = 0; round <= rounds; round++) {
          const spent = await search('public', kind, query);
          if (round > 0) now.push(spent);
          if (against) {
            const spentBefore = await search(BEFORE, kind, query);
            if (round > 0) before.push(spentBefore);
          }
        }
        const cell = (values: number[]) => median(values).toFixed(1);
        lines.push(against ? `| ${query} | ${kind.toLowerCase()} | ${cell(before)} | ${cell(now)} |` : `| ${query} | ${kind.toLowerCase()} | ${cell(now)} |`);
        console.log(lines.at(-1));
      }
    }
    let differing = 0;
    if (against) {
      const compared = await comparePages(client, against);
      differing = compared.differing.length;
      lines.push('', `Pages 1 to 3 of every query (11 a page, the next from the 10th), before and now: ${compared.same} of ${compared.pages} the same.`);
      for (const page of compared.differing) lines.push(`- differs: ${page}`);
      console.log(lines.slice(-1 - compared.differing.length).join('\n'));
      await client.query(`RESET search_path; DROP SCHEMA ${BEFORE} CASCADE`);
    }
    writeResult(`${date}-search-s${scale}`, `${lines.join('\n')}\n`);
    if (differing > 0) process.exitCode = 1;
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
