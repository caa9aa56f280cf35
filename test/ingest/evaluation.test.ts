import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ArticleDraft } from '../../src/ingest/draft.js';
import { scoreArticle, summariseScores, type AnnotatedArticle } from '../../src/ingest/evaluation.js';
import { extractArticle } from '../../src/ingest/extract.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const evalDirectory = path.resolve(here, '../fixtures/eval');

function draftWith(quotes: ArticleDraft['quotes'], people: ArticleDraft['people'] = []): ArticleDraft {
  return {
    title: 't', titleDerived: false, url: null, byline: null, authors: [], source: null, contributors: [], dateline: null, standfirst: null,
    photoCaption: null, creditLine: null, paragraphs: [], sectionHeadings: [], publishedAt: null, topics: [],
    people, quotes, contentHash: '',
  };
}

const annotation: AnnotatedArticle = {
  file: 'x.txt',
  people: [{ name: 'Jane Doe', aliases: ['Ms. Doe'] }],
  quotes: [
    { text: 'one two three four five six seven eight nine ten', start: 0, end: 50, speaker: 'Jane Doe' },
    { text: 'unnamed', start: 100, end: 107, speaker: null },
  ],
};

describe('scoreArticle', () => {
  it('counts a predicted quote that covers at least 80% of the annotated one', () => {
    const score = scoreArticle(draftWith([
      { text: '', start: 5, end: 50, speaker: 'Doe', speakerDescription: null, kind: 'direct', attribution: { method: 'speech-verb:person', confidence: 0.9 } },
      { text: '', start: 100, end: 107, speaker: null, speakerDescription: 'a spokesman', kind: 'partial', attribution: { method: 'speech-verb:description', confidence: 0.8 } },
    ]), annotation);
    expect(score.matchedQuotes).toBe(2);
    expect(score.correctSpeakers).toBe(2);
  });

  it('does not count a quote that covers less than 80%', () => {
    const score = scoreArticle(draftWith([{ text: '', start: 20, end: 50, speaker: 'Jane Doe', speakerDescription: null, kind: 'direct', attribution: { method: 'speech-verb:person', confidence: 0.9 } }]), annotation);
    expect(score.matchedQuotes).toBe(0);
    expect(score.misses).toContain('extra quote ""');
  });

  it('marks a named speaker wrong where the annotation says the speaker is unnamed', () => {
    const score = scoreArticle(draftWith([{ text: '', start: 100, end: 107, speaker: 'Jane Doe', speakerDescription: null, kind: 'direct', attribution: { method: 'speech-verb:person', confidence: 0.9 } }]), annotation);
    expect(score.correctSpeakers).toBe(0);
  });

  it('finds a person under any form of their name', () => {
    const score = scoreArticle(draftWith([], [{ name: 'Doe', aliases: ['Ms. Doe'], role: null, affiliation: null }]), annotation);
    expect(score.foundPeople).toBe(1);
  });
});

describe('summariseScores', () => {
  it('micro-averages precision, recall and F1 over articles', () => {
    const summary = summariseScores([
      { file: 'a', predictedQuotes: 4, annotatedQuotes: 2, matchedQuotes: 2, correctSpeakers: 1, annotatedPeople: 2, foundPeople: 1, attributions: [], misses: [] },
    ]);
    expect(summary.precision).toBe(0.5);
    expect(summary.recall).toBe(1);
    expect(summary.f1).toBeCloseTo(2 / 3);
    expect(summary.speakerAccuracy).toBe(0.5);
    expect(summary.peopleRecall).toBe(0.5);
  });
});
