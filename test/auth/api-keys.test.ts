import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate, createApiKey, hashApiKey, listApiKeys, revokeApiKey } from '../../src/auth/api-keys.js';
import { connectPostgres, type Database } from '../support/prisma.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let testDatabase: TestDatabase;
let database: Database;
beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = connectPostgres(testDatabase.url);
});
afterAll(async () => {
  await database?.close();
  await testDatabase?.drop();
});

describe('API keys', () => {
  it('are stored only as a hash and authenticate with their role', async () => {
    const key = await createApiKey(database.writer, 'cms', 'EDITOR');
    const stored = await database.prisma.apiKey.findUniqueOrThrow({ where: { name: 'cms' } });
    expect(stored.keyHash).toBe(hashApiKey(key));
    expect(JSON.stringify(stored)).not.toContain(key);
    expect(await authenticate(database.sql, `Bearer ${key}`)).toEqual({ keyName: 'cms', role: 'EDITOR' });
  });

  it('refuse unknown, malformed and revoked keys, and treat no header as anonymous', async () => {
    const key = await createApiKey(database.writer, 'old-app', 'READER');
    await revokeApiKey(database.writer, 'old-app');
    expect(await authenticate(database.sql, `Bearer ${key}`)).toBe('invalid');
    expect(await authenticate(database.sql, 'Bearer qg_unknown')).toBe('invalid');
    expect(await authenticate(database.sql, 'Basic abc')).toBe('invalid');
    expect(await authenticate(database.sql, undefined)).toBeNull();
    expect((await listApiKeys(database.sql)).find((listed) => listed.name === 'old-app')?.revokedAt).toBeInstanceOf(Date);
  });

  it('refuse a duplicate name and revoking an unknown key', async () => {
    await createApiKey(database.writer, 'twice', 'READER');
    await expect(createApiKey(database.writer, 'twice', 'READER')).rejects.toThrow(/exists already/);
    await expect(revokeApiKey(database.writer, 'never-made')).rejects.toThrow(/no active key/);
  });
});
