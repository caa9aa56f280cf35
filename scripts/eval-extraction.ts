// Prints how well the extraction pipeline finds quotes, speakers and people: on the seed oracle, on the real
// corpus (tuning and held-out parts, test/fixtures/real) and on the fictional sets kept as unit cases.
// Run after the build: node dist/scripts/eval-extraction.js [--verbose] [--calibration] [--sets=real-tune,seeds,...]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extractArticle } from '../src/ingest/extract.js';
import { IngestError } from '../src/ingest/ingest-error.js';
import { scoreArticle, summariseScores, type AnnotatedArticle, type ArticleScore } from '../src/ingest/evaluation.js';
import { packageRoot } from '../src/package-root.js';

interface EvaluationSet {
  name: string;
  annotations: string;
  texts: string;
}

const SETS: EvaluationSet[] = [
  { name: 'seeds', annotations: 'test/fixtures/expected.json', texts: 'seeds' },
  { name: 'real-tune', annotations: 'test/fixtures/real/tune/annotations.json', texts: 'test/fixtures/real/tune' },
  { name: 'real-holdout', annotations: 'test/fixtures/real/holdout/annotations.json', texts: 'test/fixtures/real/holdout' },
  { name: 'fictional-eval', annotations: 'test/fixtures/eval/annotations.json', texts: 'test/fixtures/eval' },
  { name: 'fictional-holdout', annotations: 'test/fixtures/holdout/annotations.json', texts: 'test/fixtures/holdout' },
];

function scoreSet(root: string, set: EvaluationSet): ArticleScore[] {
  const annotations = JSON.parse(readFileSync(path.join(root, set.annotations), 'utf8')) as { articles: AnnotatedArticle[] };
  return annotations.articles.map((article) => {
    const raw = readFileSync(path.join(root, set.texts, article.file), 'utf8');
    try {
      return scoreArticle(extractArticle(raw), article);
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      // A refused text finds nothing: every annotated quote and person is missed.
      const empty = { quotes: [], people: [] } as unknown as Parameters<typeof scoreArticle>[0];
      const score = scoreArticle(empty, article);
      score.misses.unshift(`refused: ${error.message}`);
      return score;
    }
  });
}

function wilsonLowerBound(right: number, total: number, z = 1.645): number {
  if (total === 0) return 0;
  const share = right / total;
  const centre = share + (z * z) / (2 * total);
  const spread = z * Math.sqrt((share * (1 - share)) / total + (z * z) / (4 * total * total));
  return (centre - spread) / (1 + (z * z) / total);
}

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`.padStart(7);

function main(): void {
  const root = packageRoot;
  const verbose = process.argv.includes('--verbose');
  const calibration = process.argv.includes('--calibration');
  const chosen = process.argv.find((argument) => argument.startsWith('--sets='))?.slice('--sets='.length).split(',');
  const sets = SETS.filter((set) => existsSync(path.join(root, set.annotations)) && (!chosen || chosen.includes(set.name)));
  console.log('set                articles  precision   recall       F1  speaker   people');
  for (const set of sets) {
    const scores = scoreSet(root, set);
    const summary = summariseScores(scores);
    console.log(`${set.name.padEnd(19)}${String(summary.articles).padStart(8)}  ${percent(summary.precision)}  ${percent(summary.recall)}  ${percent(summary.f1)}  ${percent(summary.speakerAccuracy)}  ${percent(summary.peopleRecall)}`);
    if (verbose) for (const score of scores) for (const miss of score.misses) console.log(`    ${score.file}: ${miss}`);
    if (calibration) printCalibration(scores);
  }
}

/** Per attribution method: how many quotes it named a speaker for and how many of those were right; then how right
 * the attributions at or above each confidence were. */
function printCalibration(scores: readonly ArticleScore[]): void {
  const byMethod = new Map<string, { total: number; correct: number; confidence: number }>();
  const all = scores.flatMap((score) => score.attributions);
  for (const { method, confidence, correct } of all) {
    const entry = byMethod.get(method) ?? { total: 0, correct: 0, confidence };
    entry.total++;
    if (correct) entry.correct++;
    byMethod.set(method, entry);
  }
  console.log('    method                         quotes  right  accuracy  confidence');
  for (const [method, { total, correct, confidence }] of [...byMethod].sort((a, b) => b[1].total - a[1].total)) {
    console.log(`    ${method.padEnd(30)}${String(total).padStart(7)}${String(correct).padStart(7)}  ${percent(correct / total)}     ${confidence.toFixed(2)}`);
  }
  // What src/ingest/confidence.ts should say: the share right, estimated conservatively (the lower end of its one-sided
  // 95% Wilson interval), so that a rule seen right on few quotes does not claim certainty.
  const suggested = [...byMethod].map(([method, { total, correct }]) => `'${method}': ${(Math.floor(wilsonLowerBound(correct, total) * 100) / 100).toFixed(2)}`);
  console.log(`    suggested confidence: { ${suggested.join(', ')} }`);
  for (const threshold of [0.5, 0.7, 0.8, 0.9, 0.95]) {
    const above = all.filter((attribution) => attribution.confidence >= threshold);
    const right = above.filter((attribution) => attribution.correct).length;
    console.log(`    confidence >= ${threshold.toFixed(2)}: ${above.length} attributions, ${percent(above.length === 0 ? 1 : right / above.length)} right`);
  }
}

main();
