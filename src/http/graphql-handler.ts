// Hands an HTTP request to Apollo Server and writes its answer: a small node:http integration,
// which keeps the body limit, health checks and the IDE in our hands.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Context } from '../graphql/context.js';
import type { DirectAnswers } from '../graphql/direct-answers.js';
import { answerCacheably } from './caching.js';

export class BodyTooLargeError extends Error {}
export class BodyTimeoutError extends Error {}

/**
 * The request body as text, refused past `limit` bytes or when no byte arrives for `idleTimeout`
 * ms. Either way the rest is left unread, and the connection open for an answer.
 */
export function readBody(request: IncomingMessage, limit: number, idleTimeout: number): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.reject(new BodyTooLargeError());
  // Closed by the client before we got here: its 'error' has been emitted already.
  if (request.destroyed) return Promise.reject(new Error('aborted'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error?: Error) => {
      clearTimeout(idle);
      request.off('data', onData).off('end', onEnd).off('error', finish);
      if (!error) return resolve(Buffer.concat(chunks).toString('utf8'));
      request.pause();
      reject(error);
    };
    const idle = setTimeout(() => finish(new BodyTimeoutError()), idleTimeout);
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return finish(new BodyTooLargeError());
      chunks.push(chunk);
      idle.refresh();
    };
    const onEnd = () => finish();
    request.on('data', onData).once('end', onEnd).once('error', finish);
  });
}

function toHeaderMap(request: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw === '') return undefined;
  if (contentType?.includes('application/json')) {
    try {
      return JSON.parse(raw);
    } catch {
      return raw; // Apollo answers a string body with a 400 that says the JSON is invalid.
    }
  }
  return raw;
}

/**
 * The answer sent instead of a response over the byte limit. The cost limits keep allowed queries far
 * below it; it stops what they cannot foresee (a few very long articles on one page).
 */
function responseTooLarge(bytes: number, limit: number, requestId: string): string {
  return JSON.stringify({
    errors: [
      {
        message: `The response would be ${bytes} bytes, over the limit of ${limit}: ask for fewer items or fewer large fields (body, paragraphs)`,
        extensions: { code: 'RESPONSE_TOO_LARGE', requestId },
      },
    ],
  });
}

/** The size in bytes of an answer over `responseLimit` bytes, or false for one within it. */
function overLimit(text: string, responseLimit: number): number | false {
  // A string's length in UTF-16 units is at most its UTF-8 length: count bytes only near the limit.
  const bytes = text.length * 3 > responseLimit ? Buffer.byteLength(text) : 0;
  return bytes > responseLimit ? bytes : false;
}

export async function handleGraphQL(
  apollo: ApolloServer<Context>,
  request: IncomingMessage,
  response: ServerResponse,
  body: string,
  context: Context,
  responseLimit: number,
  direct?: DirectAnswers,
): Promise<void> {
  const parsed = parseBody(body, request.headers['content-type']);
  // A POST without a key whose operation one statement answers (src/graphql/direct-answers.ts).
  const directly = direct !== undefined && request.method === 'POST' && request.headers.authorization === undefined;
  if (directly) {
    const answer = await direct.answer(parsed, context);
    if (answer !== undefined) {
      const bytes = overLimit(answer, responseLimit);
      response.statusCode = bytes === false ? 200 : 400;
      response.setHeader('content-type', 'application/json; charset=utf-8');
      response.end(bytes === false ? answer : responseTooLarge(bytes, responseLimit, context.requestId));
      return;
    }
  }
  const url = new URL(request.url ?? '/', 'http://localhost');
  const result = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: request.method ?? 'GET',
      headers: toHeaderMap(request),
      search: url.search,
      body: parsed,
    },
    context: async () => context,
  });
  for (const [name, value] of result.headers) response.setHeader(name, value);
  response.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    const bytes = overLimit(result.body.string, responseLimit);
    if (bytes !== false) {
      response.statusCode = 400;
      response.end(responseTooLarge(bytes, responseLimit, context.requestId));
      return;
    }
    if (answerCacheably(request, response, context.cache, response.statusCode, result.body.string)) return;
    response.end(result.body.string);
    if (directly && response.statusCode === 200) direct.learn(parsed, context, result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}
