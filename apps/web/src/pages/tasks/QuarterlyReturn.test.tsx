import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fastUser, openPage, USERS } from '../../test/open-page';
import { REFERENCE } from '../../test/reference.fixture';
import { sampleTaskDetail } from './taskFixture';
import { resizeWindow } from '../../test/media';

// The quarterly cycle as the walk through the UI found it: a report sent back (退回) to the
// enterprise, and the review the lead industry officer decides on the report's figures.
const ENTERPRISE = { username: 'ent-1', role: 'enterprise_user', scope: {}, displayName: '企业' } as const;
const SENT = {
  quarter: '2026Q4',
  revenue: 29_000_000,
  rdExpense: 2_300_000,
  headcount: 190,
  newClassOneIp: 1,
  financing: 0,
  listingProgress: 'none',
  note: '四季度订单增长',
};
const REPORT_OPINION = {
  taskId: 'r-1',
  taskType: 'QUARTERLY_REPORT',
  outcome: 'submit',
  opinion: SENT.note,
  data: SENT,
  actor: 'ent-1',
  actorName: '企业 联系人',
  actorDepartment: { zh: '企业用户', en: 'Enterprise user' },
  at: '2026-12-06T12:00:00Z',
};
const caseFile = (opinions: unknown[]) => ({
  enterprise: { name: '重庆示例科技有限公司', creditCode: '91350100M000100Y43', stage: 'supporting' },
  screening: null,
  opinions,
  attachments: [],
});
const taskOf = (type: 'QUARTERLY_REPORT' | 'QUARTERLY_REVIEW', over: Record<string, unknown>) =>
  sampleTaskDetail(type, { quarter: '2026Q4', ...over });
const RETURNED_REPORT = taskOf('QUARTERLY_REPORT', {
  returned: {
    reason: '营业收入与上季度差异较大，请核对',
    // As the API answers an enterprise: not which officer sent it back.
    by: null,
    at: '2026-12-06T12:01:00Z',
    fromTaskId: 'v-1',
    fromType: 'QUARTERLY_REVIEW',
  },
  caseFile: caseFile([REPORT_OPINION]),
});
const DESKTOP_WIDTH = window.innerWidth;

describe('the quarterly report sent back, and its review', () => {
  afterEach(() => {
    act(() => resizeWindow(DESKTOP_WIDTH));
  });

  it('on a phone, a returned report says so at the top, before the case file, and 去办理 goes to the form', async () => {
    const scrolled = vi.fn();
    Element.prototype.scrollIntoView = scrolled;
    act(() => resizeWindow(390));
    openPage('/tasks/t-1', ENTERPRISE, { 'GET /reference': REFERENCE, 'GET /tasks/t-1': RETURNED_REPORT });
    const notice = await screen.findByTestId('returned-notice');
    expect(notice).toHaveTextContent('营业收入与上季度差异较大，请核对');
    expect(notice).toHaveTextContent('本环节已被退回，请按以下理由重新办理');
    expect(screen.getByTestId('task-status')).toHaveTextContent('退回重办');
    // The walk found it 2,600 px down, after the case file: now it comes first.
    expect(
      notice.compareDocumentPosition(screen.getByTestId('case-file')) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(screen.getAllByTestId('returned-notice')).toHaveLength(1);
    screen.getByTestId('jump-to-form').click();
    expect(scrolled).toHaveBeenCalledTimes(1);
    expect(scrolled.mock.contexts[0]).toBe(document.getElementById('complete-task'));
  });

  it('on a desk, the returned notice stands above the form and the status says 退回重办', async () => {
    openPage('/tasks/t-1', ENTERPRISE, { 'GET /reference': REFERENCE, 'GET /tasks/t-1': RETURNED_REPORT });
    const notice = await screen.findByTestId('returned-notice');
    expect(
      notice.compareDocumentPosition(document.getElementById('complete-task')!) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(screen.getByTestId('task-status')).toHaveTextContent('退回重办');
  });

  it('tells an officer who sent the step back, by name', async () => {
    openPage('/tasks/t-1', USERS.coordinator, {
      'GET /reference': REFERENCE,
      'GET /tasks/t-1': taskOf('QUARTERLY_REPORT', {
        returned: { ...RETURNED_REPORT.returned, by: 'industry-t2', byName: '行业处 孙伟' },
        caseFile: caseFile([REPORT_OPINION]),
      }),
      'GET /attachments': [],
    });
    const notice = await screen.findByTestId('returned-notice');
    expect(notice).toHaveTextContent('本环节被 行业处 孙伟 退回');
    expect(notice).not.toHaveTextContent('industry-t2');
  });

  it('starts a returned report from the figures sent for its quarter, to correct rather than retype', async () => {
    const earlier = { ...REPORT_OPINION, taskId: 'r-0', data: { ...SENT, quarter: '2026Q3', revenue: 1 } };
    openPage('/tasks/t-1', ENTERPRISE, {
      'GET /reference': REFERENCE,
      'GET /tasks/t-1': { ...RETURNED_REPORT, caseFile: caseFile([earlier, REPORT_OPINION]) },
    });
    expect(await screen.findByLabelText('本季度营业收入')).toHaveValue('2900');
    expect(screen.getByLabelText('从业人数')).toHaveValue('190');
    expect(screen.getByLabelText('其他情况')).toHaveValue('四季度订单增长');
  });

  it('fixes the report’s quarter to its task’s, written 2026年第四季度, and sends it as the task’s', async () => {
    const user = fastUser();
    const { calls } = openPage('/tasks/t-1', ENTERPRISE, {
      'GET /reference': REFERENCE,
      'GET /tasks/t-1': { ...RETURNED_REPORT, caseFile: caseFile([REPORT_OPINION]) },
      'POST /tasks/t-1/complete': { stage: 'supporting', nextTasks: [] },
    });
    const fixed = await screen.findByTestId('fixed-quarter');
    expect(fixed).toHaveTextContent('2026年第四季度');
    // No picker to change it (it showed 2026-Q4 and took any quarter).
    const form = screen.getByTestId('task-form');
    expect(within(form).queryByPlaceholderText(/季度|quarter/i)).toBeNull();
    expect(within(form).queryByText('2026-Q4')).toBeNull();
    expect(form.querySelector('.ant-picker')).toBeNull();
    await user.click(screen.getByTestId('complete-submit'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const sent = calls.find((c) => c.method === 'POST')!.body as { data: { quarter: string } };
    expect(sent.data.quarter).toBe('2026Q4');
  });

  it('gives the reviewer the figures of the report beside the decision', async () => {
    openPage('/tasks/t-1', USERS.coordinator, {
      'GET /reference': REFERENCE,
      'GET /tasks/t-1': taskOf('QUARTERLY_REVIEW', { caseFile: caseFile([REPORT_OPINION]) }),
      'GET /attachments': [],
    });
    const figures = await screen.findByTestId('figures-r-1');
    for (const words of [
      '2026年第四季度',
      '本季度营业收入',
      '2,900 万元',
      '230 万元',
      '从业人数',
      '190',
      '暂无计划',
    ]) {
      expect(figures).toHaveTextContent(words);
    }
    // The note is the opinion, said once.
    expect(
      within(screen.getByTestId('opinion-QUARTERLY_REPORT')).getAllByText(/四季度订单增长/),
    ).toHaveLength(1);
  });

  it('puts the report of the quarter above the decision and folds the screening of before admission', async () => {
    const earlier = {
      ...REPORT_OPINION,
      taskId: 'r-0',
      data: { ...SENT, quarter: '2026Q3', revenue: 10_000_000 },
    };
    const member = {
      ...caseFile([earlier, REPORT_OPINION]),
      enterprise: { ...caseFile([]).enterprise, leadCluster: 'T2' },
      screening: {
        policyVersion: 1,
        criteria: [
          {
            id: 'C1',
            kind: 'hard',
            outcome: 'pass',
            detail: '上年度营业收入 8000万元 ≤ 10000万元',
            detailEn: '',
          },
        ],
      },
    };
    openPage('/tasks/t-1', USERS.coordinator, {
      'GET /reference': REFERENCE,
      'GET /tasks/t-1': taskOf('QUARTERLY_REVIEW', { caseFile: member }),
      'GET /attachments': [],
    });
    const report = await screen.findByTestId('review-report');
    expect(report).toHaveTextContent('本季度报告 · 2026年第四季度');
    expect(within(report).getByTestId('review-report-figures')).toHaveTextContent('2,900 万元');
    // Right above the form, in the column of the decision.
    expect(report.compareDocumentPosition(document.getElementById('complete-task')!)).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    // The lead cluster by its name, as every other page names it (not T2 功率半导体), once the
    // reference names have loaded (they may come after the task).
    await waitFor(() =>
      expect(screen.getByTestId('case-enterprise')).toHaveTextContent('牵头产业集群功率半导体'),
    );
    const screening = screen.getByTestId('screening');
    expect(screening).toHaveTextContent('1 项 · 入库前已完成');
    expect(screen.queryByTestId('criterion-C1')).toBeNull();
    await fastUser().click(within(screening).getByTestId('screening-toggle'));
    expect(screen.getByTestId('criterion-C1')).toHaveTextContent('上年度营业收入 8,000 万元 ≤ 1 亿元');
  });
});
