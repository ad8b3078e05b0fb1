// One enterprise's path through the UI: nominated by its district with the certificates, screened
// (a refused pass first, then a valid one), district and enterprise feedback, admission, diagnosis;
// then its page shows the new stage and the timeline; the quarterly dispatch opens the enterprise's
// report. The district's support, the enterprise's confirmation and its quarterly report are done on
// a 390 px phone, where no page may scroll sideways (nor the menu drawer, nor a page it leads to) and
// 去办理 stops below the sticky header. The screening is countersigned (加签) and the
// quarterly report sent back (退回) through the UI. Screenshots of every main page on the way.
import { DESKTOP, openBrowser, PHONE, TABLET } from './browser.mjs';
import { followNoticeLinks } from './deep-link.mjs';
import { choose, chooseOutcome, completeTask, date, field, fill, openTask, pick } from './form.mjs';
import { checkCaseFile, checkCompleted } from './case-file.mjs';
import { countersignScreening, returnQuarterlyReport } from './approval.mjs';
import { checkJumpClearsHeader, walkPhoneMenu } from './phone.mjs';
import { certificate, createUsers, ENTERPRISE, PASSWORD, triggerDispatch } from './setup.mjs';
import { signInWithSso } from './sso.mjs';

const log = (msg) => console.log(`  · ${msg}`);

export async function runJourney({ baseUrl, admin, artifacts, sso }) {
  const { users, reference, adminToken } = await createUsers(baseUrl, admin, sso);
  const browser = await openBrowser({ baseUrl, artifacts });
  const as = (key, options) => browser.signIn(users[key].username, PASSWORD, options);
  try {
    const district = await as('district', { beforeLogin: (page) => browser.shot(page, '01-login') });
    await nominate(browser, district);
    browser.check('nomination');

    await signInWithSso(browser, { ssoUser: sso.user, expectedName: users.coordinator.displayName });
    log(
      'single sign-on: 统一身份认证登录 lands the coordinator in the inbox; signing out ends both sessions',
    );
    browser.check('single sign-on');

    const coordinator = await as('coordinator');
    const industry = await as('industry');
    await countersignScreening(browser, coordinator, industry, users.industry);
    browser.check('countersign');
    await screen(browser, coordinator);
    browser.check('screening');

    await followNoticeLinks(browser, users.enterprise, ENTERPRISE.name);
    log('notice link: the 企业确认 task opens after login, at 390×844 and at desktop size');
    browser.check('notice links');

    await openTask(district, ENTERPRISE.name, '区县反馈意见');
    await checkCaseFile(browser, district, {
      coordinatorName: users.coordinator.displayName,
      shotName: '05b-task-district-feedback',
    });
    await district.setViewportSize(DESKTOP);
    log('district feedback: the case file beside the form, stacked at 390 px, no codes on screen');

    const districtPhone = await as('district', { viewport: PHONE });
    await districtPhone.goto('/inbox');
    await districtPhone.getByTestId('inbox-table').getByText(ENTERPRISE.name).waitFor();
    await browser.shot(districtPhone, '20-phone-inbox');
    const districtPages = await walkPhoneMenu(browser, districtPhone, '20a-phone-district');
    log(`phone menu: the drawer and the district's ${districtPages.length} pages fit 390 px`);
    await openTask(districtPhone, ENTERPRISE.name, '区县反馈意见');
    await checkJumpClearsHeader(districtPhone);
    log('phone task: 去办理 stops with the form below the sticky header');
    await chooseOutcome(districtPhone, '同意');
    await fill(districtPhone, 'opinion', '企业在区内经营正常，同意推荐');
    await browser.shot(districtPhone, '21-phone-task-district-feedback');
    await completeTask(districtPhone);
    await checkCompleted(districtPhone);
    log('district feedback: support, on a phone; the page then shows the task done, without claim buttons');

    const enterprise = await as('enterprise', { viewport: PHONE });
    await walkPhoneMenu(browser, enterprise, '21a-phone-enterprise');
    await openTask(enterprise, ENTERPRISE.name, '企业确认');
    await chooseOutcome(enterprise, '确认入库意愿及数据');
    await browser.shot(enterprise, '22-phone-task-enterprise-confirm');
    await completeTask(enterprise);
    log('enterprise confirmation: confirm, on a phone');
    browser.check('feedback');

    await openTask(coordinator, ENTERPRISE.name, '纳入帮扶库');
    await chooseOutcome(coordinator, '纳入帮扶库');
    await choose(coordinator, 'commissioner', users.commissioner.displayName);
    await choose(coordinator, 'districtLiaison', users.district.displayName);
    await browser.shot(coordinator, '06-task-admit');
    await completeTask(coordinator);
    log('admission: admit');

    const commissioner = await as('commissioner');
    await diagnose(browser, commissioner);
    browser.check('diagnosis');

    await quarterlyReport(browser, enterprise, adminToken, baseUrl);
    browser.check('quarterly report');
    await returnQuarterlyReport(browser, industry, enterprise);
    browser.check('return');

    await enterprisePage(browser, coordinator, reference);
    await otherPages(browser, coordinator, await as('enterprise', { viewport: TABLET }));
    await auditPage(browser, await as('audit'));
    browser.check('pages');
  } finally {
    await browser.close();
  }
}

async function nominate(browser, page) {
  await page.goto('/nominations/new');
  await fill(page, 'creditCode', ENTERPRISE.creditCode);
  await fill(page, 'name', ENTERPRISE.name);
  await choose(page, 'district', '渝北区');
  await choose(page, 'cluster', 'T2');
  // 1.2 亿元 is above C1's 1 亿元: a pass needs a written justification.
  await fill(page, 'revenuePrevYear', 12000);
  await fill(page, 'rdExpensePrevYear', 960);
  await pick(page, 'techCenter.kind', '市级企业技术中心');
  await choose(page, 'techCenter.level', '市级');
  await fill(page, 'classOneIpCount', 2);
  await pick(page, 'srdi', '专精特新');
  await fill(page, 'hardTechDescription', '自主研发车规级功率芯片封装测试技术，打破国外垄断');
  await pick(page, 'achievements.0.kind', '填空白');
  await fill(page, 'achievements.0.description', '填补西南地区车规级功率模块封测空白');
  await fill(page, 'contact.name', '王工');
  await fill(page, 'contact.phone', '023-67001234');
  const uploads = page.getByTestId('evidence').locator('input[type=file]');
  await uploads.nth(0).setInputFiles(certificate('C3'));
  await uploads.nth(1).setInputFiles(certificate('C5'));
  await browser.shot(page, '02-nomination');
  await page.getByRole('button', { name: '提交推荐' }).click();
  await page.getByTestId('nomination-result').waitFor();
  log(`nominated ${ENTERPRISE.creditCode} with the C3 and C5 certificates`);
}

async function screen(browser, page) {
  await page.goto('/inbox');
  await page.getByTestId('inbox-table').getByText(ENTERPRISE.name).waitFor();
  await browser.shot(page, '03-inbox');
  await openTask(page, ENTERPRISE.name, '市级筛选');
  await chooseOutcome(page, '通过筛选');
  await pick(page, 'judgments.C2.affirmed', '确认');
  await fill(page, 'judgments.C2.note', '自主封测工艺，技术门槛高');
  await pick(page, 'judgments.C6.affirmed', '确认');
  await fill(page, 'judgments.C6.note', '已批量供货整车企业');
  await fill(page, 'note', '建议入库');
  await browser.expectingRefusal(422, async () => {
    await page.getByTestId('complete-submit').click();
    await field(page, 'justifications.C1').locator('.ant-form-item-explain-error').waitFor();
  });
  await browser.shot(page, '04-task-screen-refused');
  if ((await field(page, 'judgments.C2.note').locator('textarea').inputValue()) === '')
    throw new Error('the refused pass lost the input');
  log('screening: a pass without the C1 justification is refused beside the field');
  await fill(page, 'justifications.C1', '营业收入略超1亿元，但研发强度8%，属重点培育企业');
  await completeTask(page);
  await browser.shot(page, '05-task-screen-done');
  log('screening: pass');
}

async function diagnose(browser, page) {
  await openTask(page, ENTERPRISE.name, '企业成长诊断');
  const scores = page.locator('[data-testid^="field-portrait."][data-testid$=".score"] input');
  for (let i = 0; i < (await scores.count()); i++) await scores.nth(i).fill(String(3 + (i % 3)));
  await fill(page, 'portrait.innovation_factors.note', '研发团队稳定，核心专利2项');
  await page.getByRole('button', { name: /添加：诊断问题清单/ }).click();
  await fill(page, 'problems.0.title', '流动资金紧张');
  await pick(page, 'problems.0.category', '市场共性问题');
  await fill(page, 'problems.0.measures', '对接产业金融处，推荐纳入科技企业贷款贴息');
  await fill(page, 'problems.0.target', '半年内获得授信1000万元');
  await choose(page, 'problems.0.ownerDepartment', '产业金融处');
  await date(page, 'problems.0.dueAt', '2027-06-30');
  const files = page.getByTestId('case-attachments');
  await files.locator('input[type=file]').setInputFiles(certificate('diagnosis-report'));
  await files.getByText('diagnosis-report-certificate.pdf').waitFor();
  await browser.shot(page, '07-task-diagnose');
  await completeTask(page);
  log('diagnosis: portrait and one problem submitted');
}

async function quarterlyReport(browser, phone, adminToken, baseUrl) {
  await triggerDispatch(baseUrl, adminToken);
  await openTask(phone, ENTERPRISE.name, '季度报告');
  await chooseOutcome(phone, '提交季度报告');
  const number = field(phone, 'revenue').locator('input');
  if ((await number.getAttribute('inputmode')) !== 'decimal')
    throw new Error('a money field does not bring up the number pad on a phone');
  await fill(phone, 'revenue', 3200);
  await fill(phone, 'rdExpense', 260);
  await fill(phone, 'headcount', 86);
  await fill(phone, 'newClassOneIp', 1);
  await fill(phone, 'financing', 0);
  await choose(phone, 'listingProgress', '筹备中');
  await browser.shot(phone, '23-phone-task-quarterly-report');
  await completeTask(phone);
  await browser.shot(phone, '24-phone-task-done');
  await phone.goto(`/enterprises/${ENTERPRISE.creditCode}`);
  await phone.getByTestId('timeline').waitFor();
  await browser.shot(phone, '25-phone-enterprise');
  await phone.goto('/notifications');
  await browser.shot(phone, '26-phone-notifications');
  log('quarterly report: filed on a phone after the dispatch; no phone page scrolls sideways');
}

async function enterprisePage(browser, page, reference) {
  await page.goto(`/enterprises/${ENTERPRISE.creditCode}`);
  const stage = reference.stages.supporting.zh;
  await page.getByTestId('stage').filter({ hasText: stage }).first().waitFor();
  const timeline = page.getByTestId('timeline');
  await timeline.waitFor();
  if (!(await timeline.textContent()).includes('企业成长诊断'))
    throw new Error('the timeline lacks the diagnosis');
  await browser.shot(page, '08-enterprise');
  log(`enterprise page: stage ${stage}, timeline through the diagnosis`);
}

/** The audit log as the audit administrator reads it, with the chain verified (issue 20.2, 20.3). */
async function auditPage(browser, page) {
  await page.goto('/audit');
  await page.getByTestId('nav').waitFor();
  await page.waitForLoadState('networkidle');
  await browser.shot(page, '11-audit');
  log('audit log: read by the audit administrator');
}

async function otherPages(browser, page, tablet) {
  const pages = [
    ['09-ledger', '/problems'],
    ['10-dashboard', '/dashboard'],
    ['12-notifications', '/notifications'],
    ['13-enterprises', '/enterprises'],
    ['14-admin-policy', '/admin/policy'],
    ['15-admin-users', '/admin/users'],
    ['16-admin-calendar', '/admin/calendar'],
  ];
  for (const [name, path] of pages) {
    await page.goto(path);
    await page.getByTestId('nav').waitFor();
    await browser.shot(page, name);
  }
  await page.goto('/inbox');
  await page.getByTestId('inbox-table').waitFor();
  await browser.shot(page, '17-inbox-after');
  await tablet.goto(`/enterprises/${ENTERPRISE.creditCode}`);
  await tablet.getByTestId('timeline').waitFor();
  await browser.shot(tablet, `18-tablet-enterprise-${TABLET.width}x${TABLET.height}`);
  await tablet.goto('/inbox');
  await tablet.getByTestId('inbox-table').waitFor();
  await browser.shot(tablet, `19-tablet-inbox-${TABLET.width}x${TABLET.height}`);
  log(
    `screenshots of ${pages.length + 10} pages at ${DESKTOP.width}×${DESKTOP.height} and two at tablet size`,
  );
}
