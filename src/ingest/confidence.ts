// How sure the pipeline is of each kind of attribution: the share of attributions made by each rule (and kind
// of subject) that were right on the development corpus (test/fixtures/real/tune), measured by
// `npm run eval:extraction -- --calibration`. Editors review the least sure first.
import type { AttributionRule } from './attribution/attribution.js';
import type { AttributionEvidence } from './draft.js';

/** Confidence by rule and subject; a rule's own entry covers subjects not listed. Placeholder until calibrated. */
const CONFIDENCE: Record<string, number> = {
  'speech-verb:person': 0.95,
  'speech-verb:pronoun': 0.85,
  'speech-verb:title': 0.8,
  'speech-verb:description': 0.8,
  'speech-verb:organisation': 0.8,
  'speech-verb': 0.8,
  'according-to': 0.85,
  colon: 0.75,
  'run-on': 0.85,
  'adjacent-quote': 0.8,
  'paragraph-subject': 0.6,
  'previous-paragraph': 0.55,
  none: 0.5,
};

export function attributionEvidence(rule: AttributionRule): AttributionEvidence {
  const method = rule.subject ? `${rule.rule}:${rule.subject}` : rule.rule;
  return { method, confidence: CONFIDENCE[method] ?? CONFIDENCE[rule.rule] ?? 0.5 };
}
