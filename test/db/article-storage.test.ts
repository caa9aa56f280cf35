// An article's search vector is kept in its row (migration article_search_vectors_inline): a search that
// checks or ranks articles reads it without a lookup in the TOAST table. The body and paragraphs go out
// of the row first.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let database: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  // To read the row as stored: its length on the page.
  await client.query('CREATE EXTENSION IF NOT EXISTS pageinspect');
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

/** A text of `count` distinct words, each `times` over: the size of a news story's body and of its search vector. */
function story(count: number, times: number): string {
  const words = Array.from({ length: count }, (_, index) => `word${index.toString(36)}x${(index * 7919).toString(36)}`);
  return Array.from({ length: times }, () => words.join(' ')).join('\n\n');
}

describe('an article as stored', () => {
  it('keeps a search vector of a few kilobytes in its row, and the body and paragraphs in the TOAST table', async () => {
    const body = story(200, 2);
    await client.query(
      `INSERT INTO "Article" ("slug", "contentHash", "title", "body", "paragraphs", "published", "searchVector")
       VALUES ('stored', 'h', 'Stored', $1, string_to_array($1, E'\\n\\n'), true, setweight(to_tsvector('english', $1), 'C'))`,
      [body],
    );
    const { rows: [stored] } = await client.query<{ vector: number; row: number }>(
      `SELECT pg_column_size("searchVector") AS "vector",
              (SELECT lp_len FROM heap_page_items(get_raw_page('"Article"', (ctid::text::point)[0]::int))
               WHERE lp = (ctid::text::point)[1]::int) AS "row"
       FROM "Article" WHERE "slug" = 'stored'`,
    );
    const { vector, row } = stored!;
    // Before the migration the vector, the largest value once the body is compressed, went out first: the
    // row held the compressed body and paragraphs (1,924 bytes, with a vector of 4,330 out of it).
    expect(vector).toBeGreaterThan(3_000);
    expect(row).toBeGreaterThan(vector);
    expect(row).toBeLessThan(vector + 1_000);
  });
});
