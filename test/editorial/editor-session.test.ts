// An editor's session, played over HTTP against PostgreSQL: ingest a story with its url, correct a
// speaker, merge two records of one person, re-ingest a corrected text at the same url, retract a
// quote, and read the record, and what the public sees, without a key.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/api-keys.js';
import { packageRoot } from '../../src/package-root.js';
import { startTestApi, type TestApi } from '../support/api.js';

const URL = 'https://gazette.example/2026/bridge-vote';
const storyFile = path.join(packageRoot, 'test/fixtures/editorial/bridge-vote.txt');

let api: TestApi;
let editor: Record<string, string>;

beforeAll(async () => {
  api = await startTestApi({ seed: false });
  editor = { authorization: `Bearer ${await createApiKey(api.database.writer, 'desk-editor', 'EDITOR')}` };
});
afterAll(() => api?.close());

async function asEditor(query: string, variables?: Record<string, unknown>) {
  const result = await api.query(query, variables, editor);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data;
}

const INGEST = `mutation ($text: String!, $url: String) {
  ingestArticle(text: $text, url: $url) {
    created revised correctionsNoLongerApplying { kind quoteText }
    article { id slug url revision quotes(first: 20) { nodes { id text version speaker { slug name } } } }
  }
}`;

describe('an editor\'s session', () => {
  it('ingests, corrects, merges, re-ingests, retracts, and has every step on the record and in public', async () => {
    const text = await readFile(storyFile, 'utf8');

    // 1. The story, with its url.
    const first = (await asEditor(INGEST, { text, url: URL })).ingestArticle;
    expect(first).toMatchObject({ created: true, revised: false, article: { url: URL, revision: 1 } });
    const quotes = first.article.quotes.nodes;
    const waited = quotes.find((quote: any) => quote.text.startsWith('We have waited'));
    // The pipeline gives the council member's words to the mayor.
    expect(waited.speaker.slug).toBe('alice-johnson');

    // 2. Re-attributed, with a note.
    const corrected = await asEditor(
      `mutation ($input: ChangeQuoteSpeakerInput!) { changeQuoteSpeaker(input: $input) {
         quote { speaker { slug } corrected corrections { what note } version } changes { action key note } } }`,
      { input: { quote: waited.id, speaker: { person: 'robert-smith' }, version: waited.version, note: 'speaker was misread' } },
    );
    expect(corrected.changeQuoteSpeaker.quote).toMatchObject({
      speaker: { slug: 'robert-smith' },
      corrected: true,
      corrections: [{ what: 'speaker', note: 'speaker was misread' }],
      version: waited.version + 1,
    });
    expect(corrected.changeQuoteSpeaker.changes).toEqual([{ action: 'changeQuoteSpeaker', key: 'desk-editor', note: 'speaker was misread' }]);

    // 3. "Bob Smith" is the same council member.
    const merged = await asEditor(
      `mutation { mergePeople(input: { from: "bob-smith", into: "robert-smith", note: "same councillor" }) {
         mergedPersonId person { slug aliases quotes(first: 10) { totalCount } } } }`,
    );
    expect(merged.mergePeople.person.slug).toBe('robert-smith');
    expect(merged.mergePeople.person.aliases).toContain('Bob Smith');
    expect(merged.mergePeople.person.quotes.totalCount).toBe(2);

    // 4. The paper corrects its story at the same url: one article, revision 2, the correction still applied.
    const revisedText = text.replace('a debate that lasted two decades', 'a debate that lasted nearly two decades');
    const second = (await asEditor(INGEST, { text: revisedText, url: URL })).ingestArticle;
    expect(second).toMatchObject({ created: false, revised: true, correctionsNoLongerApplying: [], article: { id: first.article.id, slug: first.article.slug, revision: 2 } });
    const again = second.article.quotes.nodes.find((quote: any) => quote.text.startsWith('We have waited'));
    expect(again.id).toBe(waited.id);
    expect(again.speaker.slug).toBe('robert-smith');
    // Bob Smith's quote joins the merged person: his name is one of Robert Smith's aliases now.
    expect(second.article.quotes.nodes.find((quote: any) => quote.text.startsWith('It is on time')).speaker.slug).toBe('robert-smith');
    // The same text again changes nothing.
    expect((await asEditor(INGEST, { text: revisedText, url: URL })).ingestArticle).toMatchObject({ created: false, revised: false, article: { revision: 2 } });

    // 5. A quote withdrawn.
    const unverified = second.article.quotes.nodes.find((quote: any) => quote.text.startsWith('Our classrooms'));
    await asEditor(`mutation ($quote: ID!) { retractQuote(input: { quote: $quote, note: "quote could not be verified" }) { quote { retracted } } }`, {
      quote: unverified.id,
    });

    // 6. The record: every step, with the key's name.
    const record = await asEditor(`{ changes(first: 50) { nodes { action key objectType note fields { field before after } } } }`);
    const steps = record.changes.nodes.map((change: any) => `${change.action}:${change.objectType}`).reverse();
    expect(steps).toEqual([
      'ingestArticle:Article',
      'changeQuoteSpeaker:Quote',
      'mergePeople:Person',
      'mergePeople:Person',
      'ingestArticle:Article',
      'retractQuote:Quote',
    ]);
    expect(new Set(record.changes.nodes.map((change: any) => change.key))).toEqual(new Set(['desk-editor']));
    const revision = record.changes.nodes.find((change: any) => change.fields.some((field: any) => field.field === 'revision' && field.after === 2));
    expect(revision.fields.find((field: any) => field.field === 'revision').before).toBe(1);
    const speakerChange = record.changes.nodes.find((change: any) => change.action === 'changeQuoteSpeaker');
    expect(speakerChange.fields).toContainEqual({
      field: 'speaker',
      before: { slug: 'alice-johnson', name: 'Alice Johnson' },
      after: { slug: 'robert-smith', name: 'Robert Smith' },
    });

    // 7. The public, without a key: the correction and its note, the retracted quote left out, the old slug.
    const read = await api.query(
      `query ($slug: String!) {
         article(slug: $slug) {
           corrected corrections { what note } revisions(first: 5) { nodes { number key } }
           quotes(first: 20) { nodes { text retracted corrected corrections { what note } speaker { slug } } }
           all: quotes(first: 20, includeRetracted: true) { totalCount }
         }
         person(slug: "bob-smith") { slug name }
       }`,
      { slug: first.article.slug },
    );
    expect(read.errors).toBeUndefined();
    const article = read.data.article;
    expect(article.corrected).toBe(true);
    expect(article.corrections).toEqual([
      { what: 'quote speaker', note: 'speaker was misread' },
      { what: 'quote retracted', note: 'quote could not be verified' },
    ]);
    expect(article.revisions.nodes).toEqual([
      { number: 1, key: 'desk-editor' },
      { number: 2, key: 'desk-editor' },
    ]);
    expect(article.quotes.nodes.map((quote: any) => quote.text)).not.toContain(unverified.text);
    expect(article.all.totalCount).toBe(article.quotes.nodes.length + 1);
    expect(article.quotes.nodes.find((quote: any) => quote.text.startsWith('We have waited'))).toMatchObject({
      speaker: { slug: 'robert-smith' },
      corrected: true,
      corrections: [{ what: 'speaker', note: 'speaker was misread' }],
    });
    expect(read.data.person).toEqual({ slug: 'robert-smith', name: 'Robert Smith' });
  });
});
