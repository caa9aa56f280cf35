// An unexpected error reaches the client as a bare INTERNAL_SERVER_ERROR with the request id, and
// the log gets the details under the same id.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { buildSchema, Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { createApolloServer } from '../../src/graphql/apollo.js';
import type { Context } from '../../src/graphql/context.js';

@ObjectType({ description: 'A thing that fails.' })
class Broken {
  @Field(() => String, { description: 'Never answers.' })
  value!: string;
}

@Resolver(() => Broken)
class BrokenResolver {
  @Query(() => Broken, { description: 'Throws like a bug would.' })
  broken(@Ctx() _context: Context): Broken {
    throw new Error('relation "Secret" does not exist in SELECT * FROM "Secret" at /work/main/src/x.ts:1:1');
  }
}

describe('internal errors', () => {
  it('carry the request id and nothing of the failure to the client', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }));
    const schema = await buildSchema({ resolvers: [BrokenResolver], validate: false });
    const apollo = await createApolloServer(schema, {
      introspection: false,
      queryLimits: { maxNodes: 100, maxCost: 1_000, maxDepth: 5, maxAliases: 5, maxOperations: 1, maxTokens: 1_000 },
      logger,
    });
    const response = await apollo.executeOperation(
      { query: '{ broken { value } }' },
      { contextValue: { requestId: 'request-42' } as Context },
    );
    await apollo.stop();
    const result = response.body.kind === 'single' ? response.body.singleResult : null;
    expect(result?.errors).toEqual([
      { message: 'Internal server error', locations: [{ line: 1, column: 3 }], path: ['broken'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'request-42' } },
    ]);
    const logged = lines.map((line) => JSON.parse(line)).find((line) => line.msg === 'operation failed');
    expect(logged.requestId).toBe('request-42');
    expect(logged.err.message).toContain('SELECT * FROM "Secret"');
  });
});
