// Prints how well the extraction pipeline finds quotes, speakers and people: on the seed oracle, on the real
// corpus (tuning and held-out parts, test/fixtures/real) and on the fictional sets kept as unit cases.
// Run after the build: node dist/scripts/eval-extraction.js [--verbose] [--sets real-tune,seeds,...]
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

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`.padStart(7);

function main(): void {
  const root = packageRoot;
  const verbose = process.argv.includes('--verbose');
  const chosen = process.argv.find((argument) => argument.startsWith('--sets='))?.slice('--sets='.length).split(',');
  const sets = SETS.filter((set) => existsSync(path.join(root, set.annotations)) && (!chosen || chosen.includes(set.name)));
  console.log('set                articles  precision   recall       F1  speaker   people');
  for (const set of sets) {
    const scores = scoreSet(root, set);
    const summary = summariseScores(scores);
    console.log(`${set.name.padEnd(19)}${String(summary.articles).padStart(8)}  ${percent(summary.precision)}  ${percent(summary.recall)}  ${percent(summary.f1)}  ${percent(summary.speakerAccuracy)}  ${percent(summary.peopleRecall)}`);
    if (verbose) for (const score of scores) for (const miss of score.misses) console.log(`    ${score.file}: ${miss}`);
  }
}

main();
