// Filling SchemaForm fields the way a user does, found by the test id each field renders
// (`field-<path>`, e.g. `field-judgments.C2.note`, `field-problems.0.title`).

export const field = (page, path) => page.getByTestId(`field-${path}`);

export async function fill(page, path, value) {
  await field(page, path).locator('input, textarea').first().fill(String(value));
}

/** A radio button or a tick box, by its visible label. */
export async function pick(page, path, label) {
  await field(page, path).getByText(label, { exact: true }).click();
}

/** An antd Select: open it, type to narrow (where it searches), click the option that has the text. */
export async function choose(page, path, text) {
  await field(page, path).locator('.ant-select').click();
  await page.keyboard.type(text);
  await page
    .locator(`.ant-select-dropdown:visible .ant-select-item-option[title*="${text}"]`)
    .first()
    .click();
}

export async function date(page, path, value) {
  const input = field(page, path).locator('input');
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

export async function chooseOutcome(page, label) {
  await page.getByTestId('outcome').getByText(label, { exact: true }).click();
}

/** Submits the task form and waits for the page that names the enterprise's next stage. */
export async function completeTask(page) {
  await page.getByTestId('complete-submit').click();
  await page.getByText('办理完成').waitFor();
}

/** From the inbox, the task of that type for that enterprise. */
export async function openTask(page, enterpriseName, taskLabel) {
  await page.goto('/inbox');
  // A table row on a wide screen, a card on a phone: both carry the row's key.
  const row = page.getByTestId('inbox-table').locator('[data-row-key]', { hasText: enterpriseName });
  await row.getByRole('link', { name: taskLabel }).click();
  await page.getByTestId('task-form').waitFor();
}
