import { creditCodeCheckChar, creditCodeProblem, isValidCreditCode, withCheckChar } from './credit-code';

describe('GB 32100 credit code', () => {
  // 91350100M000100Y43 is the worked example of GB 32100-2015; the others satisfy the same check.
  it.each(['91350100M000100Y43', '91110000802100433B', '91440300708461136T'])('accepts %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
    expect(creditCodeProblem(code)).toBeNull();
  });

  it('computes the check character over the first 17 characters', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(withCheckChar('91110000802100433')).toBe('91110000802100433B');
  });

  it('rejects a wrong check digit', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(creditCodeProblem('91350100M000100Y44')?.en).toMatch(/check digit/);
  });

  it('rejects letters outside the alphabet (I, O, Z, S, V) and wrong lengths', () => {
    expect(creditCodeProblem('91350100M000100I43')?.en).toMatch(/invalid characters/);
    expect(creditCodeProblem('91350100M000100Y4')?.en).toMatch(/18 characters/);
    expect(creditCodeProblem(915000002028014)?.en).toMatch(/string/);
  });

  it('maps a remainder of 0 to the check character 0', () => {
    // Find a prefix whose weighted sum is a multiple of 31 and check the special case.
    for (let n = 0; n < 1000; n++) {
      const prefix = `9150000020280${String(n).padStart(4, '0')}`;
      if (creditCodeCheckChar(prefix) === '0') {
        expect(isValidCreditCode(`${prefix}0`)).toBe(true);
        return;
      }
    }
    throw new Error('no prefix with check character 0 found');
  });
});
