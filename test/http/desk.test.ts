// /desk is served only when the process is told to (on by default outside production).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';

let off: TestApi;
beforeAll(async () => {
  off = await startTestApi({ seed: false, config: { desk: false } });
});
afterAll(() => off?.close());

describe('/desk', () => {
  it('is not found when the desk is off, and the API still answers', async () => {
    const base = off.url.replace(/\/graphql$/, '');
    for (const path of ['/desk', '/desk/desk.js']) expect((await fetch(base + path)).status).toBe(404);
    expect((await off.query('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });
});
