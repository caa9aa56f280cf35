// What every resolver receives: the database, this request's batch loaders and who is calling.
import { authenticate, type Viewer } from '../auth/api-keys.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { Loaders } from './loaders.js';

export interface Context {
  prisma: PrismaClient;
  loaders: Loaders;
  requestId: string;
  /** The caller's key, looked up once and only when a resolver asks (reads are public). */
  viewer(): Promise<Viewer | null | 'invalid'>;
}

export function createContext(prisma: PrismaClient, requestId: string, authorization?: string): Context {
  let viewer: Promise<Viewer | null | 'invalid'> | undefined;
  return {
    prisma,
    loaders: new Loaders(prisma),
    requestId,
    viewer: () => (viewer ??= authenticate(prisma, authorization)),
  };
}
