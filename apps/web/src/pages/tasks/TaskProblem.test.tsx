import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fastUser, openPage, USERS } from '../../test/open-page';
import { REFERENCE } from '../../test/reference.fixture';
import { sampleTaskDetail } from './taskFixture';

// The ledger's decisions with the case in view: the coordinator's 销号/延期 and the department's
// 部门报到 showed only the enterprise, never the problem they decide on.
const PROBLEM = {
  id: 'p-1',
  title: '流动资金紧张',
  category: 'policy_support',
  measures: '对接产业引导基金与银行授信',
  target: '半年内落实 2,000 万元授信',
  ownerDepartment: 'finance',
  dueAt: '2027-03-31',
  status: 'closing',
  special: null,
  whistleStatus: null,
  whistledAt: null,
  creditCode: '91500112000000001R',
  district: '500112',
  cluster: 'T2',
  handling: null,
  progress: [
    { at: '2026-11-02T01:00:00Z', actor: 'fin', actorName: '产业金融处 周敏', note: '已对接三家银行' },
  ],
  closeSummary: '工商银行授信 2,000 万元已到位',
  extension: { dueAt: '2027-06-30', reason: '银行审批周期延长' },
  whistle: null,
  updatedAt: '2026-12-01T00:00:00Z',
};
const taskOf = (type: 'PROBLEM_CLOSE' | 'WHISTLE_RESPONSE' | 'SCREEN', problemId: string | null) =>
  sampleTaskDetail(type, { problemId });

describe('a task that decides on a ledger problem', () => {
  it('shows the coordinator the problem, its close request, the time asked for and its progress', async () => {
    const { calls } = openPage('/tasks/t-1', USERS.coordinator, {
      'GET /reference': REFERENCE,
      'GET /tasks/t-1': taskOf('PROBLEM_CLOSE', 'p-1'),
      'GET /problems/p-1': PROBLEM,
      'GET /attachments': [],
    });
    const card = await screen.findByTestId('task-problem');
    expect(await within(card).findByText('台账问题：流动资金紧张')).toBeInTheDocument();
    for (const words of [
      '工商银行授信 2,000 万元已到位',
      '银行审批周期延长',
      '已对接三家银行',
      '产业金融处',
    ]) {
      expect(card).toHaveTextContent(words);
    }
    expect(calls.map((c) => c.path)).toContain('/problems/p-1');
  });

  it('shows the department what the enterprise blew the whistle about', async () => {
    openPage('/tasks/t-1', USERS.coordinator, {
      'GET /reference': REFERENCE,
      'GET /tasks/t-1': taskOf('WHISTLE_RESPONSE', 'p-1'),
      'GET /problems/p-1': {
        ...PROBLEM,
        status: 'in_progress',
        closeSummary: null,
        extension: null,
        whistle: {
          title: '授信迟迟未落实',
          description: '三个月无进展，订单无法交付',
          at: '2026-12-01T02:00:00Z',
        },
      },
      'GET /attachments': [],
    });
    const card = await screen.findByTestId('task-problem');
    expect(await within(card).findByText('授信迟迟未落实')).toBeInTheDocument();
    expect(card).toHaveTextContent('三个月无进展，订单无法交付');
  });

  it('tells the department, at the reply itself, that the enterprise reads it, unlike the comments', async () => {
    openPage('/tasks/t-1', USERS.finance, {
      'GET /reference': REFERENCE,
      'GET /tasks/t-1': taskOf('WHISTLE_RESPONSE', 'p-1'),
      'GET /problems/p-1': { ...PROBLEM, status: 'in_progress', whistleStatus: 'open' },
      'GET /attachments': [],
    });
    const form = await screen.findByTestId('task-form');
    const reply = await within(form).findByTestId('field-response');
    expect(within(reply).getByText('答复（企业可见）')).toBeInTheDocument();
    expect(reply).toHaveTextContent('此答复将发送给吹哨企业，企业可在问题台账、办理记录和一企一档中看到');
    // "Resolved" says it is a close request for the coordinators' review, not the 销号 itself.
    expect(within(form).getByTestId('field-resolved')).toHaveTextContent(
      '选“是”即以上述答复申请销号：问题进入科技处的问题销号审核，审核通过后方才销号',
    );
    // A diagnosed problem has its plan: the answer is not asked for one (a whistled new one is, below).
    expect(within(form).queryByTestId('field-measures')).toBeNull();
    expect(within(form).queryByTestId('field-target')).toBeNull();
    // The comments beside it stay internal, and say so.
    expect(
      within(screen.getByTestId('comments')).getByText('仅部门内部可见，企业不可见'),
    ).toBeInTheDocument();
    expect(within(form).queryByText('仅部门内部可见，企业不可见')).toBeNull();
  });

  it('shows the problem as the answer left it: replied and 化解中, not still waiting for the reply', async () => {
    // The walk's finance officer answered a whistle and read 待化解 / 等待产业金融处答复 on the card
    // beside 办理完成: the card kept the problem as it was before the answer.
    const user = fastUser();
    // jsdom has no layout: the page brings its 办理完成 into view.
    Element.prototype.scrollIntoView = vi.fn();
    let answered = false;
    const whistle = {
      title: '流动资金缺口约500万元',
      description: '银行贷款审批迟迟未下',
      at: '2026-12-07T05:16:00Z',
    };
    const reply = '已联系银行，下周安排银企对接会';
    openPage('/tasks/t-1', USERS.finance, {
      'GET /reference': REFERENCE,
      'GET /tasks/t-1': () => ({
        body: answered
          ? { ...taskOf('WHISTLE_RESPONSE', 'p-1'), status: 'done', outcome: 'respond', actions: {} }
          : taskOf('WHISTLE_RESPONSE', 'p-1'),
      }),
      'GET /problems/p-1': () => ({
        body: {
          ...PROBLEM,
          status: answered ? 'in_progress' : 'open',
          closeSummary: null,
          extension: null,
          whistleStatus: answered ? 'answered' : 'open',
          whistle: answered
            ? {
                ...whistle,
                answer: {
                  response: reply,
                  resolved: false,
                  department: 'finance',
                  at: '2026-12-07T05:17:00Z',
                },
              }
            : { ...whistle, answer: null },
        },
      }),
      'GET /attachments': [],
      'POST /tasks/t-1/complete': () => {
        answered = true;
        return { body: { stage: 'supporting', nextTasks: [] } };
      },
    });
    const card = await screen.findByTestId('task-problem');
    expect(await within(card).findByTestId('whistle-waiting')).toBeInTheDocument();
    const form = await screen.findByTestId('task-form');
    await user.type(within(form).getByTestId('field-response').querySelector('textarea')!, reply);
    await user.click(within(within(form).getByTestId('field-resolved')).getByText('否'));
    await user.click(screen.getByTestId('complete-submit'));
    expect(await screen.findByText('办理完成')).toBeInTheDocument();
    const answeredCard = () => screen.getByTestId('task-problem');
    await waitFor(() =>
      expect(within(answeredCard()).getByTestId('whistle-answer')).toHaveTextContent(reply),
    );
    expect(within(answeredCard()).queryByTestId('whistle-waiting')).toBeNull();
    expect(answeredCard()).toHaveTextContent('化解中');
  });

  // 二(五): a whistle on a new problem put it in the ledger without 化解措施 and 目标任务; the
  // department's answer is where they are set, and only there.
  it('asks the department for the measures and target a whistled new problem lacks, required', async () => {
    const user = fastUser();
    Element.prototype.scrollIntoView = vi.fn();
    const { calls } = openPage('/tasks/t-1', USERS.finance, {
      'GET /reference': REFERENCE,
      'GET /tasks/t-1': sampleTaskDetail('WHISTLE_RESPONSE', {
        problemId: 'p-1',
        problemPlanMissing: ['measures', 'target'],
      }),
      'GET /problems/p-1': { ...PROBLEM, measures: '', target: '', status: 'open', whistleStatus: 'open' },
      'GET /attachments': [],
      'POST /tasks/t-1/complete': { stage: 'supporting', nextTasks: [] },
    });
    // The card beside says what is missing rather than leave the rows blank.
    const card = await screen.findByTestId('task-problem');
    expect(await within(card).findAllByText('待责任部门报到时填写')).toHaveLength(2);
    const form = await screen.findByTestId('task-form');
    const measures = await within(form).findByTestId('field-measures');
    expect(measures).toHaveTextContent('化解措施');
    expect(measures).toHaveTextContent('尚无化解措施和目标任务：请在报到时一并填写');
    // Named as the problem card beside it names it.
    expect(within(form).getByTestId('field-target')).toHaveTextContent('目标任务');
    await user.type(within(form).getByTestId('field-response').querySelector('textarea')!, '已协调规划部门');
    await user.click(within(within(form).getByTestId('field-resolved')).getByText('否'));
    await user.click(screen.getByTestId('complete-submit'));
    // Required: nothing is sent without them.
    expect(await within(measures).findByText('必填')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await user.type(measures.querySelector('textarea')!, '协调规划部门调剂用地指标');
    await user.type(within(form).getByTestId('field-target').querySelector('input')!, '年内落实二期用地');
    await user.click(screen.getByTestId('complete-submit'));
    expect(await screen.findByText('办理完成')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      outcome: 'respond',
      data: {
        response: '已协调规划部门',
        measures: '协调规划部门调剂用地指标',
        target: '年内落实二期用地',
        resolved: false,
      },
    });
  });

  it('shows no problem card on other tasks', async () => {
    const { calls } = openPage('/tasks/t-1', USERS.coordinator, {
      'GET /reference': REFERENCE,
      'GET /tasks/t-1': taskOf('SCREEN', null),
      'GET /attachments': [],
    });
    expect(await screen.findByTestId('task-title')).toBeInTheDocument();
    expect(screen.queryByTestId('task-problem')).not.toBeInTheDocument();
    expect(calls.map((c) => c.path).some((p) => p.startsWith('/problems'))).toBe(false);
  });
});
