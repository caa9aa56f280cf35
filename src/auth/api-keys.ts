// API keys: created by an operator, shown once, stored only as a SHA-256 hash, revocable by name.
import { createHash, randomBytes } from 'node:crypto';
import type { SqlReader } from '../db/sql.js';
import { utcTimestamp, type SqlWriter } from '../db/writer.js';

/** What a key may do: an editor writes, a reader only reads (reads need no key anyway). */
export type ApiKeyRole = 'EDITOR' | 'READER';

/** Who is calling: the holder of a valid key, with its role. */
export interface Viewer {
  keyName: string;
  role: ApiKeyRole;
}

/** A key as `keys:list` shows it: never the key itself. */
export interface ApiKeyListing {
  name: string;
  role: ApiKeyRole;
  createdAt: Date;
  revokedAt: Date | null;
}

export class ApiKeyError extends Error {
  override name = 'ApiKeyError';
}

const KEY_PREFIX = 'qg_';

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** PostgreSQL's unique_violation, as pg and PGlite both report it. */
function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

/** Creates a key and returns it; it cannot be shown again, since only its hash is kept. */
export async function createApiKey(writer: SqlWriter, name: string, role: ApiKeyRole): Promise<string> {
  if (!/^[\w.-]{1,64}$/.test(name)) {
    throw new ApiKeyError('a key name is 1 to 64 letters, digits, dots, dashes or underscores');
  }
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  try {
    await writer.transaction((session) =>
      session.query(
        'INSERT INTO "ApiKey" ("name", "role", "keyHash", "createdAt") VALUES ($1, $2::"ApiKeyRole", $3, $4::timestamp)',
        [name, role, hashApiKey(key), utcTimestamp(new Date())],
      ),
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw new ApiKeyError(`a key named "${name}" exists already; revoke it or choose another name`);
    throw error;
  }
  return key;
}

export async function revokeApiKey(writer: SqlWriter, name: string): Promise<void> {
  const revoked = await writer.transaction((session) =>
    session.query('UPDATE "ApiKey" SET "revokedAt" = $2::timestamp WHERE "name" = $1 AND "revokedAt" IS NULL RETURNING "id"', [
      name,
      utcTimestamp(new Date()),
    ]),
  );
  if (revoked.length === 0) throw new ApiKeyError(`no active key named "${name}"`);
}

export async function listApiKeys(sql: SqlReader): Promise<ApiKeyListing[]> {
  return sql.query<ApiKeyListing>('SELECT "name", "role"::text AS "role", "createdAt", "revokedAt" FROM "ApiKey" ORDER BY "id"', []);
}

/**
 * The viewer an Authorization header names: null without a header, 'invalid' for a malformed,
 * unknown or revoked key.
 */
export async function authenticate(sql: SqlReader, authorization: string | undefined): Promise<Viewer | null | 'invalid'> {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match?.[1]?.startsWith(KEY_PREFIX)) return 'invalid';
  const [key] = await sql.query<{ name: string; role: ApiKeyRole; revokedAt: Date | null }>(
    'SELECT "name", "role"::text AS "role", "revokedAt" FROM "ApiKey" WHERE "keyHash" = $1',
    [hashApiKey(match[1])],
  );
  if (!key || key.revokedAt) return 'invalid';
  return { keyName: key.name, role: key.role };
}
