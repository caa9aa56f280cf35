import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/ingest/extract.js';

function people(body: string) {
  return extractArticle(`A headline for the story\n\n${body}`).people;
}

describe('people', () => {
  it('strips titles and honorifics, keeps the role and merges surname mentions', () => {
    const found = people('French President Jacques Moreau met the press. Moreau later left. Mr. Moreau did not comment.');
    expect(found).toEqual([{
      name: 'Jacques Moreau',
      aliases: expect.arrayContaining(['French President Jacques Moreau', 'Moreau', 'Mr. Moreau']),
      role: 'French President',
      affiliation: 'France',
    }]);
  });

  it('reads a role given in apposition', () => {
    const [person] = people('The plan was drafted by Brian Holt, the special representative for trade, in March.');
    expect(person).toMatchObject({ name: 'Brian Holt', role: 'special representative for trade' });
  });

  it('does not take places, organisations, days or months for people', () => {
    const found = people('Saudi Arabia said on Monday that the Arctic Council would meet in New York in May. The Black Sea Fleet sailed. Moscow insists it is right.');
    expect(found).toEqual([]);
  });

  it('does not list the byline\'s authors as people of the story', () => {
    const draft = extractArticle('A headline for the story\n\nBy Ann Lee\n\nGENEVA (AP) — Jane Roe said the talks went well, and Ann Lee agreed.');
    expect(draft.people.map((person) => person.name)).toEqual(['Jane Roe']);
  });

  it('takes a single name as a person only with evidence (a title, or a reporting verb)', () => {
    expect(people('Chancellor Brandt spoke first. Kinzhal missiles were shown.').map((person) => person.name)).toEqual(['Brandt']);
  });
});

describe('people: organisations and places that look like names', () => {
  const names = (body: string): string[] => people(body).map((person) => person.name);

  it('does not take the rest of an organisation\'s name for a person', () => {
    expect(names('Dr. Mikkel Sandvik of the Nordic Institute for Metabolic Research said the results were clear.')).toEqual(['Mikkel Sandvik']);
    expect(names('The minister spoke to Radio Continental Sur on Monday. The Federation of Rail Drivers said it would strike.')).toEqual([]);
  });

  it('does not take a company described in apposition, or a place after its noun, for a person', () => {
    expect(names('Savanna Mobile, Kenya\'s second-largest telecoms operator, said on Monday it would cut 600 jobs.')).toEqual([]);
    expect(names('The results were published in the journal Metabolic Medicine Reports. Residents of the village Salmon Flats left.')).toEqual([]);
  });

  it('keeps plural-looking surnames', () => {
    expect(names('Rosa Parks said she was tired. Parks said it again.')).toEqual(['Rosa Parks']);
  });
});

describe('people: titles and parties', () => {
  const names = (body: string): string[] => people(body).map((person) => person.name);

  it('reads a title word after a first name as a surname', () => {
    expect(names('"Do not set off without supplies," said its president, Edmund King.')).toEqual(['Edmund King']);
  });

  it('keeps party labels and US council titles out of the name', () => {
    expect(names('Councilor Pat Long said no. Her opponent, Republican Victoria Sullivan, said yes.')).toEqual(['Pat Long', 'Victoria Sullivan']);
  });
});

describe('people: surnames that are also words for roles or places', () => {
  it('keeps Adam Driver, Howard Dean and Tom Ridge as people', () => {
    expect(people('"It was a great shoot," said Adam Driver. Former governor Howard Dean and Tom Ridge agreed.').map((person) => person.name))
      .toEqual(['Adam Driver', 'Howard Dean', 'Tom Ridge']);
  });
});
