import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate, createApiKey, hashApiKey, listApiKeys, revokeApiKey } from '../../src/auth/api-keys.js';
import { connectPostgres, type Database } from '../../src/db/client.js';
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
    const key = await createApiKey(database.prisma, 'cms', 'EDITOR');
    const stored = await database.prisma.apiKey.findUniqueOrThrow({ where: { name: 'cms' } });
    expect(stored.keyHash).toBe(hashApiKey(key));
    expect(JSON.stringify(stored)).not.toContain(key);
    expect(await authenticate(database.prisma, `Bearer ${key}`)).toEqual({ keyName: 'cms', role: 'EDITOR' });
  });

  it('refuse unknown, malformed and revoked keys, and treat no header as anonymous', async () => {
    const key = await createApiKey(database.prisma, 'old-app', 'READER');
    await revokeApiKey(database.prisma, 'old-app');
    expect(await authenticate(database.prisma, `Bearer ${key}`)).toBe('invalid');
    expect(await authenticate(database.prisma, 'Bearer qg_unknown')).toBe('invalid');
    expect(await authenticate(database.prisma, 'Basic abc')).toBe('invalid');
    expect(await authenticate(database.prisma, undefined)).toBeNull();
    expect((await listApiKeys(database.prisma)).find((listed) => listed.name === 'old-app')?.revokedAt).toBeInstanceOf(Date);
  });

  it('refuse a duplicate name and revoking an unknown key', async () => {
    await createApiKey(database.prisma, 'twice', 'READER');
    await expect(createApiKey(database.prisma, 'twice', 'READER')).rejects.toThrow(/exists already/);
    await expect(revokeApiKey(database.prisma, 'never-made')).rejects.toThrow(/no active key/);
  });
});
