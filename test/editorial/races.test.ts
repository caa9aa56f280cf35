// Two editors racing on the same objects, 50 times: merges against merges, merges against speaker
// changes, speaker changes against each other. Every outcome must be one of the two serial orders:
// never a lost update, never a half-merged person, never a row pointing at nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/api-keys.js';
import { toGlobalId } from '../../src/graphql/node/global-id.js';
import { storeArticle } from '../../src/ingest/store.js';
import { startTestApi, type GraphQLResponse, type TestApi } from '../support/api.js';
import { syntheticDraft } from '../support/drafts.js';

let api: TestApi;
let editors: Record<string, string>[];

beforeAll(async () => {
  api = await startTestApi({ seed: false });
  editors = [
    { authorization: `Bearer ${await createApiKey(api.database.writer, 'editor-one', 'EDITOR')}` },
    { authorization: `Bearer ${await createApiKey(api.database.writer, 'editor-two', 'EDITOR')}` },
  ];
});
afterAll(() => api?.close());

const MERGE = `mutation ($from: ID!, $into: ID!) { mergePeople(input: { from: $from, into: $into }) { person { slug } } }`;
const SPEAKER = `mutation ($quote: ID!, $person: ID!, $version: Int) {
  changeQuoteSpeaker(input: { quote: $quote, speaker: { person: $person }, version: $version }) { quote { version } } }`;

/** One round's people (Alice, Bruno and Celia, by a surname of the round's own) and its four quotes. */
async function setUpRound(round: number) {
  const surname = `R${round}x`;
  const [alice, bruno, celia] = ['Alice', 'Bruno', 'Celia'].map((given) => `${given} ${surname}`);
  const speakers = [alice, alice, bruno, celia];
  const draft = syntheticDraft(10_000 + round, {
    people: [alice, bruno, celia].map((name) => ({ name: name!, aliases: [], role: null, affiliation: null })),
    quotes: speakers.map((speaker, position) => ({
      text: `Round ${round}, quote ${position}.`,
      start: position * 40,
      end: position * 40 + 20,
      speaker: speaker!,
      speakerDescription: null,
      kind: 'direct' as const,
      attribution: { method: 'speech-verb:person', confidence: 0.95 },
    })),
  });
  const stored = await storeArticle(api.database.writer, draft);
  const quotes = await api.database.prisma.quote.findMany({ where: { articleId: stored.articleId }, orderBy: { position: 'asc' } });
  const slug = (given: string) => `${given.toLowerCase()}-${surname.toLowerCase()}`;
  return { a: slug('Alice'), b: slug('Bruno'), c: slug('Celia'), quotes: quotes.map((quote) => ({ id: toGlobalId('Quote', quote.id), dbId: quote.id, version: quote.version })) };
}

async function race(first: [string, Record<string, unknown>], second: [string, Record<string, unknown>]): Promise<[GraphQLResponse, GraphQLResponse]> {
  return Promise.all([api.query(first[0], first[1], editors[0]), api.query(second[0], second[1], editors[1])]);
}

const code = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code ?? 'OK';

/** The slug of each quote's speaker, by the quote's place in the round. */
async function speakersOf(quotes: { dbId: number }[]): Promise<(string | null)[]> {
  const rows = await api.database.prisma.quote.findMany({ where: { id: { in: quotes.map((quote) => quote.dbId) } }, include: { speaker: true } });
  return quotes.map((quote) => rows.find((row) => row.id === quote.dbId)!.speaker?.slug ?? null);
}

async function personExists(slug: string): Promise<boolean> {
  return (await api.database.prisma.person.count({ where: { slug } })) === 1;
}

async function resolvesTo(slug: string): Promise<string | null> {
  const result = await api.query(`query ($slug: String!) { person(slug: $slug) { slug } }`, { slug });
  return result.data?.person?.slug ?? null;
}

/** Nothing points at a row that is gone, and every person keeps a name among their aliases. */
async function expectWholeGraph(): Promise<void> {
  const [row] = await api.database.prisma.$queryRawUnsafe<{ redirects: number; aliasless: number; mentions: number }[]>(
    `SELECT
       (SELECT count(*)::int FROM "Redirect" r WHERE NOT EXISTS (SELECT FROM "Person" p WHERE p."id" = r."targetId") AND r."type" = 'Person') AS "redirects",
       (SELECT count(*)::int FROM "Person" p WHERE NOT EXISTS (SELECT FROM "PersonAlias" a WHERE a."personId" = p."id")) AS "aliasless",
       (SELECT count(*)::int FROM "Quote" q WHERE q."speakerId" IS NOT NULL
          AND NOT EXISTS (SELECT FROM "ArticleMention" m WHERE m."articleId" = q."articleId" AND m."personId" = q."speakerId")) AS "mentions"`,
  );
  expect(row).toEqual({ redirects: 0, aliasless: 0, mentions: 0 });
}

const SCENARIOS = ['opposite merges', 'the same merge twice', 'a merge and a speaker change away', 'a merge and a speaker change to the merged', 'two speaker changes from one version'] as const;

describe('two editors racing on the same objects', () => {
  it('end in one of the serial orders, 50 times out of 50', async () => {
    const outcomes = new Map<string, Set<string>>();
    for (let round = 0; round < 50; round++) {
      const scenario = SCENARIOS[round % SCENARIOS.length]!;
      const { a, b, c, quotes } = await setUpRound(round);
      const changesBefore = await api.database.prisma.change.count();
      const [one, two] =
        scenario === 'opposite merges'
          ? await race([MERGE, { from: a, into: b }], [MERGE, { from: b, into: a }])
          : scenario === 'the same merge twice'
            ? await race([MERGE, { from: a, into: b }], [MERGE, { from: a, into: b }])
            : scenario === 'a merge and a speaker change away'
              ? await race([MERGE, { from: a, into: b }], [SPEAKER, { quote: quotes[0]!.id, person: c }])
              : scenario === 'a merge and a speaker change to the merged'
                ? await race([MERGE, { from: a, into: b }], [SPEAKER, { quote: quotes[3]!.id, person: a }])
                : await race(
                    [SPEAKER, { quote: quotes[0]!.id, person: b, version: quotes[0]!.version }],
                    [SPEAKER, { quote: quotes[0]!.id, person: c, version: quotes[0]!.version }],
                  );
      const codes = [code(one), code(two)];
      const label = `${scenario}: ${[...codes].sort().join(' + ')}`;
      outcomes.set(scenario, (outcomes.get(scenario) ?? new Set()).add([...codes].sort().join(' + ')));
      const speakers = await speakersOf(quotes);
      const succeeded = codes.filter((value) => value === 'OK').length;

      switch (scenario) {
        case 'opposite merges':
        case 'the same merge twice': {
          // First merge wins; the second finds both names on one person.
          expect([...codes].sort(), label).toEqual(['BAD_USER_INPUT', 'OK']);
          const survivor = (await personExists(a)) ? a : b;
          const merged = survivor === a ? b : a;
          if (scenario === 'the same merge twice') expect(survivor).toBe(b);
          expect(await personExists(merged), label).toBe(false);
          expect(await resolvesTo(merged), label).toBe(survivor);
          expect(speakers, label).toEqual([survivor, survivor, survivor, c]);
          break;
        }
        case 'a merge and a speaker change away':
          // Either order: the moved quote goes to Celia, Alice's others to Bruno.
          expect(codes, label).toEqual(['OK', 'OK']);
          expect(speakers, label).toEqual([c, b, b, c]);
          break;
        case 'a merge and a speaker change to the merged':
          // Either order: the quote given to Alice ends with Bruno, whom Alice became.
          expect(codes, label).toEqual(['OK', 'OK']);
          expect(speakers, label).toEqual([b, b, b, b]);
          break;
        case 'two speaker changes from one version': {
          // The first writes version + 1; the second read the old version and is told so.
          expect([...codes].sort(), label).toEqual(['CONFLICT', 'OK']);
          const loser = code(one) === 'CONFLICT' ? one : two;
          expect(loser.errors?.[0]?.extensions?.currentVersion, label).toBe(quotes[0]!.version + 1);
          expect(speakers[0], label).toBe(code(one) === 'OK' ? b : c);
          const stored = await api.database.prisma.quote.findUniqueOrThrow({ where: { id: quotes[0]!.dbId } });
          expect(stored.version, label).toBe(quotes[0]!.version + 1);
          break;
        }
      }
      // A merge writes two entries (the person kept, the person merged away); a speaker change one.
      const written = [one, two].reduce((sum, response) => sum + (code(response) !== 'OK' ? 0 : response.data.mergePeople ? 2 : 1), 0);
      expect(await api.database.prisma.change.count(), label).toBe(changesBefore + written);
      expect(succeeded).toBeGreaterThan(0);
      await expectWholeGraph();
    }
    // Every scenario ran.
    expect([...outcomes.keys()]).toHaveLength(SCENARIOS.length);
  });
});
