import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../support/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe('quotes', () => {
  it('finds a speaker by surname, alias or full name', async () => {
    for (const speaker of ['Lavrov', 'Sergei Lavrov', 'sergey lavrov']) {
      const result = await api.query('query ($speaker: String) { quotes(first: 20, speaker: $speaker) { totalCount nodes { speaker { slug } } } }', { speaker });
      expect(result.data.quotes.totalCount, speaker).toBe(7);
      expect(new Set(result.data.quotes.nodes.map((quote: any) => quote.speaker.slug))).toEqual(new Set(['sergey-lavrov']));
    }
  });

  it('keeps unnamed speakers unnamed, with their description', async () => {
    const result = await api.query('{ quotes(first: 100) { nodes { text speaker { name } speakerDescription } } }');
    const official = result.data.quotes.nodes.filter((quote: any) => quote.speakerDescription?.includes('official'));
    expect(official.length).toBeGreaterThanOrEqual(3);
    for (const quote of official) expect(quote.speaker).toBeNull();
  });

  it('filters by article, source and date range', async () => {
    const article = await api.query('{ articles(first: 20, source: "associated-press") { nodes { slug } } }');
    const slug = article.data.articles.nodes[0].slug;
    const inArticle = await api.query('query ($slug: String) { quotes(first: 20, article: $slug) { totalCount } }', { slug });
    const bySource = await api.query('{ quotes(first: 20, source: "associated-press") { totalCount } }');
    expect(inArticle.data.quotes.totalCount).toBeGreaterThan(0);
    expect(bySource.data.quotes.totalCount).toBe(inArticle.data.quotes.totalCount);
    const future = await api.query('{ quotes(first: 20, from: "2999-01-01T00:00:00Z") { totalCount } }');
    expect(future.data.quotes.totalCount).toBe(0);
    const past = await api.query('{ quotes(first: 20, to: "2000-01-01T00:00:00Z") { totalCount } }');
    expect(past.data.quotes.totalCount).toBe(0);
  });

  it('links each quote to its speaker and article, and back', async () => {
    const result = await api.query(`{ quotes(speaker: "Pompeo", first: 100) { totalCount nodes { id speaker { name } article { quotes(first: 100) { nodes { id } } } } } }`);
    expect(result.data.quotes.totalCount).toBe(7);
    for (const quote of result.data.quotes.nodes) {
      expect(quote.speaker.name).toBe('Mike Pompeo');
      expect(quote.article.quotes.nodes.map((other: any) => other.id)).toContain(quote.id);
    }
  });

  it('lists the least confident attributions first, pages through them with cursors, and leaves none out', async () => {
    const all = await api.query('{ quotes(first: 100) { totalCount } }');
    const seen: { id: string; confidence: number }[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await api.query(
        'query ($after: String) { quotes(first: 7, after: $after, orderBy: LEAST_CONFIDENT_FIRST) { totalCount pageInfo { endCursor hasNextPage } nodes { id attribution { confidence } } } }',
        { after },
      );
      expect(page.errors).toBeUndefined();
      expect(page.data.quotes.totalCount).toBe(all.data.quotes.totalCount);
      seen.push(...page.data.quotes.nodes.map((quote: any) => ({ id: quote.id, confidence: quote.attribution.confidence })));
      if (!page.data.quotes.pageInfo.hasNextPage) break;
      after = page.data.quotes.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(all.data.quotes.totalCount);
    expect(new Set(seen.map((quote) => quote.id)).size).toBe(seen.length);
    const confidences = seen.map((quote) => quote.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => a - b));
    expect(confidences[0]).toBeLessThan(confidences.at(-1)!);
    const backwards = await api.query('{ quotes(last: 3, orderBy: LEAST_CONFIDENT_FIRST) { nodes { id } } }');
    expect(backwards.data.quotes.nodes.map((quote: any) => quote.id)).toEqual(seen.slice(-3).map((quote) => quote.id));
  });

  it('filters by person slug, with the other filters and the review order', async () => {
    const byName = await api.query('{ quotes(first: 50, speaker: "Lavrov") { totalCount } }');
    const bySlug = await api.query('{ quotes(first: 50, person: "sergey-lavrov", orderBy: LEAST_CONFIDENT_FIRST) { totalCount nodes { speaker { slug } } } }');
    expect(bySlug.data.quotes.totalCount).toBe(byName.data.quotes.totalCount);
    expect(new Set(bySlug.data.quotes.nodes.map((quote: any) => quote.speaker.slug))).toEqual(new Set(['sergey-lavrov']));
    const nobody = await api.query('{ quotes(first: 5, person: "no-such-person") { totalCount } }');
    expect(nobody.data.quotes.totalCount).toBe(0);
    const future = await api.query('{ quotes(first: 5, person: "sergey-lavrov", from: "2999-01-01T00:00:00Z", orderBy: LEAST_CONFIDENT_FIRST) { totalCount } }');
    expect(future.data.quotes.totalCount).toBe(0);
  });
});
