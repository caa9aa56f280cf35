// API keys: created by an operator, shown once, stored only as a SHA-256 hash, revocable by name.
import { createHash, randomBytes } from 'node:crypto';
import { Prisma, type ApiKeyRole, type PrismaClient } from '../generated/prisma/client.js';

export type { ApiKeyRole } from '../generated/prisma/client.js';

/** Who is calling: the holder of a valid key, with its role. */
export interface Viewer {
  keyName: string;
  role: ApiKeyRole;
}

export class ApiKeyError extends Error {
  override name = 'ApiKeyError';
}

const KEY_PREFIX = 'qg_';

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Creates a key and returns it; it cannot be shown again, since only its hash is kept. */
export async function createApiKey(prisma: PrismaClient, name: string, role: ApiKeyRole): Promise<string> {
  if (!/^[\w.-]{1,64}$/.test(name)) {
    throw new ApiKeyError('a key name is 1 to 64 letters, digits, dots, dashes or underscores');
  }
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  try {
    await prisma.apiKey.create({ data: { name, role, keyHash: hashApiKey(key) } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new ApiKeyError(`a key named "${name}" exists already; revoke it or choose another name`);
    }
    throw error;
  }
  return key;
}

export async function revokeApiKey(prisma: PrismaClient, name: string): Promise<void> {
  const { count } = await prisma.apiKey.updateMany({ where: { name, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) throw new ApiKeyError(`no active key named "${name}"`);
}

export async function listApiKeys(prisma: PrismaClient) {
  return prisma.apiKey.findMany({ select: { name: true, role: true, createdAt: true, revokedAt: true }, orderBy: { id: 'asc' } });
}

/**
 * The viewer an Authorization header names: null without a header, 'invalid' for a malformed,
 * unknown or revoked key.
 */
export async function authenticate(prisma: PrismaClient, authorization: string | undefined): Promise<Viewer | null | 'invalid'> {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match?.[1]?.startsWith(KEY_PREFIX)) return 'invalid';
  const key = await prisma.apiKey.findUnique({ where: { keyHash: hashApiKey(match[1]) }, select: { name: true, role: true, revokedAt: true } });
  if (!key || key.revokedAt) return 'invalid';
  return { keyName: key.name, role: key.role };
}
