// Issue 22 §5: single sign-on in the browser. The coordinator opens the inbox signed out, chooses
// 统一身份认证登录, signs in at the local identity service (Hydra and its login page, started by
// scripts/test-e2e.mjs), and lands in the inbox as the account mapped to that subject; signing out
// ends the session at both ends and comes back to the login page.
import { DESKTOP } from './browser.mjs';

export async function signInWithSso(browser, { ssoUser, expectedName }) {
  const page = await browser.open(ssoUser.username, { viewport: DESKTOP, path: '/inbox' });
  const button = page.getByRole('button', { name: '统一身份认证登录' });
  await button.waitFor();
  await browser.shot(page, '23-sso-login-page');
  await button.click();
  // The identity service's own page (another origin): its form, not ours.
  await page.getByRole('heading', { name: '统一身份认证平台' }).waitFor();
  await page.getByLabel('用户名').fill(ssoUser.username);
  await page.getByLabel('密码').fill(ssoUser.password);
  await browser.shot(page, '24-sso-identity-service');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('inbox-table').waitFor();
  const at = new URL(page.url());
  if (at.pathname !== '/inbox' || at.hash)
    throw new Error(`after single sign-on at ${page.url()}, not /inbox`);
  const who = await page.getByTestId('current-user').innerText();
  if (!who.includes(expectedName)) throw new Error(`signed in as "${who}", not ${expectedName}`);
  await browser.shot(page, '25-sso-inbox');

  await page.getByRole('button', { name: /退出登录/ }).click();
  await page.waitForURL((url) => url.pathname === '/login' && url.port === new URL(at).port);
  await page.getByRole('button', { name: '统一身份认证登录' }).waitFor();
  const token = await page.evaluate(() => localStorage.getItem('hardtech.token')); // eslint-disable-line no-undef
  if (token) throw new Error('the token is still kept after signing out');
  await page.context().close();
}
