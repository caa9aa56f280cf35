// The locks that keep writes to the same things in a serial order. Editorial mutations are rare and
// made by people, so they run one at a time (an exclusive transaction-level advisory lock): each
// reads, checks versions and writes as if alone, and two editors racing end in one of the two
// serial orders, never in a mix of both. Ingests share that lock among themselves (a correction
// never lands between an ingest's reading of the corrections and its writing of the quotes), and
// hold an exclusive lock on the article they write, named by its url, external id or text.
import type { SqlSession } from './writer.js';

/** The advisory lock of editorial writes (any bigint no other code of ours uses). */
const EDITORIAL_LOCK = 7_301_012;
/** The first key of the two-key advisory locks on articles' identities. */
const ARTICLE_IDENTITY_LOCKS = 7_301_013;

/** Waits until no other editorial write or ingest runs, then holds that until the transaction ends. */
export async function lockForEditing(session: SqlSession): Promise<void> {
  await session.query('SELECT pg_advisory_xact_lock($1::bigint)', [EDITORIAL_LOCK]);
}

/**
 * Waits until no editorial write runs and no other ingest writes the articles named by
 * `identities`, then holds all until the transaction ends. They are taken in one statement, in the
 * order of their keys, so that two transactions storing many articles each never wait on each other
 * in a circle.
 */
export async function lockForIngest(session: SqlSession, identities: string[]): Promise<void> {
  await session.query(
    `SELECT pg_advisory_xact_lock_shared($1::bigint),
       (SELECT count(pg_advisory_xact_lock($2::int, "key")) FROM (SELECT DISTINCT hashtext("identity") AS "key" FROM unnest($3::text[]) AS "identity" ORDER BY 1) article)`,
    [EDITORIAL_LOCK, ARTICLE_IDENTITY_LOCKS, identities],
  );
}
