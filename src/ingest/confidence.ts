// How sure the pipeline is of each kind of attribution: the share of attributions made by each rule (and kind of
// subject) that were right on the real-news tuning corpus (test/fixtures/real/tune), estimated conservatively as the
// lower end of its Wilson interval at one standard error, so that a rule seen right on few quotes claims no certainty.
// `npm run eval:extraction -- --calibration` prints the counts and the values to put here. Editors review the least
// sure attributions first.
import type { AttributionRule } from './attribution/attribution.js';
import type { AttributionEvidence } from './draft.js';

/**
 * Confidence by rule and subject; a rule's own entry covers subjects too rare to measure alone. Measured on the
 * tuning corpus: quotes attributed this way, right (confidence).
 */
const CONFIDENCE: Record<string, number> = {
  'speech-verb:person': 0.95, // 128, 125: "…," Smith said
  'run-on': 0.95, // 22, 22: a piece of a quotation run over paragraphs
  'speech-verb:pronoun': 0.91, // 75, 71: "…," she said
  'adjacent-quote': 0.9, // 65, 61: the quotation beside it in the paragraph
  'previous-paragraph': 0.86, // 37, 34: the speaker of the paragraph before
  'speech-verb:description': 0.86, // 18, 17: a spokesman said
  'speech-verb:organisation': 0.8, // 12, 11: the ministry said
  'according-to': 0.8, // 4, 4 (with the seeds): according to X
  'speech-verb': 0.7, // 12, 10: an unnamed subject phrase ("the county board said")
  colon: 0.6, // 5, 4: X said: "…"
  none: 0.5, // 4, 3: no speaker found
  'speech-verb:title': 0.44, // 10, 6: the minister said, resolved to a person
  'paragraph-subject': 0.21, // 2, 1: the person an earlier sentence is about
};

export function attributionEvidence(rule: AttributionRule): AttributionEvidence {
  const method = rule.subject ? `${rule.rule}:${rule.subject}` : rule.rule;
  return { method, confidence: CONFIDENCE[method] ?? CONFIDENCE[rule.rule] ?? 0.5 };
}
