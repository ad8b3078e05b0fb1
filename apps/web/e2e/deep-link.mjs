// Issue 18 §4: a notice's link lands on its task, also through the login page, on a phone and on a
// desktop. The link is the one the notifications page shows and the 企业微信 / 钉钉 cards carry:
// /tasks/<id> (apps/worker/src/delivery/channels.ts, corpCard).
import { DESKTOP, PHONE } from './browser.mjs';
import { PASSWORD } from './setup.mjs';

const taskForm = (page) => page.getByTestId('task-form').waitFor();

/** The enterprise's 新待办 notice of its 企业确认 task: followed signed in, then signed out. */
export async function followNoticeLinks(browser, user, enterpriseName) {
  const page = await browser.signIn(user.username, PASSWORD);
  const notice = page
    .locator('[data-testid^="notification-task_opened:"]')
    .filter({ hasText: enterpriseName })
    .filter({ hasText: '新待办' });
  // The notice is written a moment after the task opens (the worker's sweep): look again until then.
  for (let tries = 0; ; tries++) {
    await page.goto('/notifications');
    await page.getByTestId('notifications').waitFor();
    await page.waitForLoadState('networkidle');
    if ((await notice.count()) > 0) break;
    if (tries === 20) throw new Error('no 新待办 notice of the 企业确认 task');
    await page.waitForTimeout(500);
  }
  const link = notice.first().getByRole('link', { name: '企业确认' });
  const href = await link.getAttribute('href');
  if (!/^\/tasks\/[0-9a-f-]{36}$/.test(href ?? '')) throw new Error(`the notice links to ${href}`);
  await link.click();
  await taskForm(page);

  for (const viewport of [PHONE, DESKTOP]) {
    const signedOut = await browser.signIn(user.username, PASSWORD, {
      viewport,
      path: href,
      landed: taskForm,
    });
    const at = new URL(signedOut.url()).pathname;
    if (at !== href) throw new Error(`after login at ${viewport.width}px: ${at}, not ${href}`);
    await browser.shot(signedOut, `19-deep-link-${viewport.width}x${viewport.height}`);
  }
  return href;
}
