// What every resolver receives: the database and this request's batch loaders.
import type { PrismaClient } from '../generated/prisma/client.js';
import { Loaders } from './loaders.js';

export interface Context {
  prisma: PrismaClient;
  loaders: Loaders;
  requestId: string;
}

export function createContext(prisma: PrismaClient, requestId: string): Context {
  return { prisma, loaders: new Loaders(prisma), requestId };
}
