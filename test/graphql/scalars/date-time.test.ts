// Date arguments take a date or a date-time; a date means the start of that day in UTC.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../support/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe('DateTimeISO arguments', () => {
  it('take a bare date, in the document and as a variable, as the start of that day in UTC', async () => {
    const asDateTime = await api.query('{ quotes(first: 1, from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { totalCount } }');
    const asDate = await api.query('{ quotes(first: 1, from: "2000-01-01", to: "2100-01-01") { totalCount } }');
    const asVariables = await api.query('query ($from: DateTimeISO, $to: DateTimeISO) { articles(first: 1, from: $from, to: $to) { totalCount } }', {
      from: "2000-01-01",
      to: "2100-01-01",
    });
    expect(asDate.errors).toBeUndefined();
    expect(asVariables.errors).toBeUndefined();
    expect(asDateTime.data.quotes.totalCount).toBeGreaterThan(0);
    expect(asDate.data.quotes.totalCount).toBe(asDateTime.data.quotes.totalCount);
    const articles = await api.query('{ articles(first: 1, from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { totalCount } }');
    expect(asVariables.data.articles.totalCount).toBe(articles.data.articles.totalCount);
  });

  it('read a date as midnight UTC: a quote dated that day is in `from` its date, not in `to` it', async () => {
    const newest = await api.query('{ quotes(first: 1) { nodes { id date } } }');
    const { id, date } = newest.data.quotes.nodes[0];
    const day = String(date).slice(0, 10);
    const from = await api.query(`{ quotes(first: 100, from: "${day}") { nodes { id } } }`);
    const to = await api.query(`{ quotes(first: 100, to: "${day}") { nodes { id } } }`);
    expect(from.data.quotes.nodes.map((node: { id: string }) => node.id)).toContain(id);
    expect(to.data.quotes.nodes.map((node: { id: string }) => node.id)).not.toContain(id);
  });

  it('refuse a date that does not exist, and text that is no date', async () => {
    for (const from of ['2019-02-30', '2019-13-01', 'yesterday', '2019-1-1']) {
      const result = await api.query('query ($from: DateTimeISO) { quotes(first: 1, from: $from) { totalCount } }', { from });
      expect(result.errors?.[0]?.extensions?.code, from).toBe('BAD_USER_INPUT');
    }
  });

  it('are described with their code generation mapping', async () => {
    const result = await api.query('{ __type(name: "DateTimeISO") { description } }');
    expect(result.data.__type.description).toContain('scalars: { DateTimeISO: "string" }');
  });
});
