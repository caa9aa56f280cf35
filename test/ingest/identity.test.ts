import { describe, expect, it } from 'vitest';
import { isSamePersonName, normalizeName, surnameOf } from '../../src/ingest/identity.js';

describe('isSamePersonName', () => {
  it('joins transliteration variants of one name', () => {
    expect(isSamePersonName('Sergey Lavrov', 'Sergei Lavrov')).toBe(true);
    expect(isSamePersonName('Dmitry Peskov', 'Dmitri Peskov')).toBe(true);
    expect(isSamePersonName('Aleksandr Novak', 'Alexandr Novak')).toBe(true);
    expect(isSamePersonName('Yuri Ushakov', 'Yuriy Ushakov')).toBe(true);
  });

  it('joins an initial with the full given name, and ignores accents and case', () => {
    expect(isSamePersonName('J. Smith', 'John Smith')).toBe(true);
    expect(isSamePersonName('José Martínez', 'jose martinez')).toBe(true);
  });

  it('keeps different people apart', () => {
    expect(isSamePersonName('Donald Trump', 'Melania Trump')).toBe(false);
    expect(isSamePersonName('Mark Smith', 'Mary Smith')).toBe(false);
    expect(isSamePersonName('Sergey Lavrov', 'Sergey Shoigu')).toBe(false);
  });

  it('never merges on a bare surname', () => {
    expect(isSamePersonName('Lavrov', 'Sergey Lavrov')).toBe(false);
  });
});

describe('normalizeName and surnameOf', () => {
  it('give the lookup forms of a name', () => {
    expect(normalizeName('  Sergéy   LAVROV ')).toBe('sergey lavrov');
    expect(normalizeName("O'Brien")).toBe('obrien');
    expect(surnameOf('Russian Foreign Minister Sergey Lavrov')).toBe('lavrov');
  });
});
