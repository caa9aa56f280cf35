// examples/web in Debian's Chromium, served on its own port: it reads Lavrov's quotes from the API
// (another origin: CORS), then a quote ingested through the API appears on the page, through the
// quoteAdded subscription (how soon is printed); no request leaves loopback.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the example is plain JavaScript, served as it is
import { serveExample } from '../../examples/web/serve.mjs';
import { createApiKey } from '../../src/auth/api-keys.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { launchChromium, staysOnThisMachine } from '../support/chromium.js';



const ARTICLE = `Lavrov speaks on the harbour deal

MOSCOW (Test Wire) — The foreign minister spoke on Friday.

"The harbour agreement is a good start for both sides," Sergey Lavrov said.`;

describe('examples/web in a browser', () => {
  let api: TestApi | undefined;
  let example: Server | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    [api, example, browser] = await Promise.all([
      startTestApi(),
      serveExample(0) as Promise<Server>,
      launchChromium(),
    ]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => example?.close(resolve));
    await api?.close();
  });

  it("lists Lavrov's quotes, then shows one ingested meanwhile, all on loopback", async () => {
    const editorKey = await createApiKey(api!.database.writer, 'web-example-editor', 'EDITOR');
    const context = await browser!.newContext();
    const requests: string[] = [];
    const problems: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
    page.on('websocket', (socket) => requests.push(socket.url()));

    const origin = `http://127.0.0.1:${(example!.address() as AddressInfo).port}`;
    expect(new URL(api!.url).origin).not.toBe(origin);
    await page.goto(`${origin}/?api=${encodeURIComponent(api!.url)}`);
    await expect.poll(() => page.locator('#quotes li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const before = await page.locator('#quotes li').count();
    await expect.poll(() => page.evaluate('document.body.dataset.live'), { timeout: 10_000 }).toBe('yes');
    await new Promise((resolve) => setTimeout(resolve, 200)); // the subscription reaches the server

    const ingest = await api!.query('mutation ($text: String!) { ingestArticle(text: $text) { article { slug } } }', { text: ARTICLE }, {
      authorization: `Bearer ${editorKey}`,
    });
    expect(ingest.errors).toBeUndefined();
    const committed = performance.now();
    await page.locator('#quotes li.new', { hasText: 'The harbour agreement is a good start' }).waitFor({ timeout: 5_000 });
    // The delay is printed, not asserted (speed is measured by scripts, not by timed tests): the
    // wait above only bounds a failure.
    console.log(`examples/web showed the new quote ${Math.round(performance.now() - committed)} ms after the ingest's answer`);
    expect(await page.locator('#quotes li').count()).toBe(before + 1);

    expect(problems).toEqual([]);
    expect(requests.filter((url) => !staysOnThisMachine(url))).toEqual([]);
    expect(requests.some((url) => url.startsWith('ws://'))).toBe(true);
    await context.close();
  }, 60_000);
});
