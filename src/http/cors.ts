// CORS for a public read API: any page may read, only listed origins may send a key.
//
// Reading needs no key and no cookie, so an answer readable by every origin gives away nothing a
// page could not fetch through its own server. A request carrying an `Authorization` header acts
// with someone's key, so a browser may send one only from an origin in QUOTEGRAPH_CORS_ORIGINS (or
// the API's own origin, as the IDE does).
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Request headers a page may send, reflected in a preflight's answer when it asks for them: the
 * GraphQL ones, Apollo Client's client-awareness and CSRF-guard headers, conditional requests, and
 * tracing. `authorization` is not here: it is allowed only from the listed origins.
 */
const SAFE_REQUEST_HEADERS = new Set([
  'accept',
  'content-type',
  'x-request-id',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollographql-client-name',
  'apollographql-client-version',
  'if-none-match',
  // The commit position a mutation answered with, sent back to read one's own write (src/db/replicas.ts).
  'x-quotegraph-lsn',
  'traceparent',
  'tracestate',
  'baggage',
]);

/** Response headers a page's script may read besides the always-readable ones (cache-control, content-type…). */
const EXPOSED_RESPONSE_HEADERS = 'x-request-id, etag, cache-tag, x-quotegraph-lsn';

/** How long a browser may keep a preflight's answer, in seconds (Chromium caps it at 7,200). */
const PREFLIGHT_MAX_AGE = '7200';

export type CorsOutcome =
  /** Not a cross-origin request, or one allowed: go on serving it. */
  | 'continue'
  /** A preflight, now answered. */
  | 'answered'
  /** A key sent from an origin not allowed to send one: answered with 403. */
  | 'refused';

/** Whether `origin` is the API's own (a page served by this server, as the IDE is). */
function isOwnOrigin(origin: string, request: IncomingMessage): boolean {
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

function mayUseKeys(origin: string, keyOrigins: readonly string[], request: IncomingMessage): boolean {
  return keyOrigins.includes('*') || keyOrigins.includes(origin) || isOwnOrigin(origin, request);
}

function requestedHeaders(request: IncomingMessage): string[] {
  const header = request.headers['access-control-request-headers'];
  if (typeof header !== 'string') return [];
  return header
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
}

/**
 * Sets the CORS headers of an answer. `keyOrigins` are the origins that may send an
 * `Authorization` header ("*" for any).
 */
export function applyCors(keyOrigins: readonly string[], request: IncomingMessage, response: ServerResponse): CorsOutcome {
  const origin = request.headers.origin;
  if (!origin) return 'continue';
  const keysAllowed = mayUseKeys(origin, keyOrigins, request);
  const preflight = request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;
  if (preflight) {
    const allowed = requestedHeaders(request).filter((name) => SAFE_REQUEST_HEADERS.has(name) || (name === 'authorization' && keysAllowed));
    // The answer depends on the origin (whether `authorization` is allowed) and on the headers asked for.
    response.setHeader('vary', 'origin, access-control-request-headers');
    response.setHeader('access-control-allow-origin', keysAllowed ? origin : '*');
    response.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    if (allowed.length > 0) response.setHeader('access-control-allow-headers', allowed.join(', '));
    response.setHeader('access-control-max-age', PREFLIGHT_MAX_AGE);
    response.statusCode = 204;
    response.end();
    return 'answered';
  }
  response.setHeader('access-control-expose-headers', EXPOSED_RESPONSE_HEADERS);
  if (request.headers.authorization === undefined) {
    // The same answer for every origin, so a shared cache may keep one copy.
    response.setHeader('access-control-allow-origin', '*');
    return 'continue';
  }
  // Readable by the page either way, so that a refused developer sees why.
  response.setHeader('access-control-allow-origin', keysAllowed ? origin : '*');
  response.setHeader('vary', 'origin');
  if (keysAllowed) return 'continue';
  response.statusCode = 403;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.end(
    JSON.stringify({
      errors: [
        {
          message: `A request with an Authorization header is not accepted from ${origin.slice(0, 200)}: list the origin in QUOTEGRAPH_CORS_ORIGINS`,
          extensions: { code: 'FORBIDDEN' },
        },
      ],
    }),
  );
  return 'refused';
}
