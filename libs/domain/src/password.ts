import { DEFAULT_SECURITY_POLICY, SecurityPolicy } from './security-policy';
import { Text, t } from './text';

type PasswordRules = Pick<
  SecurityPolicy,
  'passwordMinLength' | 'passwordRequireMixedCase' | 'passwordRequireSymbol'
>;

/**
 * Strength of local passwords under the security policy: its minimum length, letters and digits
 * always, mixed case and a symbol when the policy asks, never the username.
 */
export function passwordProblem(
  password: string,
  username: string,
  rules: PasswordRules = DEFAULT_SECURITY_POLICY,
): Text | null {
  const min = rules.passwordMinLength;
  if (password.length < min)
    return t(`密码至少${min}个字符`, `password must have at least ${min} characters`);
  if (password.length > 128) return t('密码不能超过128个字符', 'password must have at most 128 characters');
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    return t('密码需同时包含字母和数字', 'password must contain letters and digits');
  }
  if (rules.passwordRequireMixedCase && (!/[a-z]/.test(password) || !/[A-Z]/.test(password))) {
    return t('密码需同时包含大写和小写字母', 'password must contain upper and lower case letters');
  }
  if (rules.passwordRequireSymbol && !/[^A-Za-z\d]/.test(password)) {
    return t('密码需包含字母和数字以外的符号', 'password must contain a symbol');
  }
  if (password.toLowerCase().includes(username.toLowerCase())) {
    return t('密码不能包含用户名', 'password must not contain the username');
  }
  return null;
}
