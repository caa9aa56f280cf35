// Drives Debian's Chromium through the newsroom desk as an editor would: paste a key, open the least
// confident quote, re-attribute it with a note, merge two people, ingest a pasted article; then
// checks through the API that each change happened and that the record names the key. A reader key
// changes nothing, and the browser never asks anything of another origin.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/api-keys.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { launchChromium } from '../support/chromium.js';


const PASTED_STORY = `Harbour authority approves night ferry trial

By Sam Writer

PORTSMOUTH — The harbour authority approved a six-month trial of a night ferry on Monday.

"Shift workers have asked for this for years," said Councillor Priya Nair, who chairs the transport board.

Ferry operator Tom Hale said the first crossing would leave at midnight. "We are ready to sail," he said.
`;

let api: TestApi;
let browser: Browser;
let deskUrl: string;
let editorKey: string;
let readerKey: string;

interface Opened {
  context: BrowserContext;
  page: Page;
  requests: string[];
  problems: string[];
}

/** A fresh browser context on /desk with the key pasted, noting every request and every page error. */
async function openDesk(key: string, viewport = { width: 1280, height: 900 }): Promise<Opened> {
  const context = await browser.newContext({ viewport });
  const requests: string[] = [];
  const problems: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    // A refused mutation shows its error on the page; the browser also logs nothing else.
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  const response = await page.goto(deskUrl, { waitUntil: 'load' });
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Use this key' }).click();
  await expect.poll(() => page.getByRole('list', { name: 'Quotes to review' }).locator('li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  return { context, page, requests, problems };
}

/** Every request went to the desk's own origin (or needed no network at all). */
function offOrigin(requests: string[]): string[] {
  const origin = new URL(deskUrl).origin;
  return requests.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin);
}

async function queueHead(): Promise<{ id: string; text: string; version: number; speaker: { slug: string } | null; article: { slug: string } }> {
  const result = await api.query('{ quotes(first: 1, orderBy: LEAST_CONFIDENT_FIRST) { nodes { id text version speaker { slug } article { slug } } } }');
  return result.data.quotes.nodes[0];
}

beforeAll(async () => {
  [api, browser] = await Promise.all([startTestApi(), launchChromium()]);
  deskUrl = api.url.replace(/\/graphql$/, '/desk');
  editorKey = await createApiKey(api.database.writer, 'night-desk', 'EDITOR');
  readerKey = await createApiKey(api.database.writer, 'website', 'READER');
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe('the newsroom desk in a browser', () => {
  it('lets an editor re-attribute the least confident quote, merge two people and ingest a story, all on the record', async () => {
    const { context, page, requests, problems } = await openDesk(editorKey);
    const head = await queueHead();

    // The queue's first row is the API's least confident quote; Enter opens it in its article.
    const firstRow = page.getByRole('list', { name: 'Quotes to review' }).locator('li').first();
    await expect.poll(() => firstRow.innerText()).toContain(head.text.slice(0, 30));
    await page.keyboard.press('Enter');
    await expect.poll(() => (page.evaluate('location.hash') as Promise<string>)).toBe(`#/article/${head.article.slug}?quote=${encodeURIComponent(head.id)}`);
    await expect.poll(() => page.getByRole('heading', { name: 'Quote', exact: true }).count()).toBe(1);
    expect(await page.locator('.article-text mark').count()).toBeGreaterThan(0);

    // Re-attribute it to someone else, with a note.
    const people = await api.query('{ people(first: 10, name: "Mike") { nodes { slug name } } }');
    const target = people.data.people.nodes.find((person: { slug: string }) => person.slug !== head.speaker?.slug);
    await page.getByLabel('Note (optional, printed with a correction)').fill('checked against the recording');
    await page.getByLabel('Person who said it').fill(target.name);
    await page.locator('.suggestions').getByRole('button', { name: target.name }).click();
    await page.getByRole('button', { name: 'Re-attribute' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toBe('Re-attributed');
    await expect.poll(() => page.getByRole('list', { name: 'Changes to this quote' }).innerText()).toContain('changeQuoteSpeaker by night-desk');

    const reattributed = await api.query(`query ($id: ID!) { node(id: $id) { ... on Quote { speaker { slug } corrected corrections { note } } } }`, { id: head.id });
    expect(reattributed.data.node).toEqual({ speaker: { slug: target.slug }, corrected: true, corrections: [{ note: 'checked against the recording' }] });
    const quoteRecord = await api.query(`query ($id: ID!) { changes(first: 5, object: $id) { nodes { action key note } } }`, { id: head.id }, { authorization: `Bearer ${editorKey}` });
    expect(quoteRecord.data.changes.nodes[0]).toEqual({ action: 'changeQuoteSpeaker', key: 'night-desk', note: 'checked against the recording' });

    // Merge two people from the person view (on the seeds, the first two in the alphabet).
    const pair = await api.query('{ people(first: 2) { nodes { id slug name } } }');
    const [into, from] = pair.data.people.nodes;
    await page.goto(`${deskUrl}#/person/${into.slug}`);
    await page.getByLabel('Record to merge into this person').fill(from.name.slice(0, 6));
    await page.locator('.suggestions').getByRole('button', { name: from.name }).first().click();
    await page.getByLabel('Note (optional)', { exact: true }).fill('same person, two spellings');
    await page.getByRole('button', { name: `Merge into ${into.name}` }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toBe(`Merged ${from.name} into ${into.name}`);
    const merged = await api.query(`query ($slug: String!) { person(slug: $slug) { slug } }`, { slug: from.slug });
    expect(merged.data.person.slug).toBe(into.slug);
    const mergeRecord = await api.query(`query ($id: ID!) { changes(first: 5, object: $id) { nodes { action key note } } }`, { id: from.id }, { authorization: `Bearer ${editorKey}` });
    expect(mergeRecord.data.changes.nodes[0]).toEqual({ action: 'mergePeople', key: 'night-desk', note: 'same person, two spellings' });

    // Ingest a pasted story with its url, title, date and source.
    await page.getByRole('link', { name: 'Ingest' }).click();
    await page.getByLabel('Article text (headline first)').fill(PASTED_STORY);
    await page.getByLabel('URL').fill('https://harbour.example/night-ferry');
    await page.getByLabel('Source').fill('Harbour Herald');
    await page.getByLabel('Published on').fill('2026-05-04');
    await page.getByRole('button', { name: 'Ingest text' }).click();
    const results = page.getByRole('list', { name: 'Ingest results' });
    await expect.poll(() => results.innerText(), { timeout: 20_000 }).toContain('stored as');
    expect(await results.innerText()).toContain('Shift workers have asked for this for years');
    const stored = await api.query('{ articles(first: 1, source: "harbour-herald") { nodes { id url publishedAt quotes(first: 10) { totalCount } } } }');
    const article = stored.data.articles.nodes[0];
    expect(article).toMatchObject({ url: 'https://harbour.example/night-ferry', publishedAt: '2026-05-04T00:00:00.000Z' });
    expect(article.quotes.totalCount).toBe(2);
    const ingestRecord = await api.query(`query ($id: ID!) { changes(first: 5, object: $id) { nodes { action key } } }`, { id: article.id }, { authorization: `Bearer ${editorKey}` });
    expect(ingestRecord.data.changes.nodes[0].key).toBe('night-desk');

    expect(offOrigin(requests)).toEqual([]);
    expect(requests.some((url) => new URL(url).pathname === '/graphql')).toBe(true);
    expect(requests.filter((url) => url.includes(editorKey))).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('moves with j/k and accepts with a, fixes a span from a selection, and ingests a dropped file', async () => {
    const { context, page, problems } = await openDesk(editorKey);
    const queue = (await api.query('{ quotes(first: 3, orderBy: LEAST_CONFIDENT_FIRST) { nodes { id text version } } }')).data.quotes.nodes;
    const rows = page.getByRole('list', { name: 'Quotes to review' }).locator('li');
    await expect.poll(() => rows.first().innerText()).toContain(queue[0].text.slice(0, 30));
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    expect(await rows.nth(1).getAttribute('aria-current')).toBe('true');
    await page.keyboard.press('a');
    await expect.poll(() => page.getByRole('status').first().innerText()).toMatch(/^Accepted /);
    const accepted = await api.query(`query ($id: ID!) { node(id: $id) { ... on Quote { attribution { method confidence } } } }`, { id: queue[1].id });
    expect(accepted.data.node.attribution).toEqual({ method: 'confirmed', confidence: 1 });

    // Fix the span of the queue's head to its first word less: select the words in the text, then the button.
    const head = queue[0];
    await page.keyboard.press('k');
    await page.keyboard.press('Enter');
    const mark = page.locator('.article-text mark.selected').first();
    await mark.waitFor();
    const words = (await mark.innerText()).trim();
    const shorter = words.slice(words.indexOf(' ') + 1);
    // A selection made as a mouse would make it (a string: the test's own types have no DOM).
    await page.evaluate(`(() => {
      const text = document.querySelector('.article-text mark.selected').firstChild;
      const range = document.createRange();
      range.setStart(text, text.textContent.indexOf(${JSON.stringify(shorter)}));
      range.setEnd(text, text.textContent.length);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    })()`);
    await page.getByRole('button', { name: 'Fix span to the selected text' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toMatch(/^Span fixed/);
    const fixed = await api.query(`query ($id: ID!) { node(id: $id) { ... on Quote { text } } }`, { id: head.id });
    expect(fixed.data.node.text).toBe(shorter);

    // A file chosen (or dropped) with its own front matter.
    await page.getByRole('link', { name: 'Ingest' }).click();
    await page.getByLabel('Or drop article files here, or choose them').setInputFiles({
      name: 'ferry.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(`---\nurl: https://harbour.example/dawn-ferry\nsource: Harbour Herald\n---\n${PASTED_STORY.replace('night ferry', 'dawn ferry')}`),
    });
    await expect.poll(() => page.getByRole('list', { name: 'Ingest results' }).innerText(), { timeout: 20_000 }).toContain('ferry.txt: stored as');
    const dawn = await api.query('{ articles(first: 5, source: "harbour-herald") { nodes { url } } }');
    expect(dawn.data.articles.nodes.map((article: { url: string }) => article.url)).toContain('https://harbour.example/dawn-ferry');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets a reader key look but change nothing, at a phone’s width', async () => {
    const { context, page, requests } = await openDesk(readerKey, { width: 390, height: 844 });
    await expect.poll(() => page.getByText('Reader key: you can look, not change').count()).toBe(1);
    const before = await queueHead();
    const beforeCount = (await api.query('{ articles(first: 1) { totalCount } }')).data.articles.totalCount;

    // Accept from the queue with the keyboard: refused.
    await page.locator('body').press('a');
    await expect.poll(() => page.getByRole('status').first().innerText()).toMatch(/^FORBIDDEN/);

    // Re-attribute in the article view: refused; the record is not shown to a reader.
    await page.goto(`${deskUrl}#/article/${before.article.slug}?quote=${encodeURIComponent(before.id)}`);
    await page.getByRole('radio', { name: 'Unnamed' }).check();
    await page.getByLabel('Description of the unnamed speaker').fill('a passer-by');
    await page.getByRole('button', { name: 'Re-attribute' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toMatch(/^FORBIDDEN/);
    await expect.poll(() => page.getByText('The record needs an editor key.').count()).toBeGreaterThan(0);
    expect(await (page.evaluate('document.documentElement.scrollWidth') as Promise<number>)).toBeLessThanOrEqual(390);

    // Ingest: refused.
    await page.goto(`${deskUrl}#/ingest`);
    await page.getByLabel('Article text (headline first)').fill(PASTED_STORY.replace('night ferry', 'dawn ferry'));
    await page.getByRole('button', { name: 'Ingest text' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Ingest results' }).innerText()).toContain('FORBIDDEN');

    const after = await api.query(`query ($id: ID!) { node(id: $id) { ... on Quote { version speaker { slug } } } }`, { id: before.id });
    expect(after.data.node).toEqual({ version: before.version, speaker: before.speaker });
    expect((await api.query('{ articles(first: 1) { totalCount } }')).data.articles.totalCount).toBe(beforeCount);
    // Nothing is wider than the phone's screen, the article above nor the ingest form here.
    expect(await (page.evaluate('document.documentElement.scrollWidth') as Promise<number>)).toBeLessThanOrEqual(390);
    expect(offOrigin(requests)).toEqual([]);
    await context.close();
  });

  it('refuses an unknown key and asks for another', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(deskUrl);
    await page.getByLabel('API key').fill('qg_not_a_key');
    await page.getByRole('button', { name: 'Use this key' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('That key was refused');
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    await context.close();
  });

  it('serves its page with a strict content security policy', async () => {
    const page = await fetch(deskUrl);
    expect(page.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });
});
