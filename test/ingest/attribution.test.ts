import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/ingest/extract.js';

function speakers(body: string): [string, string | null][] {
  return extractArticle(`A headline for the story\n\n${body}`).quotes.map((quote) => [quote.text, quote.speaker ?? quote.speakerDescription]);
}

describe('attribution', () => {
  it('reads "X said" and "said X"', () => {
    expect(speakers('"We will win," Jane Roe said.\n\n"We will lose," said John Doe.')).toEqual([
      ['We will win,', 'Jane Roe'], ['We will lose,', 'John Doe'],
    ]);
  });

  it('skips an appositive between the subject and the verb', () => {
    expect(speakers('Jane Roe, the finance minister, said the plan was "dead on arrival."')).toEqual([['dead on arrival.', 'Jane Roe']]);
    expect(speakers('Wang Li, who met the envoy on Monday, said China had "no interest at all."')).toEqual([['no interest at all.', 'Wang Li']]);
  });

  it('takes the subject of the reporting verb, not another person in the sentence', () => {
    expect(speakers('Jane Roe said that President John Doe was "committed to the deal."')).toEqual([['committed to the deal.', 'Jane Roe']]);
  });

  it('resolves pronouns across sentences and paragraphs', () => {
    expect(speakers('Finance Minister Jane Roe met bankers on Monday.\n\n"The budget is balanced," she said.')).toEqual([
      ['The budget is balanced,', 'Jane Roe'],
    ]);
  });

  it('resolves a title to the person of the story who holds it', () => {
    expect(speakers('U.S. District Judge Ray Cole sentenced him to six years.\n\n"This was a scheme," the judge said.')).toEqual([
      ['This was a scheme,', 'Ray Cole'],
    ]);
  });

  it('reads "according to X" and "X\'s tweet said"', () => {
    expect(speakers('The talks were "very productive," according to Jane Roe.')).toEqual([['very productive,', 'Jane Roe']]);
    expect(speakers('Jane Roe spoke on Monday. "We are ready for anything," Roe\'s tweet said.')).toEqual([['We are ready for anything,', 'Jane Roe']]);
  });

  it('keeps unnamed speakers and organisations unnamed, with who they are', () => {
    expect(speakers('"We are watching closely," a senior State Department official told reporters.')).toEqual([
      ['We are watching closely,', 'a senior State Department official'],
    ]);
    expect(speakers('The official added that it was "an opportunity to make our points clear."')).toEqual([
      ['an opportunity to make our points clear.', 'The official'],
    ]);
    const [[, speaker]] = speakers('The State Department said in a statement that it had "no plans to change course at this time."') as [[string, string | null]];
    expect(speaker).toMatch(/State Department/);
  });

  it('gives a quote with no cue the speaker of the quote or paragraph before it', () => {
    expect(speakers('"We won," Jane Roe said. "We deserved it."\n\n"Next season will be harder."')).toEqual([
      ['We won,', 'Jane Roe'], ['We deserved it.', 'Jane Roe'], ['Next season will be harder.', 'Jane Roe'],
    ]);
  });

  it('gives every paragraph of a multi-paragraph quotation one speaker', () => {
    expect(speakers('"We will fight on," said Jane Roe. "We will not stop.\n\n"Not now, not ever."')).toEqual([
      ['We will fight on,', 'Jane Roe'], ['We will not stop.', 'Jane Roe'], ['Not now, not ever.', 'Jane Roe'],
    ]);
  });

  it('reads honorific forms ("Mr. Doe said") as the full name', () => {
    expect(speakers('Senator John Doe opposed the bill.\n\n"It is a mistake," Mr. Doe said.')).toEqual([['It is a mistake,', 'John Doe']]);
  });
});
