import { describe, expect, it } from 'vitest';
import { tagLineTopics } from '../../src/ingest/layout.js';
import { normaliseTopic, topicsFromContent, uniqueTopics } from '../../src/ingest/topics.js';

describe('topics', () => {
  it('splits a site tag line into normalised topics', () => {
    expect(uniqueTopics(tagLineTopics('Industry Government diplomacy global politics Russia trade US'))).toEqual([
      'industry', 'government', 'diplomacy', 'global politics', 'russia', 'trade', 'US',
    ]);
    expect(uniqueTopics(tagLineTopics('Tags: Climate, Energy Policy , EU'))).toEqual(['climate', 'energy policy', 'EU']);
  });

  it('normalises case and spacing so the same topic is one topic', () => {
    expect(normaliseTopic('  Arms   Control ')).toBe('arms control');
    expect(normaliseTopic('NATO')).toBe('NATO');
  });

  it('takes recurring capitalised names from the content, leaving people out', () => {
    const topics = topicsFromContent(['The Arctic Council met in Oslo.', 'The Arctic Council agreed.', 'Jane Roe spoke in Oslo.'], ['Jane Roe']);
    expect(topics).toEqual(['arctic council', 'oslo']);
  });
});
