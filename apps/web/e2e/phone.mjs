// What a 390 px phone does to the frame of every page: the navigation drawer must not widen the page
// (it once pushed it to 398 px, the body's default margin added to the scroll lock's full width),
// each page the drawer offers must fit the screen, and a jump to a card must stop below the sticky
// header instead of under it.

/** Opens the navigation drawer; `browser.shot` fails the run if the page is then wider than the phone. */
async function openMenu(page) {
  await page.getByTestId('nav-toggle').click();
  await page.locator('.ant-drawer-open [data-testid="nav"]').waitFor();
  // The drawer slides in: its final place, not a frame of the animation.
  await page.waitForTimeout(400);
}

/**
 * Every page of the user's menu, reached through the drawer on a phone: a shot of the open drawer
 * and of each page, each checked for sideways scrolling, and the drawer checked open over each page
 * (the scroll lock widened only pages taller than the screen). Returns the paths visited.
 */
export async function walkPhoneMenu(browser, page, name) {
  await openMenu(page);
  await browser.shot(page, `${name}-menu`);
  const entries = page.locator('.ant-drawer-open [data-testid="nav"] [data-menu-id]');
  const count = await entries.count();
  const visited = [];
  for (let i = 0; i < count; i++) {
    if (i > 0) {
      await openMenu(page);
      await browser.fits(page, `${name}${visited.at(-1).replaceAll('/', '-')}-menu`);
    }
    await entries.nth(i).click();
    // Closed for good: while the drawer slides out, the page is still locked under it.
    await page.locator('.ant-drawer-content-wrapper').waitFor({ state: 'hidden' });
    await page.waitForLoadState('networkidle');
    const path = new URL(page.url()).pathname;
    visited.push(path);
    await browser.shot(page, `${name}${path.replaceAll('/', '-')}`);
  }
  return visited;
}

/** On an open task at phone size: 去办理 brings the form's card up, its title below the header. */
export async function checkJumpClearsHeader(page) {
  await page.getByTestId('jump-to-form').click();
  const form = page.locator('#complete-task');
  // The scroll is smooth: wait until the card stops moving.
  let last = NaN;
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(100);
    const top = (await form.boundingBox()).y;
    if (top === last) break;
    last = top;
  }
  const header = await page.locator('.ant-layout-header').boundingBox();
  const card = await form.boundingBox();
  if (card.y < header.y + header.height)
    throw new Error(
      `去办理 left the form's card under the sticky header (card top ${card.y}, header bottom ${header.y + header.height})`,
    );
}
