import { describe, expect, it } from 'vitest';
import { tagLineTopics } from '../../src/ingest/layout.js';
import { normaliseTopic, properWordsOf, topicsFromContent, uniqueTopics } from '../../src/ingest/topics.js';
import { tokenize } from '../../src/ingest/tokens.js';

describe('topics', () => {
  it('splits a site tag line into normalised topics', () => {
    expect(uniqueTopics(tagLineTopics('Industry Government diplomacy global politics Russia trade US'))).toEqual([
      'industry', 'government', 'diplomacy', 'global politics', 'Russia', 'trade', 'US',
    ]);
    expect(uniqueTopics(tagLineTopics('Tags: Climate, Energy Policy , EU'))).toEqual(['climate', 'energy policy', 'EU']);
  });

  it('normalises case and spacing so the same topic is one topic', () => {
    expect(normaliseTopic('  Arms   Control ')).toBe('arms control');
    expect(normaliseTopic('NATO')).toBe('NATO');
  });

  it('takes recurring capitalised names from the content, leaving people out', () => {
    const topics = topicsFromContent(['The Arctic Council met in Oslo.', 'The Arctic Council agreed.', 'Jane Roe spoke in Oslo.'], ['Jane Roe']);
    expect(topics).toEqual(['Arctic Council', 'Oslo']);
  });

  it('keeps the capitals of places and of words the story capitalises mid-sentence', () => {
    const paragraphs = ['The Arctic Council met in Oslo.', 'Ministers of the Arctic Council agreed in Oslo.'];
    const properWords = properWordsOf(paragraphs.map((paragraph) => tokenize(paragraph)));
    expect(topicsFromContent(paragraphs, [], properWords)).toEqual(['Arctic Council', 'Oslo']);
    expect(uniqueTopics(['Russia', 'Trade'])).toEqual(['Russia', 'trade']);
  });
});
