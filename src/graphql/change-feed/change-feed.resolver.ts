// `changesSince`: what changed after a cursor, for clients that poll or come back online.
import { GraphQLError } from 'graphql';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import {
  checkResumable,
  CursorExpiredError,
  decodePosition,
  encodePosition,
  OUTBOX_START,
  readOutbox,
  type OutboxEvent,
} from '../../outbox/outbox-events.js';
import { cacheTag } from '../cache/cache-tags.js';
import type { Context } from '../context.js';
import { toGlobalId } from '../node/global-id.js';
import { ChangeEvent, ChangeEventConnection } from './change-feed.type.js';

/** Most events one page may hold. */
export const MAX_CHANGES_PAGE = 500;

const TOMBSTONES = new Set(['articleDeleted', 'quoteRetracted', 'personMerged']);

/** The cache tags of the answers an event may have made stale. */
function staleTags(event: OutboxEvent): string[] {
  const { payload } = event;
  const tags = new Set([cacheTag(event.objectType, event.objectId)]);
  if (payload.articleId) tags.add(cacheTag('Article', payload.articleId));
  if (payload.speakerId) tags.add(cacheTag('Person', payload.speakerId));
  if (payload.sourceId) tags.add(cacheTag('Source', payload.sourceId));
  if (payload.mergedIntoId) tags.add(cacheTag('Person', payload.mergedIntoId));
  return [...tags];
}

/** An outbox event as the public sees it. */
export function publicChangeEvent(event: OutboxEvent): ChangeEvent {
  const { payload } = event;
  return {
    id: event.id,
    cursor: encodePosition(event.position),
    type: event.type,
    at: event.at,
    object: toGlobalId(event.objectType, event.objectId),
    // An unpublished article's events say only that it is gone from view.
    tombstone: TOMBSTONES.has(event.type) || payload.published === false,
    article: payload.article ?? null,
    speaker: payload.published === false ? null : (payload.speaker ?? null),
    source: payload.published === false ? null : (payload.source ?? null),
    topics: payload.published === false ? [] : (payload.topics ?? []),
    mergedInto: payload.mergedIntoId ? toGlobalId('Person', payload.mergedIntoId) : null,
    cacheTags: staleTags(event),
  };
}

export function badCursor(since: string): GraphQLError {
  return new GraphQLError(`Invalid cursor "${since.slice(0, 64)}": use a cursor returned by changesSince or a ChangeEvent`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/**
 * Rethrows `error`, as CURSOR_EXPIRED when it is a cursor older than the outbox keeps
 * (src/outbox/outbox-pruning.ts): resuming from it would skip what was removed, so the client is told
 * to read its objects again and follow the changes from the oldest cursor kept (some of which it will
 * have seen: events are delivered at least once).
 */
export function rethrowCursorExpired(error: unknown): never {
  if (!(error instanceof CursorExpiredError)) throw error;
  throw new GraphQLError(`${error.message}: read the objects you follow again, then follow the changes from extensions.oldestCursor`, {
    extensions: { code: 'CURSOR_EXPIRED', oldestCursor: encodePosition(error.oldest) },
  });
}

@Resolver()
export class ChangeFeedResolver {
  @Query(() => ChangeEventConnection, {
    description:
      'What changed after `since` (a cursor from an earlier answer; omit it to read from the oldest change kept), oldest first: ' +
      'articles and quotes added, revised, corrected, and as tombstones those deleted, retracted, unpublished or merged away. ' +
      'The cursor is stable: a change committed later never sorts before one already read. Changes are kept for a period the ' +
      'server sets (7 days by default): a cursor older than the oldest change kept is refused with CURSOR_EXPIRED.',
  })
  async changesSince(
    @Arg('since', () => String, { nullable: true }) since: string | null,
    @Arg('first', () => Int, { description: `At most ${MAX_CHANGES_PAGE}.` }) first: number,
    @Ctx() context: Context,
  ): Promise<ChangeEventConnection> {
    if (first < 0 || first > MAX_CHANGES_PAGE) {
      throw new GraphQLError(`"first" must be between 0 and ${MAX_CHANGES_PAGE}`, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    const after = since == null ? OUTBOX_START : decodePosition(since);
    if (!after) throw badCursor(since!);
    const events = await readOutbox(context.sql, after, first + 1);
    if (since != null) {
      await checkResumable(context.sql, after).catch(rethrowCursorExpired);
    }
    const page = events.slice(0, first).map(publicChangeEvent);
    return { nodes: page, cursor: page.at(-1)?.cursor ?? encodePosition(after), hasNextPage: events.length > first };
  }
}
