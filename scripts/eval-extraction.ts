// Prints how well the extraction pipeline finds quotes, speakers and people on the seed oracle, the evaluation set
// and, once it is annotated, the held-out set. Run after the build: node dist/scripts/eval-extraction.js [--verbose]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extractArticle } from '../src/ingest/extract.js';
import { scoreArticle, summariseScores, type AnnotatedArticle, type ArticleScore } from '../src/ingest/evaluation.js';
import { packageRoot } from '../src/package-root.js';

interface EvaluationSet {
  name: string;
  annotations: string;
  texts: string;
}

function scoreSet(root: string, set: EvaluationSet): ArticleScore[] {
  const annotations = JSON.parse(readFileSync(path.join(root, set.annotations), 'utf8')) as { articles: AnnotatedArticle[] };
  return annotations.articles.map((article) => {
    const raw = readFileSync(path.join(root, set.texts, article.file), 'utf8');
    return scoreArticle(extractArticle(raw), article);
  });
}

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`.padStart(7);

function main(): void {
  const root = packageRoot;
  const verbose = process.argv.includes('--verbose');
  const sets: EvaluationSet[] = [
    { name: 'seeds', annotations: 'test/fixtures/expected.json', texts: 'seeds' },
    { name: 'eval', annotations: 'test/fixtures/eval/annotations.json', texts: 'test/fixtures/eval' },
    { name: 'holdout', annotations: 'test/fixtures/holdout/annotations.json', texts: 'test/fixtures/holdout' },
  ].filter((set) => existsSync(path.join(root, set.annotations)));
  console.log('set     articles  precision   recall       F1  speaker   people');
  for (const set of sets) {
    const scores = scoreSet(root, set);
    const summary = summariseScores(scores);
    console.log(`${set.name.padEnd(8)}${String(summary.articles).padStart(8)}  ${percent(summary.precision)}  ${percent(summary.recall)}  ${percent(summary.f1)}  ${percent(summary.speakerAccuracy)}  ${percent(summary.peopleRecall)}`);
    if (verbose) for (const score of scores) for (const miss of score.misses) console.log(`    ${score.file}: ${miss}`);
  }
}

main();
