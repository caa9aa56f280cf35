// Scores extracted drafts against hand annotations: quote precision, recall and F1 (a predicted quote counts when
// it covers at least 80% of an annotated one), speaker accuracy on matched quotes, and people recall. Pure.
import type { ArticleDraft } from './draft.js';

export interface AnnotatedQuote {
  text: string;
  start: number;
  end: number;
  speaker: string | null;
}

export interface AnnotatedPerson {
  name: string;
  aliases?: string[];
  crossDocumentAliases?: string[];
}

export interface AnnotatedArticle {
  file: string;
  quotes: AnnotatedQuote[];
  people: AnnotatedPerson[];
}

export interface ArticleScore {
  file: string;
  predictedQuotes: number;
  annotatedQuotes: number;
  matchedQuotes: number;
  correctSpeakers: number;
  annotatedPeople: number;
  foundPeople: number;
  /** Each matched quote's attribution evidence and whether its speaker was right, for calibrating confidence. */
  attributions: { method: string; confidence: number; correct: boolean }[];
  /** What went wrong, for a person reading the report. */
  misses: string[];
}

export interface ScoreSummary {
  articles: number;
  precision: number;
  recall: number;
  f1: number;
  speakerAccuracy: number;
  peopleRecall: number;
}

/** Share of the annotated span covered by the predicted one that counts as a match. */
export const MIN_QUOTE_OVERLAP = 0.8;

function overlapShare(predicted: { start: number; end: number }, annotated: { start: number; end: number }): number {
  const overlap = Math.min(predicted.end, annotated.end) - Math.max(predicted.start, annotated.start);
  const length = annotated.end - annotated.start;
  return length <= 0 ? 0 : Math.max(0, overlap) / length;
}

function normaliseName(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/[’']/gu, "'").replace(/\s+/gu, ' ').trim();
}

/** Every form of an annotated person's name, and its last word as a surname. */
function nameForms(person: AnnotatedPerson): Set<string> {
  return new Set([person.name, ...(person.aliases ?? []), ...(person.crossDocumentAliases ?? [])].map(normaliseName));
}

function surname(name: string): string {
  const words = normaliseName(name).split(' ');
  return words[words.length - 1] ?? '';
}

/** Whether a predicted name is a form of the annotated person: an exact form, or the same full name's surname. */
function isFormOf(predicted: string, person: AnnotatedPerson): boolean {
  const forms = nameForms(person);
  const normalised = normaliseName(predicted);
  if (forms.has(normalised)) return true;
  for (const form of forms) {
    if (form.endsWith(` ${normalised}`) || normalised.endsWith(` ${form}`)) return true;
  }
  return surname(predicted) === surname(person.name) && normalised.split(' ')[0] === normaliseName(person.name).split(' ')[0];
}

export function scoreArticle(draft: ArticleDraft, annotation: AnnotatedArticle): ArticleScore {
  const misses: string[] = [];
  const attributions: ArticleScore['attributions'] = [];
  const used = new Set<number>();
  let matchedQuotes = 0;
  let correctSpeakers = 0;
  for (const annotated of annotation.quotes) {
    let best = -1;
    let bestShare = 0;
    draft.quotes.forEach((predicted, index) => {
      if (used.has(index)) return;
      const share = overlapShare(predicted, annotated);
      if (share > bestShare) { bestShare = share; best = index; }
    });
    if (best < 0 || bestShare < MIN_QUOTE_OVERLAP) {
      misses.push(`missed quote "${annotated.text.slice(0, 50)}"`);
      continue;
    }
    used.add(best);
    matchedQuotes++;
    const predicted = draft.quotes[best]!;
    const person = annotated.speaker === null ? null : annotation.people.find((candidate) => candidate.name === annotated.speaker) ?? { name: annotated.speaker };
    const correct = person === null ? predicted.speaker === null : predicted.speaker !== null && isFormOf(predicted.speaker, person);
    attributions.push({ method: predicted.attribution?.method ?? 'none', confidence: predicted.attribution?.confidence ?? 0, correct });
    if (correct) correctSpeakers++;
    else misses.push(`speaker of "${annotated.text.slice(0, 40)}": expected ${annotated.speaker ?? 'unnamed'}, got ${predicted.speaker ?? 'unnamed'}`);
  }
  draft.quotes.forEach((predicted, index) => {
    if (!used.has(index)) misses.push(`extra quote "${predicted.text.slice(0, 50)}"`);
  });
  let foundPeople = 0;
  for (const person of annotation.people) {
    const found = draft.people.some((predicted) => [predicted.name, ...predicted.aliases].some((form) => isFormOf(form, person)));
    if (found) foundPeople++;
    else misses.push(`missed person ${person.name}`);
  }
  return {
    file: annotation.file,
    predictedQuotes: draft.quotes.length,
    annotatedQuotes: annotation.quotes.length,
    matchedQuotes,
    correctSpeakers,
    annotatedPeople: annotation.people.length,
    foundPeople,
    attributions,
    misses,
  };
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 1 : numerator / denominator;
}

/** Micro-averaged scores over a set of articles. */
export function summariseScores(scores: readonly ArticleScore[]): ScoreSummary {
  const total = (pick: (score: ArticleScore) => number): number => scores.reduce((sum, score) => sum + pick(score), 0);
  const matched = total((score) => score.matchedQuotes);
  const precision = ratio(matched, total((score) => score.predictedQuotes));
  const recall = ratio(matched, total((score) => score.annotatedQuotes));
  return {
    articles: scores.length,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    speakerAccuracy: ratio(total((score) => score.correctSpeakers), matched),
    peopleRecall: ratio(total((score) => score.foundPeople), total((score) => score.annotatedPeople)),
  };
}
