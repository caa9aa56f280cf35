// Measures, in Debian's Chromium, how long the desk takes to show the API's answer: the queue of 50
// quotes and an article of 40 paragraphs (one quote each), from the answer's arrival to the DOM in
// place and to the next frame (performance measures the desk itself writes, src/desk/render-timing.ts).
// Also writes the README's screenshots (docs/desk-queue.png, docs/desk-article.png, docs/desk-phone.png).
//   npm run measure:desk -- [--runs 7] [--no-screenshots]
import 'reflect-metadata';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { createApiKey } from '../src/auth/api-keys.js';
import { connectPostgres } from '../src/db/client.js';
import { packageRoot } from '../src/package-root.js';
import { seedDatabase } from '../src/seeds.js';
import { serveApi } from '../src/server.js';
import { createTestDatabase } from '../test/support/database.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGUMENTS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const REAL_ARTICLES = 30;

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : (process.argv[index + 1] ?? fallback);
}

/** A story of 40 paragraphs, each a quotation with its speaker named (ten speakers). */
function fortyParagraphs(): string {
  const speakers = ['Ana Ruiz', 'Ben Okafor', 'Chloe Martin', 'Dev Patel', 'Elena Petrova', 'Femi Adeyemi', 'Grace Liu', 'Hugo Lambert', 'Ines Costa', 'Jonas Berg'];
  const paragraphs = ['City budget hearing runs late into the night', 'By Desk Measurement'];
  for (let index = 0; index < 40; index++) {
    const speaker = speakers[index % speakers.length]!;
    paragraphs.push(
      `"The budget line number ${index + 1} has to be weighed against what residents told us at the last hearing, and we owe them an answer," said ${speaker}, speaking for the ${index % 2 ? 'council' : 'residents'}, before the chamber moved to item ${index + 2} of the agenda.`,
    );
  }
  return paragraphs.join('\n\n');
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure(page: Page, name: string): Promise<{ dom: number; frame: number }> {
  const read = () =>
    page.evaluate(
      `(() => { const last = (n) => performance.getEntriesByName(n).at(-1)?.duration ?? null; return { dom: last('desk:${name}:dom'), frame: last('desk:${name}:frame') }; })()`,
    ) as Promise<{ dom: number | null; frame: number | null }>;
  for (let attempt = 0; attempt < 200; attempt++) {
    const result = await read();
    if (result.dom !== null && result.frame !== null) return result as { dom: number; frame: number };
    await page.waitForTimeout(25);
  }
  throw new Error(`no ${name} measure in the page`);
}

async function main(): Promise<void> {
  const runs = Number(option('runs', '7'));
  const screenshots = !process.argv.includes('--no-screenshots');
  const testDatabase = await createTestDatabase();
  const database = connectPostgres(testDatabase.url);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGUMENTS });
  const api = await serveApi(database, { host: '127.0.0.1', port: 0, desk: true, logLevel: 'warn' });
  try {
    await seedDatabase(database.writer);
    const key = await createApiKey(database.writer, 'measurement', 'EDITOR');
    const ingest = async (text: string, extra: Record<string, string> = {}) => {
      const response = await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({
          query: 'mutation ($text: String!, $source: String, $url: String) { ingestArticle(text: $text, source: $source, url: $url) { article { slug paragraphs quotes(first: 100) { totalCount } } } }',
          variables: { text, ...extra },
        }),
      });
      const body = (await response.json()) as { data?: { ingestArticle: { article: { slug: string; paragraphs: string[]; quotes: { totalCount: number } } } }; errors?: unknown };
      if (!body.data) throw new Error(JSON.stringify(body.errors));
      return body.data.ingestArticle.article;
    };
    const folder = path.join(packageRoot, 'test/fixtures/real/tune');
    const files = (await readdir(folder)).filter((file) => file.endsWith('.txt')).sort().slice(0, REAL_ARTICLES);
    for (const file of files) await ingest(await readFile(path.join(folder, file), 'utf8'), { source: file.split('_')[0]!.toUpperCase() });
    const long = await ingest(fortyParagraphs(), { source: 'Desk Measurement', url: 'https://measure.example/forty' });
    console.log(`article of ${long.paragraphs.length} paragraphs and ${long.quotes.totalCount} quotes; ${REAL_ARTICLES} real articles and the seeds in the queue`);

    const desk = api.url.replace(/\/graphql$/, '/desk');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(desk);
    await page.getByLabel('API key').fill(key);
    await page.getByRole('button', { name: 'Use this key' }).click();
    await page.locator('.queue li').nth(49).waitFor();

    const queue: { dom: number; frame: number }[] = [];
    const article: { dom: number; frame: number }[] = [];
    for (let run = 0; run < runs; run++) {
      await page.goto(`${desk}#/queue`);
      await page.reload();
      await page.locator('.queue li').nth(49).waitFor();
      queue.push(await measure(page, 'queue'));
      await page.goto(`${desk}#/article/${long.slug}`);
      await page.reload();
      await page.locator('.article-text p').nth(39).waitFor();
      article.push(await measure(page, 'article'));
    }
    const report = (name: string, values: { dom: number; frame: number }[]) =>
      console.log(
        `${name}: DOM in place ${median(values.map((value) => value.dom)).toFixed(1)} ms median (max ${Math.max(...values.map((value) => value.dom)).toFixed(1)}), ` +
          `next frame ${median(values.map((value) => value.frame)).toFixed(1)} ms median (max ${Math.max(...values.map((value) => value.frame)).toFixed(1)}), ${values.length} page loads`,
      );
    report('queue of 50 quotes', queue);
    report('article of 40 paragraphs', article);

    if (screenshots) {
      await page.goto(`${desk}#/queue`);
      await page.reload();
      await page.locator('.queue li').nth(49).waitFor();
      await page.screenshot({ path: path.join(packageRoot, 'docs/desk-queue.png') });
      // The seeds' Sochi story: several named speakers, so several colours.
      const lavrov = await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ quotes(first: 1, speaker: "Lavrov", orderBy: LEAST_CONFIDENT_FIRST) { nodes { id article { slug } } } }' }),
      });
      const [quote] = ((await lavrov.json()) as { data: { quotes: { nodes: { id: string; article: { slug: string } }[] } } }).data.quotes.nodes;
      await page.goto(`${desk}#/article/${quote!.article.slug}?quote=${encodeURIComponent(quote!.id)}`);
      await page.getByRole('heading', { name: 'Quote', exact: true }).waitFor();
      await page.locator('.changes, .revisions').first().waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(packageRoot, 'docs/desk-article.png') });
      const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
      const small = await phone.newPage();
      await small.goto(desk);
      await small.getByLabel('API key').fill(key);
      await small.getByRole('button', { name: 'Use this key' }).click();
      await small.locator('.queue li').nth(5).waitFor();
      await small.screenshot({ path: path.join(packageRoot, 'docs/desk-phone.png') });
      await phone.close();
      console.log('screenshots: docs/desk-queue.png, docs/desk-article.png, docs/desk-phone.png');
    }
    await context.close();
  } finally {
    await browser.close();
    await api.close();
    await database.close();
    await testDatabase.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
