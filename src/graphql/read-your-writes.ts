// With replicas, a mutation reads from the primary, and its answer carries the commit position it
// reached (the primary's WAL position after it committed), in the x-quotegraph-lsn header and in
// extensions.commitLsn. A client that sends the position back in x-quotegraph-lsn is served by a
// replica that has replayed it, or by the primary: an editor never sees their change vanish.
import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from './context.js';

export const COMMIT_POSITION_HEADER = 'x-quotegraph-lsn';

export function readYourWritesPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      if (!contextValue.replication) return;
      let mutation = false;
      return {
        async didResolveOperation({ operation }) {
          mutation = operation?.operation === 'mutation';
          if (mutation) contextValue.routing.primaryOnly = true;
        },
        async willSendResponse({ response }) {
          if (!mutation || response.body.kind !== 'single') return;
          // After a failed mutation too: part of it may have committed. Without an answer from the
          // primary there is no position to give; the client then reads as it would have anyway.
          const position = await contextValue.replication!.commitPosition().catch(() => null);
          if (!position) return;
          response.http.headers.set(COMMIT_POSITION_HEADER, position);
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, commitLsn: position };
        },
      };
    },
  };
}
