// Evidence for an attribution: the rule's measured confidence, and for an inherited speaker no more than the
// confidence of the attribution it was inherited from.
import { describe, expect, it } from 'vitest';
import { attributionEvidence } from '../../src/ingest/confidence.js';

describe('attributionEvidence', () => {
  it('names the method by rule and subject, falling back to the rule alone', () => {
    expect(attributionEvidence({ rule: 'speech-verb', subject: 'person' })).toEqual({ method: 'speech-verb:person', confidence: 0.94 });
    expect(attributionEvidence({ rule: 'colon', subject: 'person' }).method).toBe('colon:person');
    expect(attributionEvidence({ rule: 'colon', subject: 'person' }).confidence).toBe(attributionEvidence({ rule: 'colon', subject: null }).confidence);
  });

  it('gives an inherited speaker no more confidence than the attribution it came from', () => {
    const fromPerson = attributionEvidence({ rule: 'run-on', subject: null, source: { rule: 'speech-verb', subject: 'person' } });
    const fromInheritance = attributionEvidence({ rule: 'run-on', subject: null, source: { rule: 'previous-paragraph', subject: null } });
    expect(fromPerson.confidence).toBe(0.92);
    expect(fromInheritance.confidence).toBe(attributionEvidence({ rule: 'previous-paragraph', subject: null }).confidence);
    expect(fromInheritance.method).toBe('run-on');
  });

  it('keeps every confidence in [0, 1], and only a reporting clause beside its quotation (or what inherits it) at 0.9 or more', () => {
    const rules = ['speech-verb', 'reported-clause', 'according-to', 'colon', 'possessive-message', 'adjacent-quote', 'paragraph-subject', 'previous-paragraph', 'none'] as const;
    const subjects = ['person', 'pronoun', 'title', 'description', 'organisation', null] as const;
    for (const rule of rules) for (const subject of subjects) {
      const { method, confidence } = attributionEvidence({ rule, subject });
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
      if (confidence >= 0.9) expect(method).toBe('speech-verb:person');
    }
  });
});
