import { describe, expect, it } from 'vitest';
import { splitBlocks } from '../../src/ingest/blocks.js';
import { isPageChrome } from '../../src/ingest/clean.js';
import { creditContributors, parseByline, readDateline, readLayout } from '../../src/ingest/layout.js';

describe('parseByline', () => {
  it('splits authors and takes an all-caps agency after the comma as the publisher', () => {
    expect(parseByline('By Jane Roe And John Doe, ASSOCIATED PRESS')).toEqual({
      text: 'By Jane Roe And John Doe, ASSOCIATED PRESS', authors: ['Jane Roe', 'John Doe'], publisher: 'Associated Press',
    });
    expect(parseByline('By Jane Roe | Reuters').publisher).toBe('Reuters');
    expect(parseByline('By Jane Roe').publisher).toBeNull();
  });
});

describe('readDateline', () => {
  it('reads the place and the agency of the usual dateline forms', () => {
    expect(readDateline('SOCHI, Russia—U.S. officials met.')).toMatchObject({ dateline: 'SOCHI, Russia', agency: null });
    expect(readDateline('WASHINGTON (AP) — The Senate voted.')).toMatchObject({ dateline: 'WASHINGTON', agency: 'Associated Press' });
    // The place is the dateline; its date is the article's when the year is printed.
    expect(readDateline('LONDON, May 3 (Reuters) - Shares fell.')).toMatchObject({ dateline: 'LONDON', agency: 'Reuters', date: null });
    expect(readDateline('GENEVA, Switzerland, March 4, 2026 — Talks resumed.')).toMatchObject({ dateline: 'GENEVA, Switzerland', date: '2026-03-04' });
    expect(readDateline('LONDON, 4 March 2026 - Ministers met.')).toMatchObject({ dateline: 'LONDON', date: '2026-03-04' });
  });

  it('does not read an ordinary sentence as a dateline', () => {
    expect(readDateline('The minister said on Monday that talks would resume.')).toBeNull();
  });
});

describe('readLayout', () => {
  const raw = [
    'Talks resume in Geneva',
    'By Ann Lee',
    'Published: 14 May 2019',
    'Negotiators will meet again next week, officials said.',
    'GENEVA (AFP) — Negotiators from both sides met on Monday for the first time in a year, diplomats said.',
    'Delegates (left) arrive at the venue on Monday.',
    'A New Start',
    'The talks are expected to last three days.',
    'Reporting by Ann Lee; Editing by Tom Hart',
  ].join('\n\n');
  const layout = readLayout(splitBlocks(raw));

  it('reads headline, byline, date, standfirst and dateline', () => {
    expect(layout.headline?.text).toBe('Talks resume in Geneva');
    expect(layout.byline?.authors).toEqual(['Ann Lee']);
    expect(layout.publishedAt).toBe('2019-05-14');
    expect(layout.standfirst?.text).toBe('Negotiators will meet again next week, officials said.');
    expect(layout.dateline).toBe('GENEVA');
    expect(layout.datelineAgency).toBe('Agence France-Presse');
  });

  it('separates caption, section heading and credit line from the body paragraphs', () => {
    expect(layout.photoCaption?.text).toBe('Delegates (left) arrive at the venue on Monday.');
    expect(layout.sectionHeadings.map((block) => block.text)).toEqual(['A New Start']);
    expect(layout.creditLine?.text).toBe('Reporting by Ann Lee; Editing by Tom Hart');
    expect(layout.paragraphs.map((block) => block.text)).toEqual([
      'GENEVA (AFP) — Negotiators from both sides met on Monday for the first time in a year, diplomats said.',
      'The talks are expected to last three days.',
    ]);
  });
});

describe('creditContributors', () => {
  it('names the agencies of a credit line, never its reporters or editors', () => {
    expect(creditContributors('With reporting by AP, Reuters, AFP, and TASS')).toEqual(['AP', 'Reuters', 'AFP', 'TASS']);
    expect(creditContributors('Reporting by Ann Lee and Tom Hart')).toEqual([]);
    expect(creditContributors('(Reporting by Anna Petrova; Editing by John Smith)')).toEqual([]);
  });
});

describe('readLayout header lines', () => {
  const layoutOf = (lines: string[]) => readLayout(splitBlocks(lines.join('\n\n')));
  const opening = 'The minister said on Monday that talks with the unions would resume next week in the capital.';

  it('keeps an author role line with the byline and skips section labels and outlet names', () => {
    const layout = layoutOf(['Housing plans face revolt', 'Sam Hartley', 'Political reporter', 'The Fenwick Courier', opening]);
    expect(layout.byline?.text).toBe('Sam Hartley\nPolitical reporter');
    expect(layout.byline?.authors).toEqual(['Sam Hartley']);
    expect(layout.paragraphs.map((block) => block.text)).toEqual([opening]);
  });

  it('reads date lines that open with a time, and drops relative publication times and reading times', () => {
    const layout = layoutOf(['Housing plans face revolt', 'By Sam Hartley', '8:14 AM PDT · March 12, 2025', 'Football', opening]);
    expect(layout.publishedAt).toBe('2025-03-12');
    expect(layout.paragraphs.map((block) => block.text)).toEqual([opening]);
    expect(isPageChrome('Published 3 hours ago')).toBe(true);
    expect(isPageChrome('5 min read')).toBe(true);
    expect(isPageChrome('SKIP ADVERTISEMENT')).toBe(true);
  });
});

describe('readLayout standfirst and bare byline', () => {
  it('reads a standfirst followed by a byline without "By"', () => {
    const layout = readLayout(splitBlocks([
      'Families describe chaos at border crossing', 'Thousands queued for up to 14 hours at the crossing at the weekend',
      'Priya Nair and Luke Harding', 'Families stranded at the port for up to 14 hours have described scenes of chaos on Saturday.',
    ].join('\n\n')));
    expect(layout.standfirst?.text).toBe('Thousands queued for up to 14 hours at the crossing at the weekend');
    expect(layout.byline?.authors).toEqual(['Priya Nair', 'Luke Harding']);
  });
});

describe('readLayout subheadlines', () => {
  it('does not read a Title Case subheadline whose words the story uses in lower case as a byline', () => {
    const layout = readLayout(splitBlocks(['Talks in Sochi end', 'Pompeo Vows Progress', 'Pompeo said progress was made on Tuesday, and he vows to return next month.'].join('\n\n')));
    expect(layout.byline).toBeNull();
    const named = readLayout(splitBlocks(['Talks in Sochi end', 'Jess Whitfield', 'Pompeo said progress was made on Tuesday, and he vows to return next month.'].join('\n\n')));
    expect(named.byline?.authors).toEqual(['Jess Whitfield']);
  });
});
