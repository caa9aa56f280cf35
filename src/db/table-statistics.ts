// Table statistics kept current through a bulk ingest. PostgreSQL plans from statistics (how many
// rows a table has, how its values spread) that autovacuum takes again once a tenth of a table has
// changed, at most once a minute: an ingest of thousands of files into a new or small database
// outgrows them within seconds, and the counters' triggers, which count the quotes of every topic a
// batch touches, are then planned as scans of whole tables, batch after batch. PostgreSQL's own
// advice for populating a database is to ANALYZE after loading; this does it while loading, each
// time a table has changed by half its size (so a handful of times, whatever the ingest's length).
import type { SqlWriter } from './writer.js';

/** The tables an ingest writes and the counters' triggers read. */
const INGESTED_TABLES = ['Article', 'ArticleRevision', 'Quote', 'ArticleTopic', 'ArticleMention', 'ArticleAuthor', 'Person', 'PersonAlias'];

/** Rows changed since the last statistics, beyond half the table, that make them stale. */
const STALE_AFTER_ROWS = 1_000;

/** Takes the statistics of the ingested tables again where they are stale; returns the tables analysed. */
export async function refreshIngestStatistics(writer: SqlWriter): Promise<string[]> {
  return writer.transaction(async (session) => {
    const [row] = await session.query<{ stale: string[] }>(
      `SELECT coalesce(array_agg(stats."relname"::text ORDER BY stats."relname"), '{}') AS "stale"
       FROM pg_stat_user_tables stats JOIN pg_class class ON class."oid" = stats."relid"
       WHERE stats."schemaname" = current_schema() AND stats."relname" = ANY($1::text[])
         AND stats."n_mod_since_analyze" > greatest(class."reltuples", 0) / 2 + $2`,
      [INGESTED_TABLES, STALE_AFTER_ROWS],
    );
    const stale = row!.stale;
    // Names from the list above only, quoted as identifiers.
    if (stale.length > 0) await session.query(`ANALYZE ${stale.map((table) => `"${table}"`).join(', ')}`, []);
    return stale;
  });
}
