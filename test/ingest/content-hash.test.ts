import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentHash, normaliseForHash } from '../../src/ingest/content-hash.js';

describe('contentHash', () => {
  it('is the lower-case hex SHA-256 of the normalised text', () => {
    expect(contentHash('Title\nBody')).toBe(createHash('sha256').update('Title\nBody').digest('hex'));
  });

  it('ignores CRLF line endings, trailing spaces and outer blank lines', () => {
    expect(normaliseForHash('\n\r\nTitle  \r\nBody\t\n\n')).toBe('Title\nBody');
    expect(contentHash('\n\nTitle \r\nBody\n\n')).toBe(contentHash('Title\nBody'));
  });

  it('keeps blank lines between paragraphs', () => {
    expect(contentHash('Title\n\nBody')).not.toBe(contentHash('Title\nBody'));
  });
});
