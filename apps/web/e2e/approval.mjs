// 加签 and 退回 through the UI (issue 17): the coordinator asks the cluster's industry officer to
// countersign the screening, who agrees in their own inbox; at the end the industry officer sends
// the enterprise's quarterly report back from the review, and the enterprise sees why on its phone.
import { chooseOutcome, completeTask, fill, openTask } from './form.mjs';
import { ENTERPRISE } from './setup.mjs';

const log = (msg) => console.log(`  · ${msg}`);

export async function countersignScreening(browser, coordinator, industry, industryUser) {
  await openTask(coordinator, ENTERPRISE.name, '市级筛选');
  await coordinator.getByTestId('countersign-button').click();
  const dialog = coordinator.locator('.ant-modal:visible');
  await dialog.locator('.ant-select').first().click();
  await coordinator.keyboard.type(industryUser.username);
  await coordinator
    .locator(`.ant-select-dropdown:visible .ant-select-item-option[title*="${industryUser.username}"]`)
    .first()
    .click();
  await dialog.locator('#countersign-note').fill('请产业处对技术先进性出具意见');
  await browser.shot(coordinator, '05c-task-countersign');
  await dialog.getByTestId('countersign-submit').click();
  await coordinator.getByTestId('countersigns').getByText('待答复').waitFor();
  await coordinator.goto('/inbox');
  const row = coordinator.getByTestId('inbox-table').locator('[data-row-key]', { hasText: ENTERPRISE.name });
  await row.getByTestId('mark-countersign').first().waitFor();
  log('加签: the coordinator asks the industry officer; the screening is marked 会签中 in the inbox');

  await openTask(industry, ENTERPRISE.name, '会签意见');
  await chooseOutcome(industry, '同意');
  await fill(industry, 'opinion', '封测工艺属车规级，技术先进，同意入库');
  await browser.shot(industry, '05d-task-countersign-answer');
  await completeTask(industry);
  await openTask(coordinator, ENTERPRISE.name, '市级筛选');
  await coordinator.getByTestId('countersigns').getByText(`${industryUser.displayName}：同意`).waitFor();
  log('会签: the industry officer agrees from their inbox; the screening shows the answer');
}

export async function returnQuarterlyReport(browser, industry, enterprisePhone) {
  await openTask(industry, ENTERPRISE.name, '季度调度评审');
  await industry.getByTestId('return-button').click();
  const dialog = industry.locator('.ant-modal:visible');
  await dialog.locator('#return-reason').fill('营业收入与财务报表不一致，请核对后重新报送');
  await browser.shot(industry, '27-task-return');
  await dialog.getByTestId('return-submit').click();
  await industry.getByTestId('task-status').getByText('已退回').waitFor();

  await enterprisePhone.goto('/inbox');
  const row = enterprisePhone
    .getByTestId('inbox-table')
    .locator('[data-row-key]', { hasText: ENTERPRISE.name })
    .filter({ hasText: '季度报告' });
  await row.getByTestId('mark-returned').first().waitFor();
  await openTask(enterprisePhone, ENTERPRISE.name, '季度报告');
  await enterprisePhone.getByTestId('returned-notice').getByText('营业收入与财务报表不一致').waitFor();
  await browser.shot(enterprisePhone, '28-phone-task-returned');
  log('退回: the review sends the report back; the enterprise sees it marked and why, on its phone');
}
