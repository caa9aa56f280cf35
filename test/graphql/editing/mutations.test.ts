// Every kind of editorial mutation over HTTP, against PostgreSQL: what it changes, what the public
// then reads, and how it refuses (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, CONFLICT).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../../src/auth/api-keys.js';
import { packageRoot } from '../../../src/package-root.js';
import { startTestApi, type GraphQLResponse, type TestApi } from '../../support/api.js';

let api: TestApi;
let editor: Record<string, string>;
let reader: Record<string, string>;
let text: string;
let article: { id: string; slug: string };

beforeAll(async () => {
  api = await startTestApi({ seed: false });
  editor = { authorization: `Bearer ${await createApiKey(api.database.writer, 'copy-desk', 'EDITOR')}` };
  reader = { authorization: `Bearer ${await createApiKey(api.database.writer, 'website', 'READER')}` };
  text = await readFile(path.join(packageRoot, 'test/fixtures/editorial/bridge-vote.txt'), 'utf8');
  const ingested = await api.query(
    `mutation ($text: String!) { ingestArticle(text: $text, url: "https://gazette.example/bridge", publishedAt: "2026-03-03T09:00:00Z", source: "Springfield Gazette") { article { id slug } } }`,
    { text },
    editor,
  );
  article = ingested.data.ingestArticle.article;
});
afterAll(() => api?.close());

async function edit(query: string, variables?: Record<string, unknown>): Promise<any> {
  const result = await api.query(query, variables, editor);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data;
}

const code = (result: GraphQLResponse) => result.errors?.[0]?.extensions?.code;

async function quotes(includeRetracted = false): Promise<any[]> {
  const result = await api.query(
    `query ($slug: String!, $all: Boolean) { article(slug: $slug) { quotes(first: 50, includeRetracted: $all) { nodes { id text startOffset endOffset kind retracted version speaker { slug } speakerDescription } } } }`,
    { slug: article.slug, all: includeRetracted },
  );
  return result.data.article.quotes.nodes;
}

const quoteStarting = async (words: string) => (await quotes(true)).find((quote) => quote.text.startsWith(words));

describe('access', () => {
  it('refuses a mutation without a key, with a wrong key, and with a reader key', async () => {
    const mutation = `mutation { renamePerson(input: { id: "dana-lee", name: "Dana Leigh" }) { person { name } } }`;
    expect(code(await api.query(mutation))).toBe('UNAUTHENTICATED');
    expect(code(await api.query(mutation, {}, { authorization: 'Bearer qg_wrong' }))).toBe('UNAUTHENTICATED');
    expect(code(await api.query(mutation, {}, reader))).toBe('FORBIDDEN');
    expect(code(await api.query('{ changes(first: 5) { nodes { action } } }', {}, reader))).toBe('FORBIDDEN');
    expect((await api.query('{ person(slug: "dana-lee") { name } }')).data.person.name).toBe('Dana Lee');
  });
});

describe('quotes', () => {
  it('fixes a span to the words between two offsets of the text, and refuses offsets outside it', async () => {
    const quote = await quoteStarting('The first cars');
    const start = Array.from(text).join('').indexOf('The first cars'); // ASCII text: code units are code points
    const fixed = await edit(
      `mutation ($quote: ID!, $start: Int!, $end: Int!) { fixQuoteSpan(input: { quote: $quote, startOffset: $start, endOffset: $end, note: "comma left out" }) {
         quote { text startOffset endOffset corrected corrections { what note } } } }`,
      { quote: quote.id, start, end: start + 'The first cars will cross it in 2027'.length },
    );
    expect(fixed.fixQuoteSpan.quote).toEqual({
      text: 'The first cars will cross it in 2027',
      startOffset: start,
      endOffset: start + 36,
      corrected: true,
      corrections: [{ what: 'words', note: 'comma left out' }],
    });
    const outside = await api.query(`mutation ($quote: ID!) { fixQuoteSpan(input: { quote: $quote, startOffset: 10, endOffset: 100000 }) { quote { text } } }`, { quote: quote.id }, editor);
    expect(code(outside)).toBe('BAD_USER_INPUT');
    expect(outside.errors?.[0]?.message).toMatch(/outside the article's text: it has \d+ characters/);
    const backwards = await api.query(`mutation ($quote: ID!) { fixQuoteSpan(input: { quote: $quote, startOffset: 50, endOffset: 40 }) { quote { text } } }`, { quote: quote.id }, editor);
    expect(code(backwards)).toBe('BAD_USER_INPUT');
  });

  it('changes a kind, and refuses an old version with CONFLICT and the current one', async () => {
    const quote = await quoteStarting('Our classrooms');
    const changed = await edit(`mutation ($quote: ID!, $version: Int) { changeQuoteKind(input: { quote: $quote, kind: PARTIAL, version: $version }) { quote { kind version } } }`, {
      quote: quote.id,
      version: quote.version,
    });
    expect(changed.changeQuoteKind.quote).toEqual({ kind: 'PARTIAL', version: quote.version + 1 });
    const stale = await api.query(`mutation ($quote: ID!, $version: Int) { changeQuoteKind(input: { quote: $quote, kind: DIRECT, version: $version }) { quote { kind } } }`, {
      quote: quote.id,
      version: quote.version,
    }, editor);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: quote.version + 1 });
    expect((await quoteStarting('Our classrooms')).kind).toBe('PARTIAL');
  });

  it('gives a quote to an unnamed speaker or a new person, and refuses two speakers at once', async () => {
    const quote = await quoteStarting('Our classrooms');
    const unnamed = await edit(`mutation ($quote: ID!) { changeQuoteSpeaker(input: { quote: $quote, speaker: { description: "a parent at the meeting" } }) { quote { speaker { slug } speakerDescription } speaker { slug } } }`, { quote: quote.id });
    expect(unnamed.changeQuoteSpeaker).toEqual({ quote: { speaker: null, speakerDescription: 'a parent at the meeting' }, speaker: null });
    const created = await edit(`mutation ($quote: ID!) { changeQuoteSpeaker(input: { quote: $quote, speaker: { newPerson: { name: "Dana Lee-Park", role: "parent" } } }) { speaker { slug name role } quote { attribution { method confidence } } } }`, { quote: quote.id });
    expect(created.changeQuoteSpeaker).toEqual({ speaker: { slug: 'dana-lee-park', name: 'Dana Lee-Park', role: 'parent' }, quote: { attribution: { method: 'editor', confidence: 1 } } });
    const both = await api.query(`mutation ($quote: ID!) { changeQuoteSpeaker(input: { quote: $quote, speaker: { person: "dana-lee", description: "a parent" } }) { quote { id } } }`, { quote: quote.id }, editor);
    expect(code(both)).toBe('BAD_USER_INPUT');
    const nobody = await api.query(`mutation ($quote: ID!) { changeQuoteSpeaker(input: { quote: $quote, speaker: { person: "no-such-person" } }) { quote { id } } }`, { quote: quote.id }, editor);
    expect(code(nobody)).toBe('NOT_FOUND');
  });

  it('retracts a quote out of every list, keeps it under its id, and takes the retraction back', async () => {
    const quote = await quoteStarting('This bridge');
    await edit(`mutation ($quote: ID!) { retractQuote(input: { quote: $quote, note: "not said at the vote" }) { quote { retracted } } }`, { quote: quote.id });
    expect((await quotes()).map((listed) => listed.id)).not.toContain(quote.id);
    const lists = await api.query(`{ quotes(first: 50) { nodes { id } } person(slug: "alice-johnson") { quotes(first: 20) { nodes { id } } } search(query: "bridge halves") { quotes(first: 10) { nodes { id } } } }`);
    expect(JSON.stringify(lists.data)).not.toContain(quote.id);
    const byId = await api.query(`query ($id: ID!) { node(id: $id) { ... on Quote { retracted corrections { what note } } } }`, { id: quote.id });
    expect(byId.data.node).toEqual({ retracted: true, corrections: [{ what: 'retracted', note: 'not said at the vote' }] });
    expect(code(await api.query(`mutation ($quote: ID!) { retractQuote(input: { quote: $quote }) { quote { id } } }`, { quote: quote.id }, editor))).toBe('BAD_USER_INPUT');
    await edit(`mutation ($quote: ID!) { restoreQuote(input: { quote: $quote }) { quote { retracted corrected } } }`, { quote: quote.id });
    expect((await quotes()).map((listed) => listed.id)).toContain(quote.id);
  });

  it('adds a quote the pipeline missed, in reading order', async () => {
    const words = 'The city council approved a new bridge';
    const start = text.indexOf(words);
    const added = await edit(
      `mutation ($article: ID!, $start: Int!, $end: Int!) { addQuote(input: { article: $article, startOffset: $start, endOffset: $end, kind: PARTIAL, speaker: { description: "the council's statement" }, note: "missed" }) {
         quote { text position kind speakerDescription corrected } } }`,
      { article: article.slug, start, end: start + words.length },
    );
    expect(added.addQuote.quote).toEqual({ text: words, position: 0, kind: 'PARTIAL', speakerDescription: "the council's statement", corrected: true });
    expect((await quotes())[0].text).toBe(words);
    const again = await api.query(`mutation ($start: Int!, $end: Int!) { addQuote(input: { article: "${article.slug}", startOffset: $start, endOffset: $end }) { quote { id } } }`, { start, end: start + words.length }, editor);
    expect(code(again)).toBe('BAD_USER_INPUT');
    expect(code(await api.query('mutation { addQuote(input: { article: "no-such-article", startOffset: 0, endOffset: 5 }) { quote { id } } }', {}, editor))).toBe('NOT_FOUND');
  });

  it('confirms the speaker the pipeline found: confidence 1, no public notice, on the record, once', async () => {
    const quote = await quoteStarting('We have waited');
    const confirmed = await edit(
      `mutation ($quote: ID!) { confirmQuoteSpeaker(input: { quote: $quote, note: "checked the tape" }) { quote { speaker { slug } attribution { method confidence } corrected corrections { what } } changes { action note key fields { field before after } } } }`,
      { quote: quote.id },
    );
    const { quote: after, changes } = confirmed.confirmQuoteSpeaker;
    expect(after.speaker).toEqual(quote.speaker);
    expect(after.attribution).toEqual({ method: 'confirmed', confidence: 1 });
    expect(after.corrected).toBe(false);
    expect(after.corrections).toEqual([]);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ action: 'confirmQuoteSpeaker', note: 'checked the tape', key: 'copy-desk' });
    expect(changes[0].fields).toEqual([{ field: 'attribution', before: expect.objectContaining({ method: expect.any(String) }), after: { method: 'confirmed', confidence: 1 } }]);
    const queue = (await api.query(`{ quotes(first: 50, orderBy: LEAST_CONFIDENT_FIRST) { nodes { id attribution { confidence } } } }`)).data.quotes.nodes;
    const place = queue.findIndex((listed: any) => listed.id === quote.id);
    expect(queue.slice(place).every((listed: any) => listed.attribution.confidence === 1)).toBe(true);
    expect(queue[0].attribution.confidence).toBeLessThan(1);
    expect(code(await api.query(`mutation ($quote: ID!) { confirmQuoteSpeaker(input: { quote: $quote }) { quote { id } } }`, { quote: quote.id }, editor))).toBe('BAD_USER_INPUT');
    expect(code(await api.query(`mutation ($quote: ID!) { confirmQuoteSpeaker(input: { quote: $quote }) { quote { id } } }`, { quote: quote.id }, reader))).toBe('FORBIDDEN');
  });

  it('names an unknown quote, and an id of another type, NOT_FOUND', async () => {
    const unknown = await api.query('mutation { retractQuote(input: { quote: "UXVvdGU6OTk5OTk5" }) { quote { id } } }', {}, editor);
    expect(code(unknown)).toBe('NOT_FOUND');
    const wrongType = await api.query(`mutation { retractQuote(input: { quote: "${article.id}" }) { quote { id } } }`, {}, editor);
    expect(code(wrongType)).toBe('NOT_FOUND');
  });
});

describe('people', () => {
  it('renames a person: the name becomes an alias, the slug follows, the old slug still finds them', async () => {
    const renamed = await edit(`mutation { renamePerson(input: { id: "dana-lee", name: "Dana Leigh", note: "spelling" }) { person { slug name aliases version } } }`);
    expect(renamed.renamePerson.person).toMatchObject({ slug: 'dana-leigh', name: 'Dana Leigh', version: 2 });
    expect(renamed.renamePerson.person.aliases).toEqual(expect.arrayContaining(['Dana Lee', 'Dana Leigh']));
    expect((await api.query('{ person(slug: "dana-lee") { slug } }')).data.person.slug).toBe('dana-leigh');
    expect(code(await api.query('mutation { renamePerson(input: { id: "dana-leigh", name: "   " }) { person { slug } } }', {}, editor))).toBe('BAD_USER_INPUT');
  });

  it('sets a role and an affiliation, keeps what is left out and clears what is null', async () => {
    const set = await edit('mutation { updatePerson(input: { person: "alice-johnson", role: "Mayor of Springfield", affiliation: "Springfield" }) { person { role affiliation } } }');
    expect(set.updatePerson.person).toEqual({ role: 'Mayor of Springfield', affiliation: 'Springfield' });
    const cleared = await edit('mutation { updatePerson(input: { person: "alice-johnson", affiliation: null }) { person { role affiliation } } }');
    expect(cleared.updatePerson.person).toEqual({ role: 'Mayor of Springfield', affiliation: null });
  });

  it('adds and removes aliases, but not the person\'s own name', async () => {
    const added = await edit('mutation { addPersonAliases(input: { person: "alice-johnson", aliases: ["A. Johnson", "Mayor Johnson"] }) { person { aliases } } }');
    expect(added.addPersonAliases.person.aliases).toEqual(expect.arrayContaining(['A. Johnson', 'Mayor Johnson']));
    const removed = await edit('mutation { removePersonAliases(input: { person: "alice-johnson", aliases: ["mayor johnson"] }) { person { aliases } } }');
    expect(removed.removePersonAliases.person.aliases).not.toContain('Mayor Johnson');
    expect(code(await api.query('mutation { removePersonAliases(input: { person: "alice-johnson", aliases: ["Alice Johnson"] }) { person { slug } } }', {}, editor))).toBe('BAD_USER_INPUT');
  });

  it('refuses to merge a person into themselves', async () => {
    const result = await api.query('mutation { mergePeople(input: { from: "alice-johnson", into: "alice-johnson" }) { person { slug } } }', {}, editor);
    expect(code(result)).toBe('BAD_USER_INPUT');
  });

  it('merges: the old global id and slug find the merged person; moving quotes splits them again', async () => {
    const bob = (await api.query('{ person(slug: "bob-smith") { id } }')).data.person.id;
    const merged = await edit('mutation { mergePeople(input: { from: "bob-smith", into: "robert-smith" }) { mergedPersonId person { slug quotes(first: 10) { nodes { id text } } } } }');
    expect(merged.mergePeople.mergedPersonId).toBe(bob);
    const byOldId = await api.query(`query ($id: ID!) { node(id: $id) { ... on Person { slug } } }`, { id: bob });
    expect(byOldId.data.node.slug).toBe('robert-smith');
    const hisQuote = merged.mergePeople.person.quotes.nodes.find((quote: any) => quote.text.startsWith('It is on time'));
    const split = await edit(`mutation ($quote: ID!) { moveQuotes(input: { quotes: [$quote], newPerson: { name: "Bobby Smith" }, note: "another Smith" }) { person { slug } quotes { speaker { slug } corrected } } }`, {
      quote: hisQuote.id,
    });
    expect(split.moveQuotes).toEqual({ person: { slug: 'bobby-smith' }, quotes: [{ speaker: { slug: 'bobby-smith' }, corrected: true }] });
    const record = await edit(`query ($object: ID!) { changes(first: 10, object: $object) { nodes { action object } } }`, { object: bob });
    expect(record.changes.nodes).toEqual([{ action: 'mergePeople', object: bob }]);
  });
});

describe('articles', () => {
  it('edits title, date, source and url; title, date and source print notices', async () => {
    const before = (await api.query(`{ article(slug: "${article.slug}") { version } }`)).data.article.version;
    const updated = await edit(
      `mutation ($id: ID!, $version: Int) { updateArticle(input: { article: $id, title: "Council backs Mill River bridge", publishedAt: "2026-03-04T10:00:00Z", source: "Springfield Evening Gazette", url: "https://gazette.example/bridge-vote", version: $version, note: "headline and date corrected" }) {
         article { title titleDerived publishedAt source { name } url version corrected corrections { what note } } changes { fields { field before after } } } }`,
      { id: article.id, version: before },
    );
    expect(updated.updateArticle.article).toMatchObject({
      title: 'Council backs Mill River bridge',
      titleDerived: false,
      publishedAt: '2026-03-04T10:00:00.000Z',
      source: { name: 'Springfield Evening Gazette' },
      url: 'https://gazette.example/bridge-vote',
      version: before + 1,
      corrected: true,
    });
    expect(updated.updateArticle.article.corrections).toEqual(
      expect.arrayContaining([
        { what: 'title', note: 'headline and date corrected' },
        { what: 'publication date', note: 'headline and date corrected' },
        { what: 'source', note: 'headline and date corrected' },
      ]),
    );
    expect(updated.updateArticle.changes[0].fields).toContainEqual({ field: 'title', before: 'Council approves new bridge over the Mill River', after: 'Council backs Mill River bridge' });
    const found = await api.query('{ search(query: "backs") { articles(first: 5) { nodes { slug } } } }');
    expect(found.data.search.articles.nodes).toEqual([{ slug: article.slug }]);
    expect(code(await api.query(`mutation { updateArticle(input: { article: "${article.slug}", url: "ftp://nope" }) { article { url } } }`, {}, editor))).toBe('BAD_USER_INPUT');
    expect(code(await api.query(`mutation { updateArticle(input: { article: "${article.slug}" }) { article { url } } }`, {}, editor))).toBe('BAD_USER_INPUT');
  });

  it('keeps the editor\'s title, date and source when the story is re-ingested', async () => {
    const revised = await edit(
      `mutation ($text: String!) { ingestArticle(text: $text, url: "https://gazette.example/bridge-vote") { revised article { slug title publishedAt source { name } revision } } }`,
      { text: `${text}\nThe vote was seven to two.\n` },
    );
    expect(revised.ingestArticle).toEqual({
      revised: true,
      article: { slug: article.slug, title: 'Council backs Mill River bridge', publishedAt: '2026-03-04T10:00:00.000Z', source: { name: 'Springfield Evening Gazette' }, revision: 2 },
    });
    const corrected = (await quotes(true)).find((quote) => quote.text.startsWith('The first cars'));
    expect(corrected.text).toBe('The first cars will cross it in 2027');
  });

  it('unpublishes an article out of every public read, and publishes it again', async () => {
    const unpublished = await edit(`mutation { unpublishArticle(input: { id: "${article.slug}", note: "legal review" }) { article { published } } }`);
    expect(unpublished.unpublishArticle.article.published).toBe(false);
    const read = await api.query(
      `query ($id: ID!) { article(slug: "${article.slug}") { id } node(id: $id) { id } articles(first: 10) { nodes { id } } quotes(first: 50) { totalCount } person(slug: "alice-johnson") { quotes(first: 10) { totalCount } } }`,
      { id: article.id },
    );
    expect(read.data).toEqual({ article: null, node: null, articles: { nodes: [] }, quotes: { totalCount: 0 }, person: { quotes: { totalCount: 0 } } });
    expect(code(await api.query(`mutation { unpublishArticle(input: { id: "${article.slug}" }) { article { id } } }`, {}, editor))).toBe('BAD_USER_INPUT');
    await edit(`mutation { publishArticle(input: { id: "${article.id}" }) { article { published } } }`);
    expect((await api.query(`{ article(slug: "${article.slug}") { id } }`)).data.article.id).toBe(article.id);
  });
});

describe('sources and topics', () => {
  it('renames a source; its old slug, and articles naming its old name, still find it', async () => {
    const renamed = await edit('mutation { renameSource(input: { id: "springfield-evening-gazette", name: "The Springfield Gazette" }) { source { slug name } } }');
    expect(renamed.renameSource.source).toEqual({ slug: 'the-springfield-gazette', name: 'The Springfield Gazette' });
    expect((await api.query('{ source(slug: "springfield-evening-gazette") { name } }')).data.source.name).toBe('The Springfield Gazette');
    const other = await edit(`mutation ($text: String!) { ingestArticle(text: $text, source: "Springfield Evening Gazette") { article { source { slug } } } }`, {
      text: 'Library opens on Sundays\n\nThe city library will open on Sundays from May. "Readers asked for it," said librarian Joan Park.\n',
    });
    expect(other.ingestArticle.article.source.slug).toBe('the-springfield-gazette');
    expect(code(await api.query('mutation { renameSource(input: { id: "the-springfield-gazette", name: "Springfield Gazette" }) { source { slug } } }', {}, editor))).toBe('BAD_USER_INPUT');
  });

  it('merges two sources, and deletes one only when no article uses it', async () => {
    const inUse = await api.query('mutation { deleteSource(input: { id: "the-springfield-gazette" }) { deletedId } }', {}, editor);
    expect(code(inUse)).toBe('BAD_USER_INPUT');
    expect(inUse.errors?.[0]?.message).toMatch(/still used/);
    const merged = await edit('mutation { mergeSources(input: { from: "springfield-gazette", into: "the-springfield-gazette" }) { source { slug articles(first: 10) { totalCount } } mergedSourceId } }');
    expect(merged.mergeSources.source.slug).toBe('the-springfield-gazette');
    expect((await api.query('{ source(slug: "springfield-gazette") { slug } }')).data.source.slug).toBe('the-springfield-gazette');
    await edit('mutation { renameSource(input: { id: "the-springfield-gazette", name: "Springfield Gazette Group" }) { source { slug } } }');
    const spare = await edit(`mutation ($text: String!) { ingestArticle(text: $text, source: "Spare Wire") { article { slug } } }`, {
      text: 'Pool closes for repairs\n\nThe public pool will close for repairs in June.\n',
    });
    await edit(`mutation { updateArticle(input: { article: "${spare.ingestArticle.article.slug}", source: null }) { article { source { name } } } }`);
    // The correction that cleared the source does not name it: Spare Wire is unused now.
    const deleted = await api.query('mutation { deleteSource(input: { id: "spare-wire" }) { deletedId } }', {}, editor);
    expect(deleted.errors).toBeUndefined();
    expect((await api.query('{ source(slug: "spare-wire") { slug } }')).data.source).toBeNull();
  });

  it('renames, merges and deletes topics', async () => {
    const topics = (await api.query('{ topics(first: 20) { nodes { slug name } } }')).data.topics.nodes;
    expect(topics.length).toBeGreaterThan(0);
    const first = topics[0].slug;
    const renamed = await edit(`mutation { renameTopic(input: { id: "${first}", name: "Civic Infrastructure" }) { topic { slug } } }`);
    expect(renamed.renameTopic.topic.slug).toBe('civic-infrastructure');
    if (topics.length > 1) {
      const merged = await edit(`mutation { mergeTopics(input: { from: "${topics[1].slug}", into: "civic-infrastructure" }) { topic { slug } mergedTopicId } }`);
      expect(merged.mergeTopics.topic.slug).toBe('civic-infrastructure');
    }
    expect(code(await api.query('mutation { deleteTopic(input: { id: "civic-infrastructure" }) { deletedId } }', {}, editor))).toBe('BAD_USER_INPUT');
    expect(code(await api.query('mutation { mergeTopics(input: { from: "civic-infrastructure", into: "civic-infrastructure" }) { topic { slug } } }', {}, editor))).toBe('BAD_USER_INPUT');
    expect(code(await api.query('mutation { deleteTopic(input: { id: "no-such-topic" }) { deletedId } }', {}, editor))).toBe('NOT_FOUND');
  });
});

describe('deleting an article', () => {
  it('deletes it with its quotes and revisions, and keeps the deletion on the record', async () => {
    const deleted = await edit(`mutation { deleteArticle(input: { id: "${article.slug}", note: "published twice" }) { deletedId changes { action note fields { field before } } } }`);
    expect(deleted.deleteArticle.deletedId).toBe(article.id);
    expect(deleted.deleteArticle.changes[0]).toMatchObject({ action: 'deleteArticle', note: 'published twice' });
    expect((await api.query(`{ article(slug: "${article.slug}") { id } }`)).data.article).toBeNull();
    expect(await api.database.prisma.quote.count({ where: { article: { slug: article.slug } } })).toBe(0);
    const record = await edit(`query ($object: ID!) { changes(first: 50, object: $object) { nodes { action key } } }`, { object: article.id });
    expect(record.changes.nodes[0]).toEqual({ action: 'deleteArticle', key: 'copy-desk' });
    expect(code(await api.query(`mutation { deleteArticle(input: { id: "${article.slug}" }) { deletedId } }`, {}, editor))).toBe('NOT_FOUND');
  });
});
