// The HTTP surface: /graphql (API, and the IDE for browsers), /desk (the editors' page), /healthz and /readyz.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { Database } from '../db/client.js';
import type { ExtractionWorker } from '../ingest/extraction-worker.js';
import { createContext, type Context } from '../graphql/context.js';
import type { DirectAnswers } from '../graphql/direct-answers.js';
import { COMMIT_POSITION_HEADER } from '../graphql/read-your-writes.js';
import { parseLsn } from '../db/replicas.js';
import type { Logger } from '../logger.js';
import { cacheableAnswer } from './caching.js';
import { applyCors } from './cors.js';
import { BodyTimeoutError, BodyTooLargeError, handleGraphQL, readBody } from './graphql-handler.js';
import { serveDesk } from './desk.js';
import { serveIde } from './ide.js';

export interface AppOptions {
  apollo: ApolloServer<Context>;
  /** Answers read operations with one statement once graphql-js agreed with it (src/graphql/direct-answers.ts); off when absent. */
  directAnswers?: DirectAnswers;
  database: Database;
  extraction: ExtractionWorker;
  ide: boolean;
  /** Serve the newsroom desk on /desk. */
  desk?: boolean;
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
  /** Largest response sent, in bytes. */
  responseLimit: number;
  /** Longest a client may take to send a request's headers, and a whole request, in milliseconds. */
  headersTimeout: number;
  requestTimeout: number;
  /** Longest pause while a request body arrives, in milliseconds. */
  bodyTimeout: number;
  /** Connections open at once; more are refused. */
  maxConnections: number;
  /** Origins whose pages may send an API key (any origin may read); ["*"] allows any. */
  corsOrigins: string[];
  /** Webhooks may be registered for private addresses (QUOTEGRAPH_WEBHOOKS_ALLOW_PRIVATE). */
  allowPrivateWebhooks?: boolean;
  logger: Logger;
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.end(JSON.stringify(value));
}

function graphqlErrorBody(message: string, code: string, requestId?: string) {
  return { errors: [{ message, extensions: { code, ...(requestId ? { requestId } : {}) } }] };
}

async function isDatabaseReady(database: Database): Promise<boolean> {
  try {
    await database.sql.query('SELECT 1', []);
    return true;
  } catch {
    return false;
  }
}

/** A browser navigating to /graphql (not a client posting a query) gets the IDE. */
function wantsIde(request: IncomingMessage, url: URL): boolean {
  return request.method === 'GET' && !url.searchParams.has('query') && (request.headers.accept ?? '').includes('text/html');
}

async function route(options: AppOptions, request: IncomingMessage, response: ServerResponse, requestId: string) {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (applyCors(options.corsOrigins, request, response) !== 'continue') return;
  if (url.pathname === '/healthz') return sendJson(response, 200, { status: 'ok' });
  if (url.pathname === '/readyz') {
    const ready = await isDatabaseReady(options.database);
    // Replicas are reported, not required: without them the primary serves the reads.
    const replicas = options.database.replication?.status();
    return sendJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'database unreachable', ...(replicas ? { replicas } : {}) });
  }
  if (url.pathname === '/') {
    response.writeHead(302, { location: '/graphql' });
    return response.end();
  }
  if (options.ide && (url.pathname.startsWith('/ide/') || (url.pathname === '/graphql' && wantsIde(request, url)))) {
    if (serveIde(url.pathname, response)) return;
  }
  if (options.desk && (url.pathname === '/desk' || url.pathname.startsWith('/desk/')) && request.method === 'GET') {
    if (serveDesk(url.pathname, response)) return;
  }
  if (url.pathname !== '/graphql') return sendJson(response, 404, { error: `no route ${url.pathname}; the API is at /graphql` });

  let body: string;
  try {
    body = await readBody(request, options.bodyLimit, options.bodyTimeout);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      response.setHeader('connection', 'close');
      return sendJson(response, 413, graphqlErrorBody(`Request body is larger than ${options.bodyLimit} bytes`, 'PAYLOAD_TOO_LARGE'));
    }
    if (error instanceof BodyTimeoutError) {
      response.setHeader('connection', 'close');
      const message = `The request body stopped arriving for ${options.bodyTimeout} ms`;
      return sendJson(response, 408, graphqlErrorBody(message, 'REQUEST_TIMEOUT', requestId));
    }
    throw error;
  }
  const position = request.headers[COMMIT_POSITION_HEADER];
  const minimumLsn = typeof position === 'string' ? parseLsn(position) : null;
  if (typeof position === 'string' && minimumLsn === null) {
    const message = `${COMMIT_POSITION_HEADER} must be a commit position as a mutation returned it (like 0/3000148)`;
    return sendJson(response, 400, graphqlErrorBody(message, 'BAD_USER_INPUT', requestId));
  }
  const context = createContext(options.database, options.extraction, requestId, request.headers.authorization, {
    minimumLsn,
    cache: cacheableAnswer(request),
    allowPrivateWebhooks: options.allowPrivateWebhooks,
  });
  await handleGraphQL(options.apollo, request, response, body, context, options.responseLimit, options.directAnswers);
}

/** How often Node looks for connections past their headers or request timeout. */
const TIMEOUT_CHECK_MS = 1_000;
/** Refused connections are logged at most this often, with their number since the last line. */
const REFUSAL_LOG_INTERVAL_MS = 10_000;

export function createHttpServer(options: AppOptions): Server {
  const { logger } = options;
  const server = createServer(
    {
      // A connection that sends no request (or only part of one) is closed, with a 408, once
      // these run out: without them idle and slow-header sockets stayed open for minutes.
      headersTimeout: options.headersTimeout,
      requestTimeout: options.requestTimeout,
      connectionsCheckingInterval: TIMEOUT_CHECK_MS,
    },
    (request, response) => {
      const header = request.headers['x-request-id'];
      const requestId = typeof header === 'string' && /^[\w.-]{1,64}$/.test(header) ? header : randomUUID();
      response.setHeader('x-request-id', requestId);
      route(options, request, response, requestId).catch((error: unknown) => {
        if (request.socket.destroyed) {
          // The client closed the connection (or Node closed it at the request timeout) before
          // the request was read: nobody is left to answer, and nothing on our side failed.
          logger.info({ requestId, reason: (error as Error).message, url: request.url?.slice(0, 200) }, 'request abandoned before it was answered');
          return;
        }
        logger.error({ requestId, err: error, url: request.url?.slice(0, 200) }, 'request failed');
        if (!response.headersSent) sendJson(response, 500, graphqlErrorBody('Internal server error', 'INTERNAL_SERVER_ERROR', requestId));
        else response.end();
      });
    },
  );
  server.maxConnections = options.maxConnections;
  let refused = 0;
  let lastReported = -Infinity;
  server.on('drop', () => {
    refused++;
    if (performance.now() - lastReported < REFUSAL_LOG_INTERVAL_MS) return;
    logger.warn({ refused, maxConnections: options.maxConnections }, 'refused connections: too many open');
    refused = 0;
    lastReported = performance.now();
  });
  return server;
}
