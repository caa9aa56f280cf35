import { describe, expect, it } from 'vitest';
import { splitBlocks } from '../../src/ingest/blocks.js';
import { isPageChrome, removePageChrome } from '../../src/ingest/clean.js';

describe('isPageChrome', () => {
  it('recognises chrome phrases alone and run together', () => {
    expect(isPageChrome('Print this page')).toBe(true);
    expect(isPageChrome('Related StoriesAccessibility links')).toBe(true);
    expect(isPageChrome('Share this | Advertisement')).toBe(true);
    expect(isPageChrome('Read more: what the deal means for you')).toBe(true);
  });

  it('keeps prose that merely starts with a chrome word', () => {
    expect(isPageChrome('More than 100 people were hurt.')).toBe(false);
    expect(isPageChrome('Printing presses stopped on Monday.')).toBe(false);
  });
});

describe('removePageChrome', () => {
  it('drops a related-stories list at the end of the page', () => {
    const raw = 'Headline\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n\nFourth.\n\nRelated Stories\n\nOther story headline\n\nAnother one here';
    const { blocks } = removePageChrome(splitBlocks(raw));
    expect(blocks.map((block) => block.text)).toEqual(['Headline', 'First paragraph.', 'Second paragraph.', 'Third paragraph.', 'Fourth.']);
  });
});

describe('splitBlocks', () => {
  it('keeps raw offsets and rejoins hard-wrapped lines', () => {
    const raw = 'Title\n\nThe minister said the plan\nwould work.\n';
    const blocks = splitBlocks(raw);
    expect(blocks.map((block) => block.text)).toEqual(['Title', 'The minister said the plan\nwould work.']);
    expect(raw.slice(blocks[1]!.start, blocks[1]!.end)).toBe(blocks[1]!.text);
  });
});

describe('chrome around real pages', () => {
  it('drops a closing list of other stories through its section labels, and newsletter and follow lines', () => {
    const blocks = ['Story headline', 'The story paragraph one is long enough to be prose.', 'Second paragraph of the story, also prose.',
      'Third paragraph, the last of the story.', 'In Other News', 'Entertainment', 'Robert Carradine’s manner of death confirmed, according to medical examiner',
      'Finance', 'Anthropic says it will challenge a designation in court'];
    const text = blocks.join('\n\n');
    const kept = removePageChrome(splitBlocks(text)).blocks.map((block) => block.text);
    expect(kept).toEqual(blocks.slice(0, 4));
    expect(isPageChrome('Get Our Top Investigations Subscribe to the Big Story newsletter.')).toBe(true);
    expect(isPageChrome('Follow Nightengale on Twitter and Facebook')).toBe(true);
  });
});
