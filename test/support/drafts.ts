// Article drafts built in code, for tests that need more rows than the seeds hold.
import { createHash } from 'node:crypto';
import type { ArticleDraft } from '../../src/ingest/draft.js';

/** A direct quote by `speaker`, the `position`-th of its article, attributed by a speech verb. */
export function syntheticQuote(text: string, position: number, speaker: string): ArticleDraft['quotes'][number] {
  return {
    text,
    start: position * 40,
    end: position * 40 + 20,
    speaker,
    speakerDescription: null,
    kind: 'direct',
    attribution: { method: 'speech-verb:person', confidence: 0.95 },
  };
}

export function syntheticDraft(index: number, overrides: Partial<ArticleDraft> = {}): ArticleDraft {
  const title = `Synthetic story number ${index}`;
  const speaker = `Speaker${index % 3} Testperson`;
  return {
    title,
    titleDerived: false,
    url: null,
    byline: null,
    authors: [],
    source: 'Test Wire',
    contributors: [],
    dateline: null,
    standfirst: null,
    photoCaption: null,
    creditLine: null,
    paragraphs: [`Paragraph of story ${index}.`],
    sectionHeadings: [],
    publishedAt: new Date(Date.UTC(2020, 0, 1 + index)).toISOString(),
    topics: ['Testing'],
    people: [{ name: speaker, aliases: ['Testperson'], role: null, affiliation: null }],
    quotes: [0, 1, 2].map((position) => syntheticQuote(`Quote ${position} of story ${index}.`, position, speaker)),
    contentHash: createHash('sha256').update(title).digest('hex'),
    ...overrides,
  };
}
