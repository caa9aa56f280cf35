import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ seed: false });
});
afterAll(() => api?.close());

async function post(body: string, contentType = 'application/json') {
  const response = await fetch(api.url, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: response.status, text: await response.text() };
}

function expectNoInternals(text: string) {
  expect(text).not.toMatch(/stacktrace|\bat .+\.(ts|js):\d+|node_modules|SELECT |prisma/i);
}

describe('malformed requests', () => {
  it('answers a syntax error with GRAPHQL_PARSE_FAILED, never a 500', async () => {
    const { status, text } = await post(JSON.stringify({ query: '{ person(slug: ' }));
    expect(status).toBe(400);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expectNoInternals(text);
  });

  it('answers an unknown field with GRAPHQL_VALIDATION_FAILED', async () => {
    const { status, text } = await post(JSON.stringify({ query: '{ person(slug: "x") { salary } }' }));
    expect(status).toBe(400);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expectNoInternals(text);
  });

  it('answers broken JSON and wrong variable types with client errors', async () => {
    const broken = await post('{"query": ');
    expect(broken.status).toBe(400);
    const wrongType = await post(JSON.stringify({ query: 'query ($n: Int) { quotes(first: $n) { totalCount } }', variables: { n: 'ten' } }));
    expect(wrongType.status).toBe(400);
    expect(JSON.parse(wrongType.text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expectNoInternals(wrongType.text);
  });

  it('refuses a body over the size limit with 413', async () => {
    const { status, text } = await post(JSON.stringify({ query: `{ __typename } # ${'x'.repeat(700_000)}` }));
    expect(status).toBe(413);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers health checks', async () => {
    const origin = new URL(api.url).origin;
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
    const ready = await fetch(`${origin}/readyz`);
    expect(ready.status).toBe(200);
  });
});
