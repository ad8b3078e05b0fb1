import { Text, t } from './text';

/** Minimum strength of local passwords: 10+ characters with letters and digits, not the username. */
export function passwordProblem(password: string, username: string): Text | null {
  if (password.length < 10) return t('密码至少10个字符', 'password must have at least 10 characters');
  if (password.length > 128) return t('密码不能超过128个字符', 'password must have at most 128 characters');
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    return t('密码需同时包含字母和数字', 'password must contain letters and digits');
  }
  if (password.toLowerCase().includes(username.toLowerCase())) {
    return t('密码不能包含用户名', 'password must not contain the username');
  }
  return null;
}
