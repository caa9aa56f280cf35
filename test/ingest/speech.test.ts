import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/ingest/extract.js';

function quotes(body: string) {
  return extractArticle(`A headline for the story\n\n${body}`).quotes.map((quote) => ({ text: quote.text, kind: quote.kind }));
}

describe('speech versus scare quotes and titles', () => {
  it('drops a short quoted label with no reporting verb', () => {
    expect(quotes('The army tested a new "hypersonic" missile on Tuesday.')).toEqual([]);
  });

  it('keeps a one-word quote that a speaker is reported as using', () => {
    expect(quotes('A Kremlin spokesman rejected the notion that the visit was an intentional "message" to the West.')).toEqual([
      { text: 'message', kind: 'partial' },
    ]);
  });

  it('drops titles of works and so-called labels', () => {
    expect(quotes('Her new book, "Quiet Machines," sold well. He mocked the so-called "pipe czar" on Monday.')).toEqual([]);
  });

  it('does not take the headline\'s quote as a quote of the body', () => {
    const draft = extractArticle('Leader says \'we will not back down\'\n\n"We will not back down," Jane Roe said.');
    expect(draft.quotes.map((quote) => quote.text)).toEqual(['We will not back down,']);
  });

  it('tells a direct quotation from a partial one', () => {
    expect(quotes('"We are ready," Jane Roe said, adding that talks were "going well." She added: "Let us see."')).toEqual([
      { text: 'We are ready,', kind: 'direct' },
      { text: 'going well.', kind: 'partial' },
      { text: 'Let us see.', kind: 'direct' },
    ]);
  });
});

describe('isSpeech on descriptions and labels', () => {
  const quotes = (body: string): string[] => extractArticle(`A headline for the story\n\n${body}`).quotes.map((quote) => quote.text);

  it('takes a description after a work noun as speech, a title after it not', () => {
    expect(quotes('One reviewer called the book "a masterpiece of quiet cruelty"; another disagreed.')).toEqual(['a masterpiece of quiet cruelty']);
    expect(quotes('She starred in the film "Winter Lessons" last year.')).toEqual([]);
  });

  it('does not take a short capitalised phrase inside a sentence for a sentence of its own', () => {
    expect(quotes('The video was viewed four million times in a week, the book\'s "TikTok moment."')).toEqual([]);
  });
});

describe('words that are nobody\'s speech', () => {
  it('refuses sign and banner text, a referendum question and a bracketed translation', () => {
    const quotes = (body: string) => extractArticle(`A headline for the story\n\n${body}`).quotes.map((quote) => quote.text);
    expect(quotes('People held a banner saying "united in diversity" and marched. Others carried placards reading "Stop the war now".')).toEqual([]);
    expect(quotes('Voters were asked the referendum question "Should Scotland be an independent country?" in 2014.')).toEqual([]);
    expect(quotes('He shouted "kuffar" ("unbelievers") at the crowd, the officer said, adding that he was "very calm afterwards, calm and quiet".'))
      .toEqual(['kuffar', 'very calm afterwards, calm and quiet']);
  });
});
