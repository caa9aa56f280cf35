// Drops the page chrome that scrapers keep around a story: navigation, share buttons, ads, related-story lists.
import type { TextBlock } from './blocks.js';
import { PAGE_CHROME_PATTERNS, PAGE_CHROME_PHRASES, PAGE_CHROME_PREFIXES, RELATED_LIST_MARKERS } from './lexicon/page-chrome.js';

// Longest first, so "related stories" wins over "related" when a line runs phrases together.
const PHRASES_LONGEST_FIRST = [...PAGE_CHROME_PHRASES].sort((a, b) => b.length - a.length);
/** The phrases by their first character, longest first, so a position is only tried against phrases that can match. */
const PHRASES_BY_FIRST_CHARACTER = new Map<string, string[]>();
for (const phrase of PHRASES_LONGEST_FIRST) {
  const list = PHRASES_BY_FIRST_CHARACTER.get(phrase[0]!) ?? [];
  list.push(phrase);
  PHRASES_BY_FIRST_CHARACTER.set(phrase[0]!, list);
}
const RELATED_MARKERS = new Set(RELATED_LIST_MARKERS);
const LONGEST_CHROME_LINE = 120;
const LONGEST_PREFIX = Math.max(...PAGE_CHROME_PREFIXES.map((prefix) => prefix.length));

/** True when the line is made only of chrome phrases, possibly run together ("Related StoriesAccessibility links"). */
export function isPageChrome(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed === '') return true;
  // Lower-casing never shortens text, so a line too long for chrome is only checked for chrome openings.
  const tooLong = trimmed.length > LONGEST_CHROME_LINE;
  const lower = (tooLong ? trimmed.slice(0, LONGEST_PREFIX + 1) : trimmed).toLowerCase();
  for (const prefix of PAGE_CHROME_PREFIXES) if (lower.startsWith(prefix)) return true;
  // Chrome lines are short; a paragraph never consists of chrome phrases alone.
  if (tooLong || lower.length > LONGEST_CHROME_LINE) return false;
  if (PAGE_CHROME_PATTERNS.some((pattern) => pattern.test(lower))) return true;
  return consumesAll(lower.replace(/[\s|•·›»>\-–—:]+/gu, ' ').trim(), 0);
}

function consumesAll(line: string, from: number): boolean {
  let position = from;
  while (position < line.length && line[position] === ' ') position++;
  if (position >= line.length) return true;
  for (const phrase of PHRASES_BY_FIRST_CHARACTER.get(line[position]!) ?? []) {
    if (line.startsWith(phrase, position)) {
      const after = position + phrase.length;
      // A phrase must end at a word edge, or run straight into the next capitalised phrase of the original.
      if (consumesAll(line, after)) return true;
    }
  }
  return false;
}

function isRelatedMarker(line: string): boolean {
  const lower = line.toLowerCase().trim();
  for (const marker of RELATED_MARKERS) if (lower.startsWith(marker)) return true;
  return false;
}

/** A headline-like link in a related-stories list: short, and not a sentence. */
function looksLikeLink(line: string): boolean {
  return line.length <= 120 && !/[.!?]["”’]?$/u.test(line) && !/["“”]/u.test(line);
}

export interface CleanedBlocks {
  blocks: TextBlock[];
  /** Chrome lines that were dropped, for inspection. */
  dropped: TextBlock[];
}

export function removePageChrome(blocks: readonly TextBlock[]): CleanedBlocks {
  const kept: TextBlock[] = [];
  const dropped: TextBlock[] = [];
  let inRelatedList = false;
  for (const block of blocks) {
    if (isPageChrome(block.text)) {
      dropped.push(block);
      // Only a list that closes the page is skipped; above the headline "Related" lines are plain navigation. The
      // list's own section labels are chrome too and keep it going.
      inRelatedList = (inRelatedList || isRelatedMarker(block.text)) && kept.length > 3;
      continue;
    }
    if (inRelatedList && looksLikeLink(block.text)) {
      dropped.push(block);
      continue;
    }
    inRelatedList = false;
    kept.push(block);
  }
  return { blocks: kept, dropped };
}
