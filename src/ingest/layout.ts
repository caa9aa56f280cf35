// Reads the printed layout of a story: headline, byline, tag line, dateline, standfirst, photo caption, section
// headings, closing credit line, and the body paragraphs left between them.
import type { TextBlock } from './blocks.js';
import { IngestError } from './ingest-error.js';
import { agencyName } from './lexicon/news-agencies.js';
import { CALENDAR_WORDS, COMMON_WORDS, NON_PERSON_HEADS, PLACE_NAMES } from './lexicon/non-person-words.js';

export interface Byline {
  text: string;
  authors: string[];
  publisher: string | null;
}

export interface Layout {
  /** The headline line; null when the text is the body alone (as scrapers hand it over, the title kept apart). */
  headline: TextBlock | null;
  byline: Byline | null;
  tagLine: string | null;
  dateline: string | null;
  /** Agency in the dateline's parentheses ("WASHINGTON (AP) —"). */
  datelineAgency: string | null;
  standfirst: TextBlock | null;
  photoCaption: TextBlock | null;
  creditLine: TextBlock | null;
  contributors: string[];
  sectionHeadings: TextBlock[];
  /** Body paragraphs in reading order; the first may open with the dateline. */
  paragraphs: TextBlock[];
  /** Offset (UTF-16, raw) where the first paragraph's prose starts, after its dateline. */
  bodyStart: number;
  publishedAt: string | null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_PATTERN = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DATELINE = new RegExp(
  `^((?:[A-Z][A-Z.'’-]+)(?: [A-Z][A-Z.'’-]+){0,3}(?:, (?:[A-Z][\\p{L}.'’-]+)(?: [A-Z][\\p{L}.'’-]+){0,2})?(?:,? (?:${MONTH_PATTERN} \\d{1,2}(?:, \\d{4})?|\\d{1,2} ${MONTH_PATTERN}(?:,? \\d{4})?))?)\\s*(?:\\(([^)]{1,40})\\))?\\s*(?:—|–|--|-|:)\\s*`,
  'u',
);
/** "Sochi, Russia — " in sentence case: only with a spaced dash, so ordinary sentences never match. */
const SENTENCE_CASE_DATELINE = /^((?:[A-Z][\p{Ll}'’-]+)(?: [A-Z][\p{Ll}'’-]+){0,2}(?:, [A-Z][\p{L}.'’-]+(?: [A-Z][\p{L}.'’-]+){0,2})?)\s*(?:\(([^)]{1,40})\))?\s+(?:—|–|--)\s+/u;
/** Credits a photo caption carries whatever else it says (quotes of a sign included): "(Tony Dejak/AP Photo)",
 * "REUTERS/Ahmed Jadallah", "Image: John Lubbock (flickr)", a gallery's "[1/2]". */
const PHOTO_CREDITS = [
  /\([^()]{2,80}\/(?:AP|Reuters|AFP|Getty|EPA|Shutterstock|Bloomberg|Alamy|PA|via)\b[^)]*\)/u,
  /\b(?:REUTERS|AFP|AP|EPA)\/\p{Lu}/u,
  /\b(?:Image|Photo|Picture|Photograph|Credit)\s*:\s*.{2,60}\((?:flickr|wikimedia|wikimedia commons|twitter|instagram|facebook|file)\)/iu,
  /^\[\d+\/\d+\]/u,
];
const CAPTION_MARKERS = [
  /\((?:left|right|center|centre|L|R|C|top|bottom|front|back|foreground|background|(?:second|third) (?:from )?(?:left|right)|file(?: photo)?|pictured)\)/u,
  /^(?:photo|image|picture|file photo|caption|pictured)\s*[:|]/iu,
  /\b(?:Photograph|Photo|Image|Picture|Credit)\s*:\s*\S/u,
  /\/(?:AFP|Reuters|AP|Getty Images|EPA|Shutterstock)\b/u,
  /\((?:AP|Reuters|AFP|EPA|Getty Images)(?: Photo)?(?:\/[^)]*)?\)\s*$/u,
  /\b(?:is|are) (?:seen|pictured) (?:in|at|during|on)\b/u,
  /^(?:FILE|File)\s*[-–—:]/u,
];
const CREDIT_LINE = /^[(—–-]?\s*(?:with (?:additional )?(?:reporting|assistance) (?:by|from)|additional reporting (?:by|from)|reporting by|writing by|editing by|compiled by|contributing(?: reporting)?(?: by)?:?|contributors?:|this (?:story|report|article) (?:was|has been) (?:compiled|written|prepared|updated)|(?:the )?(?:associated press|ap|reuters|afp) (?:writers?|reporters?|correspondents?) .{1,120} contributed|.{1,160} contributed (?:to )?(?:this|the) (?:report|story|article)|.{1,200} contributed (?:reporting|research|additional reporting|data analysis)\.?$)/iu;
/** Every credit line has one of these words; testing for them first spares most paragraphs the full pattern. */
const CREDIT_HINT = /contribut|reporting|editing|writing|compiled|written|prepared|updated|assistance/iu;
const DATE_LINE = new RegExp(`^(?:(?:published|updated|posted|last updated|first published)\\s*:?\\s*)?(?:\\d{1,2}[:.]\\d{2}\\s*(?:[ap]\\.?m\\.?)?\\s*(?:[a-z]{2,4}\\b)?\\s*[,·|—–-]?\\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?(?:${MONTH_PATTERN}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH_PATTERN},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})`, 'iu');

function wordCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    const space = unit === 0x20 || (unit >= 0x09 && unit <= 0x0d) || unit === 0xa0;
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/**
 * A headline is short and, unlike a story's first paragraph, does not end with a full stop (nor with a
 * quotation closed after one). A text whose first line is prose is the body alone.
 */
function looksLikeHeadline(text: string): boolean {
  if (text.length > 250 || wordCount(text) > 30) return false;
  if (/[.,;:]["”’']?$/u.test(text) && !/\.\.\.$|…$/u.test(text)) return false;
  const sentenceEnds = text.match(/[.!?]["”’]?\s+[A-Z]/gu)?.length ?? 0;
  return sentenceEnds === 0 || wordCount(text) <= 20;
}

/** A byline printed without "By": one to three names of two or three capitalised words ("Jess Whitfield"). */
function isBareByline(text: string): boolean {
  const names = text.split(/\s*(?:,|\band\b|&)\s*/u).filter((name) => name !== '');
  if (names.length === 0 || names.length > 3) return false;
  return names.every((name) => {
    const words = name.split(/\s+/u);
    return words.length >= 2 && words.length <= 3 && words.every((word) => /^\p{Lu}[\p{Ll}'’-]+$/u.test(word)
      && !COMMON_WORDS.has(word.toLowerCase()) && !NON_PERSON_HEADS.has(word.toLowerCase()) && !CALENDAR_WORDS.has(word.toLowerCase())
      && !PLACE_NAMES.has(word.toLowerCase()));
  });
}

/**
 * "Pompeo Vows Progress" under a headline is a subheadline, not a byline: its words turn up in lower case in the
 * story, which names never do. Two-word lines need both words so found, longer ones two of them.
 */
function wordsOfProse(line: string, blocks: readonly TextBlock[], from: number): boolean {
  const words = line.split(/\s*(?:,|\band\b|&)\s*|\s+/u).filter((word) => word !== '').map((word) => word.toLowerCase());
  if (words.length === 0) return false;
  const body = blocks.slice(from).map((block) => block.text).join('\n');
  const found = words.filter((word) => containsWholeWord(body, word.replace(NOT_WORD_CHARACTER, ''))).length;
  return found >= Math.min(2, words.length) && (words.length > 2 || found === words.length);
}

const NOT_WORD_CHARACTER = /[^\p{L}'’-]/gu;
const LETTER = /\p{L}/u;

/** Whether `word` occurs in `text` with no letter right before or after it. */
function containsWholeWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = at < text.length ? text.indexOf(word, at + 1) : -1) {
    if (!LETTER.test(codePointBefore(text, at)) && !LETTER.test(String.fromCodePoint(text.codePointAt(at + word.length) ?? 0x20))) return true;
  }
  return false;
}

/** The character (a whole surrogate pair if need be) that ends right before `index`; a space at the start. */
function codePointBefore(text: string, index: number): string {
  if (index === 0) return ' ';
  const unit = text.charCodeAt(index - 1);
  if (unit >= 0xdc00 && unit <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(index - 2, index);
  }
  return text[index - 1]!;
}

function isByline(text: string): boolean {
  return /^by\s+\p{Lu}/iu.test(text) && text.length <= 160 && !/[.!?]["”]?$/u.test(text.replace(/\b(?:Jr|Sr|[A-Z])\.$/u, ''));
}

/** "By Nataliya Vasilyeva And Francesca Ebel, ASSOCIATED PRESS" → authors and publisher. */
export function parseByline(text: string): Byline {
  const body = text.replace(/^by\s+/iu, '').trim();
  const parts = body.split(/\s*(?:,|\||\s[-–—]\s|\bfor\b)\s*/u).filter((part) => part !== '');
  const authors: string[] = [];
  let publisher: string | null = null;
  parts.forEach((part, index) => {
    const agency = agencyName(part);
    if (agency) { publisher ??= agency; return; }
    const isAllCaps = /\p{Lu}{2}/u.test(part) && part === part.toUpperCase();
    if (index > 0 && isAllCaps) { publisher ??= toTitleCase(part); return; }
    if (index > 0 && /\b(?:writer|reporter|correspondent|editor|staff|contributor|columnist)\b/iu.test(part)) return;
    for (const name of part.split(/\s+(?:and|&)\s+/iu)) {
      const trimmed = name.trim();
      if (/^\p{Lu}/u.test(trimmed) && wordCount(trimmed) <= 5) authors.push(trimmed);
    }
  });
  return { text, authors, publisher };
}

function toTitleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_match, edge: string, letter: string) => edge + letter.toUpperCase());
}

/** A line of topic tags: several words, no sentence punctuation, no function words ("Industry Government diplomacy"). */
function isTagLine(text: string): boolean {
  if (/^(?:tags|topics|filed under|keywords)\s*:/iu.test(text)) return true;
  if (/[.,;:!?"“”‘’()]/u.test(text.replace(/\bU\.S\.|\bU\.K\./gu, ''))) return false;
  const words = text.split(/\s+/);
  if (words.length < 3 || words.length > 25) return false;
  if (words.some((word) => COMMON_WORDS.has(word.toLowerCase()) && word.length < 5 && !/^\p{Lu}{2,}$/u.test(word))) return false;
  const lower = words.filter((word) => /^\p{Ll}/u.test(word)).length;
  const upper = words.filter((word) => /^\p{Lu}/u.test(word)).length;
  return lower > 0 && upper > 1;
}

export function tagLineTopics(text: string): string[] {
  const explicit = /^(?:tags|topics|filed under|keywords)\s*:\s*(.*)$/iu.exec(text);
  if (explicit) return explicit[1]!.split(/\s*[,;|]\s*/u).filter((tag) => tag !== '');
  const words = text.split(/\s+/);
  const topics: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    // An adjective in lower case belongs to the noun after it ("global politics").
    if (next && /^\p{Ll}+al$/u.test(word) && /^\p{Ll}/u.test(next)) { topics.push(`${word} ${next}`); i++; continue; }
    topics.push(word);
  }
  return topics;
}

/** "Political reporter", "Health Correspondent": an author's role line under a byline. */
function isBylineRole(text: string): boolean {
  return wordCount(text) <= 5 && !/[.!?:;"“”]/u.test(text)
    && /\b(?:reporter|correspondent|editor|writer|columnist|journalist|staff|contributor|critic|analyst|producer)s?\b/iu.test(text);
}

/** A section label or the outlet's name above the story ("Football", "The long read", "The Fenwick Courier"):
 * a few words with no sentence punctuation, which no opening paragraph is. */
function isKicker(text: string): boolean {
  return wordCount(text) <= 4 && !/[.!?,;:"“”‘’']$/u.test(text) && !/["“”]/u.test(text) && /^\p{Lu}/u.test(text);
}

/** Every caption marker needs one of these; most paragraphs have none, which spares the markers' patterns. */
const CAPTION_HINT = /[(:/]|\b(?:seen|pictured|FILE|File)\b/u;

function isCaption(text: string): boolean {
  return CAPTION_HINT.test(text) && wordCount(text) <= 70 && CAPTION_MARKERS.some((marker) => marker.test(text));
}

/** Short title-case line, or a line wholly in single quotes, with no sentence-ending stop. */
function isSectionHeading(text: string): boolean {
  if (text.length > 80 || wordCount(text) > 10) return false;
  if (/[.!?:;,]$/u.test(text) || /["“”]/u.test(text)) return false;
  if (/^['‘][^'‘’]+['’]$/u.test(text)) return true;
  const words = text.replace(/['‘’]/gu, '').split(/\s+/).filter((word) => /\p{L}/u.test(word));
  if (words.length === 0) return false;
  const significant = words.filter((word) => !['a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'but', 'with', 'by', 'from', 'as', 'vs', 'is'].includes(word.toLowerCase()));
  if (significant.length === 0) return false;
  const capitalised = significant.filter((word) => /^[\p{Lu}\p{N}]/u.test(word)).length;
  return capitalised === significant.length && /^['‘]?\p{Lu}/u.test(text);
}

const MONTH_FIRST_DATE = new RegExp(`(${MONTH_PATTERN})\\s+(\\d{1,2}),?\\s+(\\d{4})`, 'iu');
const DAY_FIRST_DATE = new RegExp(`(\\d{1,2})\\s+(${MONTH_PATTERN}),?\\s+(\\d{4})`, 'iu');

function parseDate(text: string): string | null {
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const monthFirst = MONTH_FIRST_DATE.exec(text);
  const dayFirst = DAY_FIRST_DATE.exec(text);
  const parts = monthFirst ? { month: monthFirst[1]!, day: monthFirst[2]!, year: monthFirst[3]! }
    : dayFirst ? { month: dayFirst[2]!, day: dayFirst[1]!, year: dayFirst[3]! } : null;
  if (!parts) return null;
  const month = MONTHS.indexOf(parts.month.slice(0, 3).toLowerCase()) + 1;
  const day = Number(parts.day);
  if (month < 1 || day < 1 || day > 31) return null;
  return `${parts.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface Dateline {
  dateline: string;
  agency: string | null;
  /** The date the dateline gives in full ("GENEVA, March 4, 2026 —"), as YYYY-MM-DD; null without a year. */
  date: string | null;
  /** Length of the dateline prefix, dash and spaces included. */
  length: number;
}

export function readDateline(text: string): Dateline | null {
  const match = DATELINE.exec(text) ?? SENTENCE_CASE_DATELINE.exec(text);
  if (!match) return null;
  const place = match[1]!.trim();
  // An all-caps opening word that is a sentence ("THE END -") is not a place; a dateline is followed by prose.
  const rest = text.slice(match[0].length);
  // ("(This story has been corrected …)" may open the prose too.)
  if (!/^[("“‘']?[\p{Lu}\p{N}]/u.test(rest) || place.length < 3) return null;
  if (match[0].trimEnd().endsWith(':') && !/,/.test(place)) return null;
  const agency = match[2] ? agencyName(match[2]) ?? match[2].trim() : null;
  // "GENEVA, Switzerland, March 4, 2026": the place is what comes before the date.
  const dated = MONTH_FIRST_DATE.exec(place) ?? DAY_FIRST_DATE.exec(place);
  const date = dated ? parseDate(dated[0]) : null;
  const placeOnly = dated ? place.slice(0, dated.index).replace(/[,\s]+$/u, '') : place.replace(new RegExp(`,?\\s*${MONTH_PATTERN}\\s+\\d{1,2}$`, 'u'), '');
  return { dateline: placeOnly || place, agency, length: match[0].length, date };
}

/** Splits cleaned blocks into the story's parts; a text with no headline line is read as the body alone. */
export function readLayout(blocks: readonly TextBlock[]): Layout {
  let index = 0;
  let byline: Byline | null = null;
  let publishedAt: string | null = null;
  // Some pages print the byline or date above the headline.
  while (index < blocks.length && (isByline(blocks[index]!.text) || (DATE_LINE.test(blocks[index]!.text) && blocks[index]!.text.length <= 80))) {
    const text = blocks[index]!.text;
    if (isByline(text)) byline ??= parseByline(text);
    else publishedAt ??= parseDate(text);
    index++;
  }
  const first = blocks[index];
  if (!first) throw new IngestError('no-headline', 'The text has no article in it: no headline and no paragraphs.');
  const headline = looksLikeHeadline(first.text) ? first : null;
  if (headline) index++;

  let tagLine: string | null = null;
  let photoCaption: TextBlock | null = null;
  let standfirst: TextBlock | null = null;
  const headerProse: TextBlock[] = [];
  // The header zone ends at the dateline paragraph, or at the first paragraph that follows the byline.
  let datelineIndex = -1;
  for (let probe = index; probe < Math.min(blocks.length, index + 8); probe++) {
    if (readDateline(blocks[probe]!.text) && wordCount(blocks[probe]!.text) > 8) { datelineIndex = probe; break; }
  }
  const headerEnd = datelineIndex >= 0 ? datelineIndex : Math.min(blocks.length, index + 6);
  let bodyFrom = index;
  let bylineIndex = -2;
  for (let probe = index; probe < headerEnd; probe++) {
    const text = blocks[probe]!.text;
    if (isByline(text)) { byline ??= parseByline(text); bylineIndex = probe; bodyFrom = probe + 1; continue; }
    if (!byline && probe - index <= 2 && isBareByline(text) && !wordsOfProse(text, blocks, probe + 1)) { byline = parseByline(text); bylineIndex = probe; bodyFrom = probe + 1; continue; }
    if (DATE_LINE.test(text) && text.length <= 80) { publishedAt ??= parseDate(text); bodyFrom = probe + 1; continue; }
    if (isTagLine(text)) { tagLine ??= text; bodyFrom = probe + 1; continue; }
    if (byline && probe === bylineIndex + 1 && isBylineRole(text)) {
      // "Sam Hartley" / "Political reporter": the author's role printed under the name belongs to the byline.
      byline = { ...byline, text: `${byline.text}\n${text}` };
      bodyFrom = probe + 1;
      continue;
    }
    if (isKicker(text)) { bodyFrom = probe + 1; continue; }
    if (isCaption(text) && probe - index <= 3) { photoCaption ??= blocks[probe]!; bodyFrom = probe + 1; continue; }
    if (datelineIndex >= 0) { headerProse.push(blocks[probe]!); bodyFrom = probe + 1; continue; }
    // Without a dateline the header ends at the first prose block, unless a byline follows it (headline, standfirst, byline).
    const next = blocks[probe + 1];
    if (next && (isByline(next.text) || (!byline && isBareByline(next.text) && !wordsOfProse(next.text, blocks, probe + 2))) && wordCount(text) <= 60) { headerProse.push(blocks[probe]!); bodyFrom = probe + 1; continue; }
    break;
  }
  if (headerProse.length > 0) standfirst = headerProse[0]!;

  const paragraphs: TextBlock[] = headerProse.slice(1);
  const sectionHeadings: TextBlock[] = [];
  let creditLine: TextBlock | null = null;
  let dateline: string | null = null;
  let datelineAgency: string | null = null;
  let bodyStart = blocks[bodyFrom]?.start ?? headline?.end ?? 0;
  for (let probe = bodyFrom; probe < blocks.length; probe++) {
    const block = blocks[probe]!;
    const text = block.text;
    if (probe === datelineIndex || (probe === bodyFrom && datelineIndex < 0)) {
      const found = readDateline(text);
      if (found && wordCount(text) > 8) {
        dateline = found.dateline;
        datelineAgency = found.agency;
        publishedAt ??= found.date;
        bodyStart = block.start + found.length;
      }
    }
    if (CREDIT_HINT.test(text) && CREDIT_LINE.test(text) && wordCount(text) <= 40) { creditLine = block; continue; }
    if ((isCaption(text) && !/["“”]/u.test(text)) || (wordCount(text) <= 70 && PHOTO_CREDITS.some((credit) => credit.test(text)))) { photoCaption ??= block; continue; }
    if (isSectionHeading(text) && probe + 1 < blocks.length && paragraphs.length > 0) { sectionHeadings.push(block); continue; }
    paragraphs.push(block);
  }

  // A page may print its date far from the headline, among the chrome ("Updated", "Tue, February 24, 2026 at 10:50
  // AM UTC"): the first line that is only a date, before the story's first long paragraph.
  if (!publishedAt) {
    for (const block of blocks) {
      if (wordCount(block.text) > 40) break;
      if (block.text.length <= 80 && DATE_LINE.test(block.text)) { publishedAt = parseDate(block.text); break; }
    }
  }
  return {
    headline, byline, tagLine, dateline, datelineAgency, standfirst, photoCaption, creditLine,
    contributors: creditLine ? creditContributors(creditLine.text) : [],
    sectionHeadings, paragraphs, bodyStart, publishedAt,
  };
}

/** "With reporting by AP, Reuters, AFP, and TASS" → ["AP", "Reuters", "AFP", "TASS"]; people when no agency is named. */
export function creditContributors(text: string): string[] {
  const afterBy = text.replace(/^\(?\s*/u, '').replace(/\)\s*$/u, '').replace(/^.*?\b(?:by|from|contributing:?|contributors?:)\s+/iu, '');
  const parts = afterBy.split(/\s*(?:,|;|\band\b|&)\s*/iu).map((part) => part.trim().replace(/\.$/, '')).filter((part) => part !== '');
  // Only news organisations contribute as sources; the reporters and editors a credit line names are no sources.
  return parts.filter((part) => agencyName(part) !== null);
}
