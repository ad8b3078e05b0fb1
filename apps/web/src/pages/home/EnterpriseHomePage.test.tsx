import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../api/types';
import type { FakeCall } from '../../test/fake-api';
import i18n from '../../i18n';
import { fastUser, openPage, USERS } from '../../test/open-page';
import { REFERENCE } from '../../test/reference.fixture';
import { KPI } from '../dashboard/fixture';
import { CODE, ENTERPRISE } from '../enterprises/enterprise.fixture';
import { dateText, dateTimeText } from '../../format';

const ENTERPRISE_USER: Actor = {
  username: 'ent-xince',
  role: 'enterprise_user',
  scope: { creditCodes: [CODE] },
  displayName: '芯测科技张经理',
};

/** GET /api/enterprises/:creditCode as the enterprise reads it: no portrait, the latest doubling. */
const OWN = {
  ...ENTERPRISE,
  diagnosis: { by: null, at: '2026-11-20T02:00:00.000Z' },
  doubling: { quarter: '2026Q3', annualizedRevenue: 104_000_000, growth: 1.3, expected: 1, onTrack: true },
};

function open(path = '/dashboard', enterprise: Record<string, unknown> = OWN, user = ENTERPRISE_USER) {
  return openPage(path, user, {
    'GET /reference': REFERENCE,
    [`GET /enterprises/${CODE}`]: enterprise,
    'GET /reports/kpi': KPI,
  });
}

const userEvent = fastUser();

/** Describes the request in the open 吹哨 dialog, sends it and expects the POST with `body`. */
async function sendWhistle(dialog: HTMLElement, calls: FakeCall[], body: Record<string, string>) {
  fireEvent.change(within(dialog).getByLabelText('问题描述及诉求'), { target: { value: '请协调检测机构' } });
  await userEvent.click(within(dialog).getByRole('button', { name: /吹\s*哨/ }));
  await waitFor(() =>
    expect(calls).toContainEqual({
      method: 'POST',
      path: `/enterprises/${CODE}/whistle`,
      body: { ...body, description: '请协调检测机构' },
    }),
  );
}

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('zh-CN');
});

describe('the enterprise user’s 总览', () => {
  it('shows its own stage since when and what it must do next, never asking for the city’s KPI', async () => {
    const { calls } = open();
    const now = await screen.findByTestId('home-now');
    expect(now).toHaveTextContent('当前阶段：帮扶中，自 2026-09-01 起');
    expect(screen.getByTestId('home-name')).toHaveTextContent('重庆芯测半导体科技有限公司');
    // Its overdue quarterly report, not the officers' 移出评审 that follows 帮扶中 on the path.
    const due = dateText(ENTERPRISE.openTasks[0].dueAt);
    expect(screen.getByTestId('home-next')).toHaveTextContent(
      `下一步：“季度报告 2026Q4”已于 ${due} 到期，请尽快办理（见待办事项）`,
    );
    expect(screen.getByTestId('home-next')).not.toHaveTextContent('下一步：移出评审');
    expect(screen.getByTestId('home-next')).toHaveTextContent('按季度报送经营数据');
    expect(calls.map((c) => c.path)).toContain(`/enterprises/${CODE}`);
    expect(calls.map((c) => c.path).filter((p) => p.startsWith('/reports'))).toEqual([]);
    expect(screen.queryByTestId('dashboard')).not.toBeInTheDocument();
  });

  it('names whom to call: its 服务专员 and district liaison, none before admission', async () => {
    open();
    expect(await screen.findByTestId('home-contacts')).toHaveTextContent(
      '服务专员：企业服务专员 王芳；区县联络员：渝北区经信委 赵强',
    );
    cleanup();
    open('/dashboard', {
      ...OWN,
      stage: 'screening',
      commissioner: null,
      commissionerName: null,
      districtLiaison: null,
      districtLiaisonName: null,
    });
    await screen.findByTestId('home-now');
    expect(screen.queryByTestId('home-contacts')).not.toBeInTheDocument();
  });

  it('lists its open tasks with their due dates, overdue marked, each opening its task', async () => {
    open();
    const tasks = await screen.findByTestId('home-tasks');
    const [task] = within(tasks).getAllByTestId('home-task');
    expect(within(task).getByRole('link', { name: '季度报告' })).toHaveAttribute(
      'href',
      `/tasks/${ENTERPRISE.openTasks[0].id}`,
    );
    expect(task).toHaveTextContent('2026Q4');
    expect(within(task).getByTestId('due-overdue')).toHaveTextContent('已超期 2026-12-10');
    expect(tasks).toHaveTextContent('1 项已逾期');
    expect(within(task).queryByTestId('mark-returned')).toBeNull();
  });

  it('marks a report sent back (退回), its reason on hover', async () => {
    const [report] = ENTERPRISE.openTasks;
    const reason = '营业收入与上季度差异较大，请核对';
    open('/dashboard', {
      ...OWN,
      openTasks: [
        {
          ...report,
          returned: {
            reason,
            by: null,
            at: '2026-12-06T12:01:00Z',
            fromTaskId: 'v-1',
            fromType: 'QUARTERLY_REVIEW',
          },
        },
      ],
    });
    const [task] = within(await screen.findByTestId('home-tasks')).getAllByTestId('home-task');
    expect(within(task).getByTestId('mark-returned')).toHaveTextContent('已退回');
    expect(within(task).getByTestId('mark-returned')).toHaveAttribute('title', reason);
  });

  it('lists its problems in the ledger with their status and its own doubling, without officers’ assessments', async () => {
    open();
    const problem = await screen.findByTestId('home-problem');
    expect(problem).toHaveTextContent('流动资金紧张');
    expect(problem).toHaveTextContent('已升级');
    expect(problem).toHaveTextContent('责任部门：产业金融处');
    const doubling = screen.getByTestId('home-doubling');
    expect(doubling).toHaveTextContent('入库基准营收8,000 万元');
    expect(doubling).toHaveTextContent('最新年化营收（2026Q3）1.04 亿元');
    expect(doubling).toHaveTextContent('营收为入库基准的 1.30 倍，目标 2 倍');
    // ×1.30 against ×2 is 30% of the way from the baseline, not 65% (ui-walk-7).
    expect(within(doubling).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '30');
    expect(doubling).toHaveTextContent('30%');
    // What it counts is what the enterprise sent (已报送), not a review's acceptance.
    expect(within(doubling).getByTestId('doubling-basis')).toHaveTextContent(
      '按贵企业已报送的季度数据计算；被退回的报告重新报送后计入。',
    );
    expect(screen.getByTestId('enterprise-home')).not.toHaveTextContent(/进度达标|画像|评分|尚待评审/);
  });

  it('blows the whistle from its problems on the home it lands on, then reads the problem again', async () => {
    // The walk's enterprise user on a phone found its problems on 总览 but 吹哨 only in 企业档案.
    let whistled = false;
    const { calls } = openPage('/dashboard', ENTERPRISE_USER, {
      'GET /reference': REFERENCE,
      [`GET /enterprises/${CODE}`]: () => ({
        body: {
          ...OWN,
          problems: OWN.problems.map((p) => ({ ...p, whistleStatus: whistled ? 'open' : p.whistleStatus })),
        },
      }),
      [`POST /enterprises/${CODE}/whistle`]: () => {
        whistled = true;
        return { status: 201, body: { taskId: 't1' } };
      },
    });
    const card = await screen.findByTestId('home-problems');
    await userEvent.click(within(card).getByRole('button', { name: /吹哨反映新问题/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('问题'), { target: { value: '新产品认证受阻' } });
    await sendWhistle(dialog, calls, { title: '新产品认证受阻' });
    expect(await within(card).findByTestId('home-whistle-waiting')).toHaveTextContent('已吹哨，等待');
  }, 60_000);

  // The review: 吹哨 sat under a problem already whistled (企业吹哨·待报到), which the server refuses
  // (409 WHISTLE_OPEN). Each problem says where its whistle stands and offers one only when allowed.
  it('shows each whistle’s standing with its date, and 吹哨 only on a problem the rule lets it whistle on', async () => {
    const [waiting] = ENTERPRISE.problems;
    const answer = {
      response: '已协调银行',
      resolved: false,
      department: 'finance',
      at: '2026-12-01T02:30:00.000Z',
    };
    const answered = {
      ...waiting,
      id: 'answered-1',
      title: '授信仍未落地',
      status: 'in_progress',
      whistleStatus: 'answered',
      whistleAnswer: answer,
    };
    const quiet = {
      ...waiting,
      id: 'quiet-1',
      title: '检测认证周期长',
      status: 'open',
      whistleStatus: null,
      whistledAt: null,
    };
    const closed = { ...quiet, id: 'closed-1', title: '已销号的老问题', status: 'resolved' };
    const { calls } = openPage('/dashboard', ENTERPRISE_USER, {
      'GET /reference': REFERENCE,
      [`GET /enterprises/${CODE}`]: { ...OWN, problems: [waiting, answered, quiet, closed] },
      [`POST /enterprises/${CODE}/whistle`]: { status: 201, body: { taskId: 't1' } },
    });
    const [first, second, third, fourth] = await screen.findAllByTestId('home-problem');
    expect(within(first).getByTestId('whistle')).toHaveTextContent('企业吹哨·待报到');
    expect(within(first).getByTestId('home-whistle-waiting')).toHaveTextContent(
      `${dateText(waiting.whistledAt)} 已吹哨，等待产业金融处答复`,
    );
    expect(within(first).queryByRole('button')).toBeNull();
    expect(within(second).getByTestId('whistle')).toHaveTextContent('企业吹哨·已报到');
    expect(within(second).getByTestId('home-whistle-answer')).toHaveTextContent(
      `产业金融处 · ${dateTimeText(answer.at)}`,
    );
    expect(within(second).getByRole('button', { name: /再次吹哨/ })).toBeInTheDocument();
    expect(within(fourth).queryByRole('button')).toBeNull();
    // Under the list: a new problem, which the rule always allows a member.
    expect(
      within(screen.getByTestId('home-problems')).getByRole('button', { name: /吹哨反映新问题/ }),
    ).toBeInTheDocument();

    await userEvent.click(within(third).getByRole('button', { name: /就此问题吹哨/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('whistle-problem-fixed')).toHaveTextContent('台账问题：检测认证周期长');
    expect(within(dialog).getByLabelText('问题')).toHaveValue('检测认证周期长');
    await sendWhistle(dialog, calls, { problemId: 'quiet-1', title: '检测认证周期长' });
  }, 60_000);

  it('offers no 吹哨 on the home once the path ended', async () => {
    open('/dashboard', { ...OWN, stage: 'graduated' });
    const card = await screen.findByTestId('home-problems');
    expect(within(card).queryByRole('button', { name: /吹\s*哨/ })).toBeNull();
  });

  it('shows the department’s reply to its whistle on the problem (已答复), and a whistle still waiting', async () => {
    const [waiting] = ENTERPRISE.problems;
    const answered = {
      ...waiting,
      id: '5d0c5f3e-8b7a-4c1e-9a53-0f2a1b3c4d5e',
      title: '贷款审批停滞',
      status: 'resolved',
      whistleStatus: 'answered',
      whistleAnswer: {
        response: '已协调银行，授信将于本周批复',
        resolved: true,
        department: 'finance',
        at: '2026-12-01T02:30:00.000Z',
      },
    };
    open('/dashboard', { ...OWN, problems: [answered, waiting] });
    const [first, second] = await screen.findAllByTestId('home-problem');
    const reply = within(first).getByTestId('home-whistle-answer');
    expect(reply).toHaveTextContent('已答复 · 问题已解决');
    expect(reply).toHaveTextContent('已协调银行，授信将于本周批复');
    expect(reply).toHaveTextContent(`产业金融处 · ${dateTimeText('2026-12-01T02:30:00.000Z')}`);
    expect(within(second).queryByTestId('home-whistle-answer')).toBeNull();
    expect(within(second).getByTestId('home-whistle-waiting')).toHaveTextContent(
      '已吹哨，等待产业金融处答复',
    );
  });

  it('says 待审核销号 of a reply that says resolved until the coordinators close the problem out', async () => {
    const [problem] = ENTERPRISE.problems;
    const answer = {
      response: '已将贵司列入12月18日产需对接会推介名单',
      resolved: true,
      department: 'sme',
      at: '2026-12-01T02:30:00.000Z',
    };
    const closing = { ...problem, status: 'closing', whistleStatus: 'answered', whistleAnswer: answer };
    const refused = { ...closing, id: '5d0c5f3e-8b7a-4c1e-9a53-0f2a1b3c4d5e', status: 'in_progress' };
    open('/dashboard', { ...OWN, problems: [closing, refused] });
    const [first, second] = await screen.findAllByTestId('home-problem');
    expect(first).toHaveTextContent('销号审核中');
    expect(within(first).getByTestId('home-whistle-answer')).toHaveTextContent('已答复 · 待审核销号');
    expect(first).not.toHaveTextContent('问题已解决');
    // The review refused the close request: the problem is worked on, the reply stays a reply.
    expect(within(second).getByTestId('home-whistle-answer')).toHaveTextContent(/^已答复/);
    expect(second).not.toHaveTextContent(/问题已解决|待审核销号/);
  });

  it('names the lead cluster’s 行业处室 as 责任部门 of an industry-owned problem, in both languages', async () => {
    const [problem] = ENTERPRISE.problems;
    const industry = {
      ...problem,
      ownerDepartment: 'industry',
      leadCluster: 'T2',
      leadDivision: { zh: '电子信息处', en: 'Electronic Information Division' },
      whistleStatus: 'open',
    };
    open('/dashboard', { ...OWN, problems: [industry] });
    const [item] = await screen.findAllByTestId('home-problem');
    expect(item).toHaveTextContent('责任部门：电子信息处');
    expect(within(item).getByTestId('home-whistle-waiting')).toHaveTextContent('已吹哨，等待电子信息处答复');
    expect(item).not.toHaveTextContent('行业处室');
    cleanup();
    await i18n.changeLanguage('en');
    open('/dashboard', { ...OWN, problems: [industry] });
    expect((await screen.findAllByTestId('home-problem'))[0]).toHaveTextContent(
      'Electronic Information Division',
    );
  });

  it('lands there after sign-in, named 总览 in the navigation', async () => {
    open('/');
    await screen.findByTestId('enterprise-home');
    expect(window.location.pathname).toBe('/dashboard');
    expect(within(screen.getByTestId('nav')).getByText('总览')).toBeInTheDocument();
    expect(within(screen.getByTestId('nav')).queryByText('驾驶舱')).not.toBeInTheDocument();
  });

  it('reads in English after the switch', async () => {
    await i18n.changeLanguage('en');
    open();
    expect(await screen.findByTestId('home-now')).toHaveTextContent('Current stage: Supporting, since');
    expect(screen.getByTestId('home-next')).toHaveTextContent('Next: “Quarterly report 2026Q4” was due');
    expect(screen.getByTestId('home-tasks')).toHaveTextContent('To do');
  });

  it('names its stage in full beside its name, as the path below does, in both languages', async () => {
    open('/dashboard', { ...OWN, stage: 'feedback', openTasks: [] });
    expect(await screen.findByTestId('home-stage')).toHaveTextContent(/^区县和企业反馈$/);
    cleanup();
    await i18n.changeLanguage('en');
    open('/dashboard', { ...OWN, stage: 'feedback', openTasks: [] });
    // Not the enterprise list's short tag ("Feedback").
    expect(await screen.findByTestId('home-stage')).toHaveTextContent(/^District and enterprise feedback$/);
    expect(screen.getByTestId('home-stage')).not.toHaveAttribute('title');
  });

  it.each([
    ['screening', [], '目前无需贵企业办理'],
    ['supplement', [], '目前无需贵企业办理'],
    ['feedback', ['ENTERPRISE_CONFIRM'], '下一步：请于'],
    ['feedback', [], '目前无需贵企业办理'],
    ['admission', [], '目前无需贵企业办理'],
    ['diagnosis', [], '目前无需贵企业办理'],
    ['supporting', [], '下一步：报送下一季度经营数据'],
    ['graduation_review', [], '目前无需贵企业办理'],
    ['graduated', [], '本轮流程已结束：已毕业'],
    ['exited', [], '本轮流程已结束：已移出'],
    ['rejected', [], '本轮流程已结束：未入库'],
  ] as const)('at %s with tasks %j, names the enterprise’s own next act: %s', async (stage, types, next) => {
    const [report] = ENTERPRISE.openTasks;
    const tasks = types.map((type) => ({
      ...report,
      type,
      label: { zh: '企业确认', en: 'Enterprise confirmation' },
      stage,
      overdue: false,
      quarter: null,
      dueAt: '2099-01-10T09:00:00.000Z',
    }));
    open('/dashboard', { ...OWN, stage, openTasks: tasks });
    const shown = await screen.findByTestId('home-next');
    expect(shown).toHaveTextContent(next);
    if (types.length) expect(shown).toHaveTextContent('前办理“企业确认”（见待办事项）');
    // Never an officer's step of the path as the enterprise's next one.
    expect(shown).not.toHaveTextContent(
      /下一步：(市级筛选|区县和企业反馈|入库审定|成长诊断|帮扶中|移出评审|已毕业)/,
    );
  });

  it('in 补充材料 quotes what the screening asked for and when, in both languages', async () => {
    const asked = '研发投入强度低于5%，请补充说明近三年研发费用归集口径';
    const at = '2026-11-05T02:00:00.000Z';
    const supplement = { ...OWN, stage: 'supplement', openTasks: [], supplementRequest: { asked, at } };
    open('/dashboard', supplement);
    const request = await screen.findByTestId('home-supplement-request');
    expect(request).toHaveTextContent(`市科技处要求补充的内容（${dateText(at)}）：${asked}`);
    expect(within(screen.getByTestId('home-next')).getByTestId('home-supplement-request')).toBe(request);
    cleanup();
    await i18n.changeLanguage('en');
    open('/dashboard', supplement);
    expect(await screen.findByTestId('home-supplement-request')).toHaveTextContent(
      `What the screening asked for (${dateText(at)}):${asked}`,
    );
    cleanup();
    // Not once the nomination is screened again (the server sends null then).
    open('/dashboard', { ...supplement, stage: 'screening', supplementRequest: null });
    await screen.findByTestId('home-next');
    expect(screen.queryByTestId('home-supplement-request')).not.toBeInTheDocument();
  });

  it('says an exited enterprise’s path ended, and may be nominated again', async () => {
    open('/dashboard', {
      ...OWN,
      stage: 'screening',
      stageSince: null,
      baselineRevenue: null,
      doubling: null,
      openTasks: [],
    });
    expect(await screen.findByTestId('home-now')).toHaveTextContent(/^当前阶段：市级筛选$/);
    expect(screen.getByTestId('home-doubling')).toHaveTextContent('入库后开始计算三年倍增进度');
    cleanup();
    open('/dashboard', { ...OWN, stage: 'exited', openTasks: [] });
    expect(await screen.findByTestId('home-next')).toHaveTextContent('本轮流程已结束：已移出');
    expect(screen.getByTestId('home-next')).toHaveTextContent('可再次申请推荐入库');
    expect(screen.getByTestId('home-path')).not.toHaveTextContent('下一步');
  });

  it('lets a contact of two enterprises choose which one it reads', async () => {
    const other = '91500112000000002P';
    const { calls } = openPage(
      '/dashboard',
      { ...ENTERPRISE_USER, scope: { creditCodes: [CODE, other] } },
      {
        'GET /reference': REFERENCE,
        [`GET /enterprises/${CODE}`]: OWN,
        [`GET /enterprises/${other}`]: {
          ...OWN,
          creditCode: other,
          name: '重庆精锐智能装备有限公司',
          stage: 'screening',
        },
      },
    );
    await screen.findByTestId('home-now');
    await userEvent.click(screen.getByRole('combobox', { name: '选择企业' }));
    await userEvent.click(await screen.findByTitle(other));
    await waitFor(() =>
      expect(screen.getByTestId('home-name')).toHaveTextContent('重庆精锐智能装备有限公司'),
    );
    expect(screen.getByTestId('home-now')).toHaveTextContent('当前阶段：市级筛选');
    expect(calls.map((c) => c.path)).toContain(`/enterprises/${other}`);
  });

  it('leaves officers the KPI dashboard', async () => {
    const { calls } = open('/dashboard', OWN, USERS.coordinator);
    await screen.findByTestId('dashboard');
    await waitFor(() =>
      expect(calls.map((c) => c.path)).toContain(`/reports/kpi?year=${new Date().getFullYear()}`),
    );
    expect(screen.queryByTestId('enterprise-home')).not.toBeInTheDocument();
    expect(within(screen.getByTestId('nav')).getByText('驾驶舱')).toBeInTheDocument();
  });
});
