import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../support/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe('person', () => {
  it('answers the Lavrov query with his 7 quotes, each with its article title and source', async () => {
    const result = await api.query(`{
      person(slug: "sergey-lavrov") {
        name aliases
        quotes(first: 20) { totalCount edges { node { text article { title source { name } } } } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const person = result.data.person;
    expect(person.name).toBe('Sergey Lavrov');
    expect(person.aliases).toEqual(expect.arrayContaining(['Sergey Lavrov', 'Sergei Lavrov', 'Lavrov']));
    expect(person.quotes.totalCount).toBe(7);
    expect(person.quotes.edges).toHaveLength(7);
    const sources = person.quotes.edges.map((edge: any) => [edge.node.article.title, edge.node.article.source?.name ?? null]);
    expect(new Set(sources.map((pair: any) => JSON.stringify(pair)))).toEqual(
      new Set([
        JSON.stringify(['Pompeo, Russia’s Lavrov see hope for improved US-Russia ties', 'Associated Press']),
        JSON.stringify(['Pompeo, Lavrov Vow In Sochi Talks To Improve U.S.-Russia Ties', null]),
      ]),
    );
  });

  it('finds people by a prefix of any name or alias', async () => {
    const result = await api.query('{ people(first: 20, name: "lav") { nodes { slug } } }');
    expect(result.data.people.nodes.map((person: any) => person.slug)).toEqual(['sergey-lavrov']);
    const bySurname = await api.query('{ people(first: 20, name: "Pompeo") { nodes { name } } }');
    expect(bySurname.data.people.nodes.map((person: any) => person.name)).toEqual(['Mike Pompeo']);
  });

  it('gives null, not an error, for an unknown slug', async () => {
    const result = await api.query('{ person(slug: "nobody-at-all") { name } }');
    expect(result.errors).toBeUndefined();
    expect(result.data.person).toBeNull();
  });

  it('lists the articles that name a person and those they wrote', async () => {
    const result = await api.query(`{
      lavrov: person(slug: "sergey-lavrov") { articles(first: 20) { totalCount nodes { title } } }
      author: person(slug: "nataliya-vasilyeva") { authoredArticles(first: 20) { nodes { title } } articles(first: 20) { totalCount } }
    }`);
    expect(result.data.lavrov.articles.totalCount).toBe(2);
    expect(result.data.author.authoredArticles.nodes.map((article: any) => article.title)).toEqual([
      'Pompeo, Russia’s Lavrov see hope for improved US-Russia ties',
    ]);
    expect(result.data.author.articles.totalCount).toBe(0);
  });
});
