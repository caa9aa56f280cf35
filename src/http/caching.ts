// HTTP caching of anonymous reads: Cache-Control from the operation's hints, an ETag, 304 for a
// matching If-None-Match, and Cache-Tag / Surrogate-Key naming the objects in the answer. Only a GET
// without a key is cacheable (a CDN or a browser caches GETs; a POST is never reused); an answer to a
// request with a key is `private, no-store`.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CacheableAnswer } from '../graphql/context.js';

/** What the GraphQL layer fills in for a request that may be cached, or undefined for one that may not. */
export function cacheableAnswer(request: IncomingMessage): CacheableAnswer | undefined {
  if (request.method !== 'GET' || request.headers.authorization !== undefined) return undefined;
  return { maxAge: 0, tags: new Set() };
}

/** A strong validator: the answer's bytes hashed, so any change to what it says changes it. */
function entityTag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** Whether If-None-Match names `tag` (weak comparison, as RFC 9110 asks for it; `*` matches any). */
function matches(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((candidate) => {
    const trimmed = candidate.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === tag;
  });
}

/**
 * Sets the caching headers of a GraphQL answer with status `status` and text `body`. True when the
 * client's copy is current and a 304 was sent in its place.
 */
export function answerCacheably(
  request: IncomingMessage,
  response: ServerResponse,
  cache: CacheableAnswer | undefined,
  status: number,
  body: string,
): boolean {
  if (request.headers.authorization !== undefined) {
    response.setHeader('cache-control', 'private, no-store');
    return false;
  }
  if (!cache) return false;
  // A cached anonymous answer must not be handed to a request with a key (it may see more).
  response.setHeader('vary', appendVary(response.getHeader('vary'), 'authorization'));
  if (status !== 200 || cache.maxAge <= 0) {
    response.setHeader('cache-control', 'no-store');
    return false;
  }
  const tag = entityTag(body);
  response.setHeader('cache-control', `public, max-age=${cache.maxAge}`);
  response.setHeader('etag', tag);
  if (cache.tags.size > 0) {
    const tags = [...cache.tags];
    response.setHeader('cache-tag', tags.join(','));
    response.setHeader('surrogate-key', tags.join(' '));
  }
  if (!matches(request.headers['if-none-match'], tag)) return false;
  response.statusCode = 304;
  response.removeHeader('content-type');
  response.removeHeader('content-length');
  response.end();
  return true;
}

function appendVary(current: ReturnType<ServerResponse['getHeader']>, name: string): string {
  const existing = current === undefined ? '' : String(current);
  return existing ? `${existing}, ${name}` : name;
}
