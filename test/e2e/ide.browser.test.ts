// Drives Debian's Chromium through the GraphQL IDE: open it, run the example query, read the result,
// and check that the browser never asked anything of a host other than this server.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { launchChromium, staysOnThisMachine } from '../support/chromium.js';

const SCREENSHOT = '/tmp/ide.png';

/** The full text in GraphiQL's result pane; CodeMirror only puts the lines on screen in the DOM. */
const RESULT_PANE_TEXT = `(document.querySelector('.graphiql-response .CodeMirror')?.CodeMirror.getValue() ?? '')`;

interface ResultPane {
  errors?: unknown[];
  data: {
    person: {
      name: string;
      quotes: { totalCount: number; edges: { node: { text: string; article: { title: string; source: { name: string } } } }[] };
    };
  };
}


describe('the GraphQL IDE in a browser', () => {
  let api: TestApi | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    [api, browser] = await Promise.all([startTestApi(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it("runs the example query and shows Lavrov's quotes, with every request on localhost", async () => {
    const context = await browser!.newContext({ viewport: { width: 1400, height: 900 } });
    const requests: string[] = [];
    const problems: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });

    await page.goto(api!.url, { waitUntil: 'load' });
    const queryEditor = page.locator('.graphiql-query-editor');
    await expect.poll(() => queryEditor.innerText()).toContain('person(slug: "sergey-lavrov")');

    await page.getByRole('button', { name: /execute query/i }).click();
    // Polled with page.evaluate: waitForFunction evaluates its predicate with eval, which the page's CSP forbids.
    const resultPane = () => page.evaluate(RESULT_PANE_TEXT) as Promise<string>;
    await expect.poll(resultPane).toMatch(/^\{/);
    await page.screenshot({ path: SCREENSHOT });
    const result = JSON.parse(await resultPane()) as ResultPane;
    expect(result.errors).toBeUndefined();
    expect(await page.locator('.graphiql-response').innerText()).toContain('"Sergey Lavrov"');

    const { person } = result.data;
    expect(person.name).toBe('Sergey Lavrov');
    expect(person.quotes.totalCount).toBe(7);
    expect(person.quotes.edges).toHaveLength(7);
    expect(person.quotes.edges.some(({ node }) => node.text.includes('suspicions and prejudices'))).toBe(true);
    expect(person.quotes.edges.every(({ node }) => node.article.title.includes('Lavrov'))).toBe(true);

    expect(requests.filter((url) => !staysOnThisMachine(url))).toEqual([]);
    expect(requests.some((url) => new URL(url).pathname.startsWith('/ide/'))).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
