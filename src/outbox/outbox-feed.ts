// The outbox as a live stream, one per server process: it listens for the triggers' NOTIFY (sent
// on commit, so every instance on the database hears of every change), reads what committed since
// its position, and hands each event to the subscribers whose filter takes it. A subscriber that
// gives a position it had reached (a client reconnecting with its last event's cursor) first gets
// what it missed, from the outbox, then the live events, with none lost or repeated between them.
import type { Database } from '../db/client.js';
import type { Unlisten } from '../db/notifications.js';
import { checkResumable, heldBack, isAfter, OUTBOX_CHANNEL, outboxEnd, readOutbox, type OutboxEvent, type OutboxPosition } from './outbox-events.js';

/** Events read from the outbox in one statement. */
const BATCH = 200;
/**
 * How often the feed reads without a notification: while events are held back by an older
 * transaction (no NOTIFY comes when it ends), and as a safety net.
 */
const POLL_MS = { heldBack: 50, idle: 5_000 };
/** Events a slow subscriber may have waiting before it is dropped (its client reconnects with its cursor). */
export const SUBSCRIBER_BUFFER = 1_000;

export class SubscriberTooSlowError extends Error {
  constructor() {
    super(`More than ${SUBSCRIBER_BUFFER} events were waiting for this subscription: subscribe again with the last cursor received`);
  }
}

/** One subscription's stream of events, as an async iterator. */
class Subscriber implements AsyncIterableIterator<OutboxEvent> {
  private readonly waiting: OutboxEvent[] = [];
  private wake: ((result: IteratorResult<OutboxEvent>) => void) | undefined;
  private failWake: ((error: Error) => void) | undefined;
  private failure: Error | undefined;
  private done = false;
  /** Live events arrive here while the catch-up from the outbox runs, then go out after it. */
  private held: OutboxEvent[] | undefined;

  constructor(
    private readonly accepts: (event: OutboxEvent) => boolean,
    private readonly leave: (subscriber: Subscriber) => void,
  ) {}

  /** A live event: queued if the filter takes it (held back while the catch-up runs). */
  offer(event: OutboxEvent): void {
    if (this.done || !this.accepts(event)) return;
    if (this.held) return void this.held.push(event);
    this.push(event);
  }

  /** An event read from the outbox by the catch-up: queued if the filter takes it. */
  catchUp(event: OutboxEvent): void {
    if (!this.done && this.accepts(event)) this.push(event);
  }

  holdLive(): void {
    this.held = [];
  }

  releaseLive(after: OutboxPosition): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const event of held) if (isAfter(event.position, after)) this.push(event);
  }

  push(event: OutboxEvent): void {
    if (this.done) return;
    if (this.wake) {
      const wake = this.wake;
      this.wake = this.failWake = undefined;
      return wake({ value: event, done: false });
    }
    if (this.waiting.length >= SUBSCRIBER_BUFFER) return this.fail(new SubscriberTooSlowError());
    this.waiting.push(event);
  }

  fail(error: Error): void {
    if (this.done) return;
    this.failure = error;
    this.done = true;
    this.leave(this);
    this.failWake?.(error);
    this.wake = this.failWake = undefined;
  }

  next(): Promise<IteratorResult<OutboxEvent>> {
    const event = this.waiting.shift();
    if (event) return Promise.resolve({ value: event, done: false });
    if (this.failure) return Promise.reject(this.failure);
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.wake = resolve;
      this.failWake = reject;
    });
  }

  return(): Promise<IteratorResult<OutboxEvent>> {
    if (!this.done) {
      this.done = true;
      this.leave(this);
    }
    this.wake?.({ value: undefined, done: true });
    this.wake = this.failWake = undefined;
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: Error): Promise<IteratorResult<OutboxEvent>> {
    this.fail(error);
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

export class OutboxFeed {
  private readonly subscribers = new Set<Subscriber>();
  private position: OutboxPosition | undefined;
  private starting: Promise<void> | undefined;
  private unlisten: Unlisten | undefined;
  private poll: NodeJS.Timeout | undefined;
  private reading: Promise<void> | undefined;
  private readAgain = false;
  private closed = false;

  constructor(
    private readonly database: Pick<Database, 'sql' | 'listen'>,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /**
   * A stream of the events `accepts` takes: those after `since` when given (read from the outbox
   * first), else those committed from now on. Rejects with CursorExpiredError when events after
   * `since` were pruned.
   */
  async subscribe(accepts: (event: OutboxEvent) => boolean, since?: OutboxPosition): Promise<AsyncIterableIterator<OutboxEvent>> {
    await this.start();
    const subscriber = new Subscriber(accepts, (leaving) => this.subscribers.delete(leaving));
    this.subscribers.add(subscriber);
    if (since === undefined) return subscriber;
    // Everything up to the feed's position comes from the outbox; what the feed reads after it, live.
    const upTo = this.position!;
    subscriber.holdLive();
    let after = since;
    try {
      while (isAfter(upTo, after)) {
        const events = await readOutbox(this.database.sql, after, BATCH);
        for (const event of events) {
          if (isAfter(event.position, upTo)) break;
          subscriber.catchUp(event);
        }
        if (events.length < BATCH) break;
        after = events.at(-1)!.position;
      }
      await checkResumable(this.database.sql, since);
    } catch (error) {
      await subscriber.return();
      throw error;
    }
    subscriber.releaseLive(upTo);
    return subscriber;
  }

  /** Starts listening with the first subscriber: a server nobody subscribes to holds no connection. */
  private start(): Promise<void> {
    this.starting ??= (async () => {
      this.unlisten = await this.database.listen(OUTBOX_CHANNEL, () => this.read());
      this.position = await outboxEnd(this.database.sql);
      this.schedule(POLL_MS.idle);
    })().catch(async (error: unknown) => {
      // The database was away: the next subscriber tries again.
      await this.unlisten?.().catch(() => undefined);
      this.unlisten = undefined;
      this.starting = undefined;
      throw error;
    });
    return this.starting;
  }

  private schedule(ms: number): void {
    if (this.closed) return;
    clearTimeout(this.poll);
    this.poll = setTimeout(() => this.read(), ms);
    this.poll.unref();
  }

  /** Reads what committed since the feed's position and hands it out; one read at a time, again if asked meanwhile. */
  private read(): void {
    if (this.closed || this.position === undefined) return;
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = (async () => {
      try {
        do {
          this.readAgain = false;
          let events: OutboxEvent[];
          do {
            events = await readOutbox(this.database.sql, this.position!, BATCH);
            for (const event of events) {
              this.position = event.position;
              for (const subscriber of this.subscribers) subscriber.offer(event);
            }
          } while (events.length === BATCH);
        } while (this.readAgain);
        this.schedule((await heldBack(this.database.sql, this.position!)) ? POLL_MS.heldBack : POLL_MS.idle);
      } catch (error) {
        this.onError(error);
        this.schedule(POLL_MS.idle);
      } finally {
        this.reading = undefined;
      }
    })();
  }

  /** Ends every subscription and stops listening. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.poll);
    for (const subscriber of [...this.subscribers]) await subscriber.return();
    await this.starting?.catch(() => undefined);
    await this.unlisten?.();
    await this.reading;
  }
}
