// Table statistics kept current through a bulk ingest. PostgreSQL plans from statistics (how many
// rows a table has, how its values spread) that autovacuum takes again once a tenth of a table has
// changed, at most once a minute: an ingest of thousands of files into a new or small database
// outgrows them within seconds, and the counters' triggers, which count the quotes of every topic a
// batch touches, are then planned as scans of whole tables, batch after batch. PostgreSQL's own
// advice for populating a database is to ANALYZE after loading; this does it while loading, each
// time a table has changed by half its size (so a handful of times, whatever the ingest's length).
// A table analysed while empty (a migration analyses Article and Quote, so every new database starts
// that way) is planned from its size on disk at the time: each connection's foreign-key checks of
// Article, planned once for the session while the table was a page or two, then read the whole table
// for every quote, topic link and mention stored, until the next ANALYZE (about 1 ms an article one at
// a time at a few hundred articles, and growing with the table). Such a table is analysed again once
// it has a few pages, which replans those checks as index lookups. Autovacuum does both in time where
// it is on and keeps up; this does not wait for it.
//
// It takes the statistics of the tables' columns only, not of their expression indexes (the word pairs
// of migration search_word_pairs, the headline words): ANALYZE computes those by calling the index's
// function on every sampled row, and they are what most of its time went to (Article at 1,000 articles
// 410-664 ms, its columns alone 104-108; at 100,000 articles 13.7 s against 1.4), while nothing an ingest
// runs is planned from them. Autovacuum's ANALYZE, which follows the same changes, takes them all. An
// ANALYZE of listed columns leaves the table's count of changes since its last ANALYZE as it was, so a
// table is stale here when it has grown by half since its row count was last taken.
import type { SqlWriter } from './writer.js';

/** The tables an ingest writes and the counters' triggers read. */
const INGESTED_TABLES = ['Article', 'ArticleRevision', 'Quote', 'ArticleTopic', 'ArticleMention', 'ArticleAuthor', 'Person', 'PersonAlias'];

/** Rows added since the last statistics, beyond half the table, that make them stale. */
const STALE_AFTER_ROWS = 1_000;

/** The size (8 KiB pages) at which a table analysed empty is analysed again. */
const ANALYSED_EMPTY_STALE_AT_PAGES = 8;

/** Takes the statistics of the ingested tables again where they are stale; returns the tables analysed. */
export async function refreshIngestStatistics(writer: SqlWriter): Promise<string[]> {
  return writer.transaction(async (session) => {
    // Each stale table, with its columns quoted as ANALYZE lists them: "Person" ("id", "slug", ...).
    const stale = await session.query<{ table: string; columns: string }>(
      `SELECT stats."relname"::text AS "table", format('%I (%s)', stats."relname",
         (SELECT string_agg(quote_ident(attribute."attname"), ', ' ORDER BY attribute."attnum")
          FROM pg_attribute attribute
          WHERE attribute."attrelid" = class."oid" AND attribute."attnum" > 0 AND NOT attribute."attisdropped")) AS "columns"
       FROM pg_stat_user_tables stats JOIN pg_class class ON class."oid" = stats."relid"
       WHERE stats."schemaname" = current_schema() AND stats."relname" = ANY($1::text[])
         AND (stats."n_live_tup" - greatest(class."reltuples", 0) > greatest(class."reltuples", 0) / 2 + $2
              OR (class."reltuples" = 0 AND pg_relation_size(class."oid") >= $3 * current_setting('block_size')::int))
       ORDER BY stats."relname"`,
      [INGESTED_TABLES, STALE_AFTER_ROWS, ANALYSED_EMPTY_STALE_AT_PAGES],
    );
    if (stale.length > 0) await session.query(`ANALYZE ${stale.map(({ columns }) => columns).join(', ')}`, []);
    return stale.map(({ table }) => table);
  });
}
