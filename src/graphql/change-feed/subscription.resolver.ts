// Subscriptions (over WebSocket, the graphql-ws protocol: src/http/subscriptions.ts), fed from the
// outbox through the process's OutboxFeed. Each takes `since`, a cursor from an earlier event (or
// from changesSince), to get first what it missed while away, as long as the outbox still holds it
// (an older one is refused with CURSOR_EXPIRED).
import { GraphQLError } from 'graphql';
import { Arg, Ctx, Resolver, Root, Subscription } from 'type-graphql';
import { decodePosition, encodePosition, OUTBOX_EVENT_TYPES, type OutboxEvent, type OutboxPosition } from '../../outbox/outbox-events.js';
import { articleRows } from '../article/article.lists.js';
import type { Context } from '../context.js';
import { Loaders } from '../read/loaders.js';
import { quoteRows } from '../quote/quote.lists.js';
import { badCursor, rethrowCursorExpired, publicChangeEvent } from './change-feed.resolver.js';
import { ChangeEvent } from './change-feed.type.js';
import { ArticleAddedEvent, QuoteAddedEvent } from './subscription.type.js';

interface Filters {
  speaker?: string | null;
  topic?: string | null;
  source?: string | null;
  since?: string | null;
}

function sinceOf(since: string | null | undefined): OutboxPosition | undefined {
  if (since == null) return undefined;
  const position = decodePosition(since);
  if (!position) throw badCursor(since);
  return position;
}

/**
 * Events of `types` that match the filters given. Without `tombstones`, events of an unpublished
 * article are left out (the public may not see it); with them, they come masked (publicChangeEvent).
 */
function matching(types: readonly string[], filters: Filters, tombstones: boolean): (event: OutboxEvent) => boolean {
  return (event) => {
    const { payload } = event;
    if (!types.includes(event.type)) return false;
    if (payload.published === false && !tombstones) return false;
    if (filters.speaker != null && payload.speaker !== filters.speaker) return false;
    if (filters.topic != null && !(payload.topics ?? []).includes(filters.topic)) return false;
    if (filters.source != null && payload.source !== filters.source) return false;
    return true;
  };
}

/**
 * The events of the subscription, each with fresh batch loaders: a subscription lives for hours,
 * and loaders cache what they read (an article's title corrected meanwhile would not show).
 */
async function* stream(context: Context, types: readonly string[], filters: Filters, tombstones = false): AsyncGenerator<OutboxEvent> {
  if (!context.feed) throw new GraphQLError('Subscriptions are served over WebSocket (graphql-ws) at /graphql', { extensions: { code: 'BAD_REQUEST' } });
  const events = await context.feed.subscribe(matching(types, filters, tombstones), sinceOf(filters.since)).catch(rethrowCursorExpired);
  try {
    for await (const event of events) {
      context.loaders = new Loaders(context.sql);
      yield event;
    }
  } finally {
    await events.return?.();
  }
}

@Resolver()
export class SubscriptionResolver {
  @Subscription(() => QuoteAddedEvent, {
    description: 'Quotes as they are stored (by an ingest, a revision or an editor), by speaker, topic or source slug when given.',
    subscribe: ({ args, context }) => stream(context as Context, ['quoteAdded'], args as Filters),
  })
  async quoteAdded(
    @Root() event: OutboxEvent,
    @Ctx() context: Context,
    @Arg('speaker', () => String, { nullable: true, description: "The speaker's slug." }) _speaker?: string,
    @Arg('topic', () => String, { nullable: true, description: "A topic's slug." }) _topic?: string,
    @Arg('source', () => String, { nullable: true, description: "The source's slug." }) _source?: string,
    @Arg('since', () => String, { nullable: true, description: 'Deliver first what came after this cursor.' }) _since?: string,
  ): Promise<QuoteAddedEvent> {
    return { cursor: encodePosition(event.position), quote: await context.loaders.node(quoteRows, event.objectId) };
  }

  @Subscription(() => ArticleAddedEvent, {
    description: 'Articles as they are first ingested, by topic or source slug when given.',
    subscribe: ({ args, context }) => stream(context as Context, ['articleAdded'], args as Filters),
  })
  async articleAdded(
    @Root() event: OutboxEvent,
    @Ctx() context: Context,
    @Arg('topic', () => String, { nullable: true, description: "A topic's slug." }) _topic?: string,
    @Arg('source', () => String, { nullable: true, description: "The source's slug." }) _source?: string,
    @Arg('since', () => String, { nullable: true, description: 'Deliver first what came after this cursor.' }) _since?: string,
  ): Promise<ArticleAddedEvent> {
    return { cursor: encodePosition(event.position), article: await context.loaders.node(articleRows, event.objectId) };
  }

  @Subscription(() => ChangeEvent, {
    description: 'Every change as it commits, tombstones included (the live form of changesSince).',
    subscribe: ({ args, context }) => stream(context as Context, OUTBOX_EVENT_TYPES, args as Filters, true),
  })
  changes(
    @Root() event: OutboxEvent,
    @Arg('since', () => String, { nullable: true, description: 'Deliver first what came after this cursor.' }) _since?: string,
  ): ChangeEvent {
    return publicChangeEvent(event);
  }
}
