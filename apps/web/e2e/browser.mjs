// The browser side of the e2e suite: one signed-in page per user, screenshots, and the rule that
// a page error or a console error fails the run (unless a step expects that exact refusal).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { LAUNCH_OPTIONS } from './chromium.mjs';

export const DESKTOP = { width: 1366, height: 768 };
export const TABLET = { width: 820, height: 1180 };
/** The phone of issue 18: enterprise users and officers work from 390 px wide screens. */
export const PHONE = { width: 390, height: 844 };

export async function openBrowser({ baseUrl, artifacts }) {
  mkdirSync(artifacts, { recursive: true });
  const browser = await chromium.launch(LAUNCH_OPTIONS);
  const problems = [];
  let expected = [];

  /**
   * A fresh context (own storage, so its own session) signed in through the login page, opened at
   * `path` (a deep link: the login page shows there and the page follows once signed in).
   */
  async function signIn(username, password, { viewport = DESKTOP, beforeLogin, path = '/', landed } = {}) {
    const phone = viewport.width <= PHONE.width;
    const page = await open(username, { viewport, path });
    await page.getByLabel('用户名').waitFor();
    await beforeLogin?.(page);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    // Exactly 登录: with single sign-on on, 统一身份认证登录 is a button too.
    await page.getByRole('button', { name: /^登\s*录$/ }).click();
    // On a phone the navigation sits in a drawer behind the menu button.
    await (landed ?? ((p) => p.getByTestId(phone ? 'nav-toggle' : 'nav').waitFor()))(page);
    return page;
  }

  /** A page in a fresh context (own storage: signed out) at `path`; `who` names it in problems. */
  async function open(who, { viewport = DESKTOP, path = '/' } = {}) {
    const phone = viewport.width <= PHONE.width;
    const context = await browser.newContext({
      viewport,
      baseURL: baseUrl,
      locale: 'zh-CN',
      ...(phone ? { isMobile: true, hasTouch: true } : {}),
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`${who}: page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const allowed = expected.findIndex((pattern) => pattern.test(m.text()));
      if (allowed >= 0) expected.splice(allowed, 1);
      else problems.push(`${who}: console error: ${m.text()}`);
    });
    await page.goto(path);
    return page;
  }

  /** A screenshot; on a phone also the check that the page does not scroll sideways. */
  async function shot(page, name) {
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(artifacts, `${name}.png`) });
    await fits(page, name);
  }

  /** On a phone: the check that the page, as it is now, does not scroll sideways. */
  async function fits(page, name) {
    const { width } = page.viewportSize();
    if (width > PHONE.width) return;
    // eslint-disable-next-line no-undef -- runs in the page
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    if (scrollWidth > width)
      problems.push(`${name}: the page is ${scrollWidth} px wide on a ${width} px screen`);
  }

  /** Runs a step in which the browser logs one refused request (e.g. the 422 of a refused pass). */
  async function expectingRefusal(status, step) {
    expected = [new RegExp(`status of ${status}`)];
    await step();
    expected = [];
  }

  function check(where) {
    if (problems.length) throw new Error(`${where}: the browser reported\n  ${problems.join('\n  ')}`);
  }

  return { signIn, open, shot, fits, expectingRefusal, check, close: () => browser.close() };
}
