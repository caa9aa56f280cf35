import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../support/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const AP_TITLE = 'Pompeo, Russia’s Lavrov see hope for improved US-Russia ties';

describe('articles', () => {
  it('holds both seeds, each with its layout parts', async () => {
    const result = await api.query(`{ articles(first: 20) { totalCount nodes { slug title byline dateline source { name }
      authors(first: 20) { nodes { name } } contributors(first: 20) { nodes { name } } } } }`);
    expect(result.data.articles.totalCount).toBe(2);
    const ap = result.data.articles.nodes.find((article: any) => article.title === AP_TITLE);
    expect(ap.source.name).toBe('Associated Press');
    expect(ap.dateline).toBe('SOCHI, Russia');
    expect(ap.authors.nodes.map((author: any) => author.name)).toEqual(['Nataliya Vasilyeva', 'Francesca Ebel']);
    const other = result.data.articles.nodes.find((article: any) => article.title !== AP_TITLE);
    expect(other.source).toBeNull();
    expect(other.contributors.nodes.map((source: any) => source.name)).toEqual(
      expect.arrayContaining(['Associated Press', 'Reuters']),
    );
  });

  it('answers every relation in both directions', async () => {
    const result = await api.query(`{
      articles(first: 10) { nodes { slug
        source { slug articles(first: 20) { nodes { slug } } }
        topics(first: 20) { nodes { slug articles(first: 20) { nodes { slug } } quotes(first: 1) { totalCount } } }
        people(first: 20) { nodes { slug articles(first: 20) { nodes { slug } } } }
        contributors(first: 20) { nodes { contributedArticles(first: 20) { nodes { slug } } } }
        quotes(first: 20) { nodes { article { slug } } }
      } }
    }`);
    expect(result.errors).toBeUndefined();
    for (const article of result.data.articles.nodes) {
      if (article.source) expect(article.source.articles.nodes.map((a: any) => a.slug)).toContain(article.slug);
      expect(article.topics.nodes.length).toBeGreaterThan(0);
      for (const topic of article.topics.nodes) {
        expect(topic.articles.nodes.map((a: any) => a.slug)).toContain(article.slug);
        expect(topic.quotes.totalCount).toBeGreaterThan(0);
      }
      expect(article.people.nodes.length).toBeGreaterThan(0);
      for (const person of article.people.nodes) expect(person.articles.nodes.map((a: any) => a.slug)).toContain(article.slug);
      for (const source of article.contributors.nodes) {
        expect(source.contributedArticles.nodes.map((a: any) => a.slug)).toContain(article.slug);
      }
      for (const quote of article.quotes.nodes) expect(quote.article.slug).toBe(article.slug);
    }
  });

  it('filters articles by person, topic and source', async () => {
    const byPerson = await api.query('{ articles(first: 20, person: "brian-hook") { nodes { title } } }');
    expect(byPerson.data.articles.nodes).toHaveLength(1);
    const bySource = await api.query('{ articles(first: 20, source: "associated-press") { nodes { title } } }');
    expect(bySource.data.articles.nodes.map((article: any) => article.title)).toEqual([AP_TITLE]);
    const topics = await api.query('{ topics(first: 100) { nodes { slug } } }');
    const topic = topics.data.topics.nodes[0].slug;
    const byTopic = await api.query('query ($topic: String) { articles(first: 20, topic: $topic) { totalCount } }', { topic });
    expect(byTopic.data.articles.totalCount).toBeGreaterThan(0);
  });

  it('gives null for an unknown slug', async () => {
    const result = await api.query('{ article(slug: "no-such-story") { title } source(slug: "nope") { name } topic(slug: "nope") { name } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ article: null, source: null, topic: null });
  });
});
