// Issue 16: the task page as a 审批单. A district officer asked for its opinion sees the case beside
// the form — the nomination's figures in 万元 and words, the screening, the coordinator's opinion by
// name, the certificates — at 1280 px side by side and at 390 px stacked; no internal code shows.
import { ENTERPRISE } from './setup.mjs';

export const LAPTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

// Codes that must never reach the screen: stages, task types, outcomes and the nomination's enums.
const RAW = [
  /undefined/,
  /\bnull\b/,
  /\bNaN\b/,
  /criteria\./,
  /\b(screening|supplement|feedback|admission|diagnosis|supporting|graduation_review)\b/,
  /\b(SCREEN|SUPPLEMENT|DISTRICT_FEEDBACK|ENTERPRISE_CONFIRM|ADMIT|DIAGNOSE)\b/,
  /\b(pass|fail|judgment|support|oppose|request_info)\b/,
  /\b(enterprise_tech_center|innovation_demo|municipal|national|none|specialized|little_giant)\b/,
  /\b(fill_gap|strengthen|lengthen)\b/,
];

/** On the open DISTRICT_FEEDBACK task: the case file holds what the district decides on. */
export async function checkCaseFile(browser, page, { coordinatorName, shotName }) {
  const file = page.getByTestId('case-file');
  await file.waitFor();
  await page.getByTestId('case-opinions').getByText(coordinatorName, { exact: false }).waitFor();
  const text = await file.innerText();
  const expected = [
    ENTERPRISE.name,
    ENTERPRISE.creditCode,
    '1.2 亿元', // 120,000,000 yuan as moneyText writes it past 1 亿
    '960 万元',
    '8%',
    '渝北区',
    '市级企业技术中心',
    '专精特新',
    '填补西南地区车规级功率模块封测空白',
    '市级筛选：通过筛选',
    '建议入库',
    coordinatorName,
    'C3-certificate.pdf',
    'C5-certificate.pdf',
  ];
  const missing = expected.filter((words) => !text.includes(words));
  if (missing.length) throw new Error(`the case file lacks ${missing.join(', ')}:\n${text}`);
  await expectNoCodes(page);

  const [form, caseFile] = [await page.getByTestId('task-form').boundingBox(), await file.boundingBox()];
  await page.setViewportSize(LAPTOP);
  await browser.shot(page, `${shotName}-${LAPTOP.width}`);
  const wide = [await page.getByTestId('task-form').boundingBox(), await file.boundingBox()];
  if (!(wide[0].x > wide[1].x + wide[1].width - 1))
    throw new Error('at 1280 px the form is not beside the case file');
  await page.setViewportSize(PHONE);
  await browser.shot(page, `${shotName}-${PHONE.width}`);
  const narrow = [await page.getByTestId('task-form').boundingBox(), await file.boundingBox()];
  if (!(narrow[0].y > narrow[1].y + narrow[1].height - 1))
    throw new Error('at 390 px the case file and form are not stacked');
  if (Math.max(...narrow.map((b) => b.x + b.width)) > PHONE.width + 1)
    throw new Error('at 390 px the page is wider than the screen');
  await expectNoCodes(page);
  return { form, caseFile };
}

/** After a completion: the task reads done and offers no claim or delegation any more. */
export async function checkCompleted(page) {
  await page.getByTestId('task-status').getByText('已办结').waitFor();
  for (const name of ['认领', '转办']) {
    if (await page.getByRole('button', { name }).count())
      throw new Error(`a stale ${name} button after completion`);
  }
}

export async function expectNoCodes(page) {
  const text = await page.locator('main, .ant-layout-content').first().innerText();
  const found = RAW.map((re) => text.match(re)?.[0]).filter(Boolean);
  if (found.length) throw new Error(`codes on screen: ${found.join(', ')}`);
}
