// A stable fingerprint of an article's text, blind to line-ending and trailing-space noise.
import { createHash } from 'node:crypto';

/** A CR anywhere, or whitespace (other than a newline) at the end of a line or of the text. */
const NEEDS_LINE_NORMALISING = /\r|[^\S\n](?:\n|$)/u;

/** CRLF (and lone CR) to LF, trailing whitespace stripped from every line, outer blank lines removed. */
export function normaliseForHash(rawText: string): string {
  // Most texts have no CR and no trailing space on any line: then only the outer blank lines go.
  if (!NEEDS_LINE_NORMALISING.test(rawText)) {
    let first = 0;
    let last = rawText.length;
    while (first < last && rawText.charCodeAt(first) === 0x0a) first++;
    while (last > first && rawText.charCodeAt(last - 1) === 0x0a) last--;
    return rawText.slice(first, last);
  }
  const lines = rawText.replace(/\r\n?/g, '\n').split('\n').map((line) => line.trimEnd()); // trimEnd strips exactly what /\s+$/u matches
  let first = 0;
  let last = lines.length - 1;
  while (first <= last && lines[first] === '') first++;
  while (last >= first && lines[last] === '') last--;
  return lines.slice(first, last + 1).join('\n');
}

/** Lower-case hex SHA-256 of the normalised text. */
export function contentHash(rawText: string): string {
  return createHash('sha256').update(normaliseForHash(rawText), 'utf8').digest('hex');
}
