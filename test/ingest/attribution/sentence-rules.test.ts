// The sentences each sentence rule exists for, read through the whole pipeline.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/ingest/extract.js';

function speakers(body: string): [string, string | null, string][] {
  return extractArticle(`A headline for the story\n\n${body}`).quotes.map((quote) => [quote.text, quote.speaker ?? quote.speakerDescription, quote.attribution.method]);
}

describe('reportingClause: an unnamed subject is the noun phrase before the verb, or nobody', () => {
  it('describes an organisation or an unnamed official by the phrase that is the subject', () => {
    expect(speakers('The county board said it would "review every contract."')).toEqual([['review every contract.', 'The county board', 'speech-verb:organisation']]);
    expect(speakers('A Finnish government official familiar with the discussions said Helsinki had "no objection in principle".'))
      .toEqual([['no objection in principle', 'A Finnish government official familiar with the discussions', 'speech-verb']]);
  });

  it('takes no phrase governed by a preposition, after "to" or inside a relative clause', () => {
    const [[, , method]] = speakers('Ann Lee said the group is reaching out to doctors throughout the state to urge calm.\n\n"We even had fraud," she said.');
    expect(method).toBe('speech-verb:pronoun');
    expect(speakers('Ann Lee said the group is reaching out to doctors throughout the state to urge calm.\n\n"We even had fraud," she said.')[0]![1]).toBe('Ann Lee');
    expect(speakers('Donald Trump, who had pledged to revive manufacturing, lashed out.\n\n"This is the thanks we get," he wrote.')[0]![1]).toBe('Donald Trump');
  });

  it('takes a name or an organisation set off by commas as the subject', () => {
    expect(speakers('The state-owned operator, Trenes Metropolitanos, said it had "activated a contingency plan" with buses.'))
      .toEqual([['activated a contingency plan', 'Trenes Metropolitanos', 'speech-verb:organisation']]);
  });
});
