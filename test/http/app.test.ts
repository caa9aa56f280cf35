// The HTTP server's limits on connections, over a seeded PostgreSQL database: idle and slow-header
// sockets are closed, a stalled body gets a 408, connections over the cap are refused, and a
// client that hangs up mid-request is logged at info, not as a failure.
import { connect, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApi, type RunningApi } from '../../src/server.js';
import { startTestApi, type TestApi } from '../support/api.js';

/** Lines logged by the API under test, parsed. */
const logged: { level: number; msg: string; [key: string]: unknown }[] = [];
const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _encoding, done) => (logged.push(JSON.parse(String(chunk))), done()) }));

/** Short timeouts, and the default cap. */
let api: TestApi;
/** A cap of 5 connections, and the default timeouts (so that held connections stay open meanwhile). */
let capped: RunningApi;
beforeAll(async () => {
  api = await startTestApi({ config: { logger, headersTimeout: 500, requestTimeout: 1_000, bodyTimeout: 300 } });
  capped = await serveApi(api.database, { host: '127.0.0.1', port: 0, logger, maxConnections: 5 });
});
afterAll(async () => {
  await capped?.close();
  await api?.close();
});

interface OpenSocket {
  socket: Socket;
  /** Everything the server sent. */
  received(): string;
  /** Resolves when the connection is closed, by either side. */
  closed: Promise<void>;
}

function openSocket(url = api.url): Promise<OpenSocket> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    socket.on('error', () => undefined);
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.once('connect', () => resolve({ socket, received: () => received, closed }));
    socket.once('error', reject);
  });
}

/** Whether `connection` closes before `ms` pass (far longer than the limits under test). */
async function closesWithin(connection: OpenSocket, ms: number): Promise<boolean> {
  return Promise.race([connection.closed.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);
}

describe('connection limits', () => {
  it('close a connection that sends nothing, and one that sends its headers too slowly', async () => {
    const idle = await openSocket();
    const slow = await openSocket();
    slow.socket.write('POST /graphql HTTP/1.1\r\nHost: test\r\n');
    const drip = setInterval(() => slow.socket.writable && slow.socket.write(`X-Drip: ${Date.now()}\r\n`), 100);
    try {
      expect(await closesWithin(idle, 10_000)).toBe(true);
      expect(await closesWithin(slow, 10_000)).toBe(true);
      expect(slow.received()).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      clearInterval(drip);
    }
  });

  it('answer 408 with a code to a body that stops arriving, and close that connection', async () => {
    const stalled = await openSocket();
    stalled.socket.write('POST /graphql HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":');
    expect(await closesWithin(stalled, 10_000)).toBe(true);
    expect(stalled.received()).toMatch(/^HTTP\/1\.1 408/);
    expect(stalled.received()).toContain('"REQUEST_TIMEOUT"');
  });

  it('refuse connections over the cap, and serve again once connections close', async () => {
    const held = await Promise.all(Array.from({ length: 5 }, () => openSocket(capped.url)));
    const excess = await openSocket(capped.url);
    expect(await closesWithin(excess, 5_000)).toBe(true);
    expect(excess.received()).toBe('');
    expect(logged.some((line) => line.msg === 'refused connections: too many open')).toBe(true);
    for (const connection of held) connection.socket.destroy();
    await Promise.all(held.map((connection) => connection.closed));
    const response = await fetch(capped.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', connection: 'close' },
      body: JSON.stringify({ query: '{ articles(first: 1) { totalCount } }' }),
    });
    expect(((await response.json()) as any).data.articles.totalCount).toBeGreaterThan(0);
  });

  it('log a client that hangs up in the middle of its request at info, not as a failure', async () => {
    const before = logged.length;
    const leaving = await openSocket();
    leaving.socket.write('POST /graphql HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":');
    await new Promise((resolve) => setTimeout(resolve, 100));
    leaving.socket.destroy();
    for (let wait = 0; wait < 50 && logged.length === before; wait++) await new Promise((resolve) => setTimeout(resolve, 100));
    const lines = logged.slice(before);
    expect(lines.map((line) => line.msg)).toEqual(['request abandoned before it was answered']);
    expect(lines[0]!.level).toBe(30);
  });
});
