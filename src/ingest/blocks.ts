// Splits raw text into blocks (one paragraph, heading or page line each) that keep their offsets in the raw text.

/** A run of text in the raw input; `start`/`end` are UTF-16 indices into it, `text` is exactly that slice. */
export interface TextBlock {
  text: string;
  start: number;
  end: number;
}

const ENDS_LIKE_PARAGRAPH = /[.!?:;"”’')\]]$/u;

/**
 * Every non-empty line is a block, except that a hard-wrapped paragraph (a line that stops mid-sentence directly
 * followed by a line starting in lower case) is rejoined, so quotes and sentences are not cut at line ends.
 */
export function splitBlocks(rawText: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let lineStart = 0;
  let previousWasBlank = true;
  while (lineStart <= rawText.length) {
    let lineEnd = rawText.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = rawText.length;
    let start = lineStart;
    let end = lineEnd;
    while (start < end && isSpace(rawText.charCodeAt(start))) start++;
    while (end > start && isSpace(rawText.charCodeAt(end - 1))) end--;
    if (start === end) {
      previousWasBlank = true;
    } else {
      const text = rawText.slice(start, end);
      const previous = blocks[blocks.length - 1];
      if (previous && !previousWasBlank && !ENDS_LIKE_PARAGRAPH.test(previous.text) && /^[a-z]/.test(text)) {
        previous.end = end;
        previous.text = rawText.slice(previous.start, end);
      } else {
        blocks.push({ text, start, end });
      }
      previousWasBlank = false;
    }
    lineStart = lineEnd + 1;
  }
  return blocks;
}

function isSpace(unit: number): boolean {
  return unit === 0x20 || unit === 0x09 || unit === 0x0d || unit === 0x0a || unit === 0xa0 || unit === 0x0c || unit === 0x0b
    || unit === 0x2009 || unit === 0x200a || unit === 0x202f || unit === 0x3000 || unit === 0xfeff;
}
