import { describe, expect, it } from 'vitest';
import { formatIban, isValidBic, isValidIban } from './iban.js';

describe('bank details in an appeal', () => {
  it('accepts real IBANs however they are typed: spaces, lower case', () => {
    for (const iban of ['DE89 3704 0044 0532 0130 00', 'gb82west12345698765432', 'FR14 2004 1010 0505 0001 3M02 606', 'NL91ABNA0417164300', 'BE68 5390 0754 7034']) {
      expect(isValidIban(iban), iban).toBe(true);
    }
  });

  it('refuses an IBAN with one digit wrong, two digits swapped, the wrong length or strange characters', () => {
    for (const iban of ['DE89 3704 0044 0532 0130 01', 'DE98 3704 0044 0532 0130 00', 'DE89 3704 0044 0532 0130 0', 'GB82 WEST 1234 5698 7654 3', 'DE89-3704!0044', '', 'javascript:alert(1)', '1234567890123456']) {
      expect(isValidIban(iban), iban).toBe(false);
    }
  });

  it('prints an IBAN in groups of four', () => {
    expect(formatIban('de89370400440532013000')).toBe('DE89 3704 0044 0532 0130 00');
  });

  it('accepts BICs of 8 and 11 characters and nothing else', () => {
    expect(isValidBic('GENODEF1ABC')).toBe(true);
    expect(isValidBic('deutdeff')).toBe(true);
    expect(isValidBic('DEUTDEF')).toBe(false);
    expect(isValidBic('DEUT DE FF 500')).toBe(false);
  });
});
