import { passwordProblem } from './password';
import { DEFAULT_SECURITY_POLICY } from './security-policy';

const strict = {
  ...DEFAULT_SECURITY_POLICY,
  passwordMinLength: 12,
  passwordRequireMixedCase: true,
  passwordRequireSymbol: true,
};

describe('passwordProblem', () => {
  it('under the defaults: 10 characters, letters and digits, not the username', () => {
    expect(passwordProblem('abcde12345', 'someone')).toBeNull();
    expect(passwordProblem('abcd12345', 'someone')?.en).toMatch(/at least 10/);
    expect(passwordProblem('abcdefghijk', 'someone')?.en).toMatch(/letters and digits/);
    expect(passwordProblem('someone12345', 'someone')?.en).toMatch(/username/);
  });

  it('under a stricter policy: its length, mixed case and a symbol', () => {
    expect(passwordProblem('abcde12345', 'x', strict)?.en).toMatch(/at least 12/);
    expect(passwordProblem('abcdef123456', 'x', strict)?.en).toMatch(/upper and lower/);
    expect(passwordProblem('abcDEF123456', 'x', strict)?.en).toMatch(/symbol/);
    expect(passwordProblem('abcDEF-123456', 'x', strict)).toBeNull();
  });
});
