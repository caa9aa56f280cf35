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
    expect(speakers('Ann Lee said the group is reaching out to doctors throughout the state to urge calm.\n\n"We even had fraud," she said.')[0]![2]).toBe('speech-verb:pronoun');
    expect(speakers('Ann Lee said the group is reaching out to doctors throughout the state to urge calm.\n\n"We even had fraud," she said.')[0]![1]).toBe('Ann Lee');
    expect(speakers('Donald Trump, who had pledged to revive manufacturing, lashed out.\n\n"This is the thanks we get," he wrote.')[0]![1]).toBe('Donald Trump');
  });

  it('takes a name or an organisation set off by commas as the subject', () => {
    expect(speakers('The state-owned operator, Trenes Metropolitanos, said it had "activated a contingency plan" with buses.'))
      .toEqual([['activated a contingency plan', 'Trenes Metropolitanos', 'speech-verb:organisation']]);
  });
});

describe('reportingClause: a reporting clause beside the quotation, or a quotation inside the reported clause', () => {
  it('names the method "speech-verb" when the verb or its subject is next to the quotation, "reported-clause" when not', () => {
    expect(speakers('"We will not back down," Ann Lee said.')).toEqual([['We will not back down,', 'Ann Lee', 'speech-verb:person']]);
    expect(speakers('Ann Lee said on Tuesday that the council\'s plan for the river was "dead in the water".'))
      .toEqual([['dead in the water', 'Ann Lee', 'reported-clause:person']]);
  });
});

describe('the discourse: descriptions and epithets that refer back to a named person', () => {
  it('reads "the mother-of-four said" and "the offender said" as the person the story is about', () => {
    const body = 'Rana Elasmar told the court she turned away from her attacker.\n\n"I could have been killed," the mother-of-four said.\n\nStipe Lozina said he was sorry.\n\nThe offender also said he was "a sick man".';
    expect(speakers(body).map(([text, speaker]) => [text, speaker])).toEqual([['I could have been killed,', 'Rana Elasmar'], ['a sick man', 'Stipe Lozina']]);
  });

  it('reads an epithet as a named person, never as an unnamed description', () => {
    const body = 'Arsenal boss Mikel Arteta refused to blame the striker.\n\nThe French striker fired straight at the keeper late on.\n\n"He had a great game," said the Spaniard.';
    expect(speakers(body)[0]![1]).toBe('Mikel Arteta');
  });
});

describe('reportingClause: subjects set off or ahead of the verb', () => {
  it('reads a party tag after a name as the person\'s: "Sen. Sherrod Brown, D-Ohio, said"', () => {
    expect(speakers('U.S. Sen. Sherrod Brown, D-Ohio, said the decision was "corporate greed at its worst."')[0]![1]).toBe('Sherrod Brown');
  });

  it('follows an inverted subject to the person it names: "said University of California, San Diego\'s chancellor, Pradeep Khosla"', () => {
    expect(speakers('"Walter was the most brilliant scientist I have ever known," said University of California, San Diego\'s chancellor, Pradeep Khosla.')[0]![1]).toBe('Pradeep Khosla');
  });

  it('hangs a participle on the clause\'s subject, a person before an organisation', () => {
    expect(speakers('Former England women\'s international Eni Aluko was also left dismayed by the decision, adding: "I feel sorry for defenders."')[0]![1]).toBe('Eni Aluko');
  });

  it('resolves "the deceased\'s father" to the person printed as a father, not to the deceased', () => {
    const body = 'Louis Lyttle, son of chain boss John Lyttle, died at home. His father John identified him.\n\nLouis had plans for the future.\n\nIn a statement, the deceased\'s father said: "Louis was a positive character."';
    expect(speakers(body)[0]![1]).toBe('John Lyttle');
  });
});
