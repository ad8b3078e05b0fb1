import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { atWidth, fastUser, openPage, USERS } from '../../test/open-page';
import { REFERENCE } from '../../test/reference.fixture';
import type { AuditEvent } from './audit';
import { auditEvent as event } from './audit.fixture';

const userEvent = fastUser();

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('zh-CN');
});

const PAGE = {
  items: [
    event(3),
    event(2, {
      actor: 'mallory',
      actorName: null,
      outcome: 'refused',
      status: 403,
      creditCode: null,
      enterpriseName: null,
    }),
    event(1, {
      actor: 'system',
      actorName: null,
      actorRole: null,
      action: 'workflow.transition',
      creditCode: null,
      enterpriseName: null,
    }),
  ],
  total: 120,
  page: 1,
  pageSize: 50,
};

describe('audit', () => {
  it('lists events, filters by actor, and expands a row to its data', async () => {
    const { calls } = openPage('/audit', USERS.auditor, { 'GET /audit': PAGE, 'GET /reference': REFERENCE });
    const table = await screen.findByTestId('audit-table');
    await within(table).findByText('mallory');
    expect(table).toHaveTextContent('拒绝 403');
    // The enterprise by name, linked; its credit code smaller beneath.
    expect(within(table).getByRole('link', { name: '重庆芯测半导体科技有限公司' })).toHaveAttribute(
      'href',
      '/enterprises/91500000MA5U7DXX1F',
    );
    expect(within(table).getByText('91500000MA5U7DXX1F')).toHaveStyle({ fontSize: '12px' });
    expect(within(table).getByRole('columnheader', { name: '企业' })).toBeInTheDocument();
    expect(screen.getByText('共 120 条')).toBeInTheDocument();
    // On a desk the filters stand in sight, no button before them (a phone folds them).
    expect(screen.getByTestId('audit-filters')).toBeVisible();
    expect(screen.queryByTestId('audit-filters-toggle')).toBeNull();
    // The person by name, the account beneath and as the tooltip; an account no user has, as it is.
    expect(within(table).getByText('科技处 李明')).toHaveAttribute('title', 'coordinator');
    expect(table).toHaveTextContent('coordinator · 科技处（统筹）');
    expect(within(table).getByText('mallory')).toHaveAttribute('title', 'mallory');
    // What the system did by itself (a workflow's own transition), in words.
    expect(within(table).getByText('系统')).toHaveAttribute('title', 'system');

    await userEvent.click(within(table).getAllByRole('button', { name: /展开/ })[0]);
    expect(await screen.findByTestId('audit-detail-3')).toHaveTextContent('"reason": "符合条件"');

    await userEvent.type(screen.getByLabelText('操作人'), 'mallory');
    await userEvent.click(screen.getByRole('button', { name: /查\s*询/ }));
    await waitFor(() =>
      expect(calls.map((c) => c.path)).toContain('/audit?actor=mallory&reads=exclude&page=1&pageSize=50'),
    );
  });

  it('offers the actions in words and filters by the code picked', async () => {
    const { calls } = openPage('/audit', USERS.auditor, { 'GET /audit': PAGE, 'GET /reference': REFERENCE });
    await screen.findByTestId('audit-table');
    await userEvent.type(screen.getByLabelText('操作'), '办理任务');
    await userEvent.click(await screen.findByText('办理任务 · POST /api/tasks/:id/complete'));
    await userEvent.click(screen.getByRole('button', { name: /查\s*询/ }));
    await waitFor(() =>
      expect(calls.map((c) => new URLSearchParams(c.path.split('?')[1] ?? '').get('action'))).toContain(
        'POST /api/tasks/:id/complete',
      ),
    );
  });

  it('says the chain is intact with the count of rows checked', async () => {
    openPage('/audit', USERS.auditor, {
      'GET /audit': PAGE,
      'GET /audit/verify': {
        ok: true,
        checked: 120,
        firstBrokenAt: null,
        reason: null,
        head: { seq: 120, hash: 'abc' },
        checkpoint: { seq: 118, hash: 'def', at: '2026-07-01T08:15:00.000Z' },
      },
    });
    await userEvent.click(await screen.findByTestId('verify'));
    const result = await screen.findByTestId('verify-result');
    expect(result).toHaveTextContent('哈希链完整：已校验 120 条记录');
    expect(screen.getByTestId('verify-checkpoint')).toHaveTextContent('最近签名检查点：第 118 条');
    expect(result.className).toContain('success');
  });

  it('names the first broken row in red and marks it in the table', async () => {
    openPage('/audit', USERS.auditor, {
      'GET /audit': PAGE,
      'GET /audit/verify': {
        ok: false,
        checked: 2,
        firstBrokenAt: 2,
        reason: 'content_changed',
        head: { seq: 3, hash: 'abc' },
        checkpoint: null,
      },
    });
    await within(await screen.findByTestId('audit-table')).findByText('mallory');
    fireEvent.click(screen.getByTestId('verify'));
    const result = await screen.findByTestId('verify-result');
    expect(result).toHaveTextContent('哈希链断裂：自第 2 条起不再成立');
    expect(result).toHaveTextContent('记录内容被修改');
    expect(result).toHaveTextContent('尚无签名检查点');
    expect(result.className).toContain('error');
    expect(document.querySelector('[data-broken="true"]')).toHaveTextContent('mallory');
  });

  it('opens on one enterprise’s trail when linked with its credit code', async () => {
    const { calls } = openPage('/audit?creditCode=91500000MA5U7DXX1F', USERS.auditor, { 'GET /audit': PAGE });
    await within(await screen.findByTestId('audit-table')).findByText('mallory');
    expect(screen.getByLabelText('统一社会信用代码')).toHaveValue('91500000MA5U7DXX1F');
    expect(calls.map((c) => c.path)).toContain(
      '/audit?creditCode=91500000MA5U7DXX1F&reads=exclude&page=1&pageSize=50',
    );
  });

  it('reads a transition in the row: the step, its outcome, who (代 for a proxy) in which department, the stage change', async () => {
    const trail = {
      ...PAGE,
      items: [
        event(12, {
          actor: 'wangwu',
          actorName: '王五',
          actorDepartment: { zh: '企业服务专员', en: 'Service commissioner' },
          actorRole: null,
          action: 'workflow.transition',
          status: null,
          transition: {
            kind: 'completed',
            taskType: 'SCREEN',
            outcome: 'pass',
            onBehalfOf: 'coordinator',
            onBehalfOfName: '李明',
            stageChange: { from: 'screening', to: 'feedback' },
            opened: ['DISTRICT_FEEDBACK', 'ENTERPRISE_CONFIRM'],
          },
        }),
        event(11, {
          actor: 'district-500112',
          actorName: '渝北区 孙七',
          actorDepartment: { zh: '渝北区经信部门', en: '渝北区 district department' },
          actorRole: null,
          action: 'workflow.transition',
          status: null,
          transition: {
            kind: 'opened',
            taskType: null,
            outcome: null,
            onBehalfOf: null,
            onBehalfOfName: null,
            stageChange: { from: null, to: 'screening' },
            opened: ['SCREEN'],
          },
        }),
      ],
    };
    openPage('/audit', USERS.auditor, { 'GET /audit': trail, 'GET /reference': REFERENCE });
    const table = await screen.findByTestId('audit-table');
    const [screened, opened] = await within(table).findAllByTestId('audit-transition');
    // Without expanding: the step and outcome in words (codes as tooltips), the stage change, what opened next.
    expect(screened).toHaveTextContent('市级筛选通过筛选');
    expect(within(screened).getByText('市级筛选')).toHaveAttribute('title', 'SCREEN');
    expect(within(screened).getByText('通过筛选')).toHaveAttribute('title', 'pass');
    expect(screened).toHaveTextContent('阶段：市级筛选 → 区县和企业反馈');
    expect(screened).toHaveTextContent('新待办：区县反馈意见、企业确认');
    expect(opened).toHaveTextContent('推荐入库，流程开始');
    expect(opened).toHaveTextContent('进入阶段：市级筛选');
    // Who, by name with 代 for a proxy, the account and department beneath; the code stays visible.
    expect(within(table).getByText('王五（代 李明）')).toHaveAttribute('title', 'wangwu');
    expect(table).toHaveTextContent('wangwu · 企业服务专员');
    expect(within(table).getByText('渝北区 孙七')).toHaveAttribute('title', 'district-500112');
    expect(table).toHaveTextContent('district-500112 · 渝北区经信部门');
    expect(within(table).queryByText('系统')).toBeNull();
    expect(within(table).getAllByText('workflow.transition')).toHaveLength(2);

    await i18n.changeLanguage('en');
    expect(await within(table).findByText('王五 (for 李明)')).toBeInTheDocument();
    expect(screened).toHaveTextContent('City screeningPass');
    expect(screened).toHaveTextContent('Stage: City screening → District and enterprise feedback');
    expect(screened).toHaveTextContent('Next: District feedback, Enterprise confirmation');
    expect(opened).toHaveTextContent('Nominated; the lifecycle opened');
  });

  it('names what the system did and what the workflow said moved it; a row from before says 流程流转', async () => {
    const system = {
      actor: 'system',
      actorName: null,
      actorRole: null,
      action: 'workflow.transition',
      status: null,
    };
    const summary = (over: Partial<NonNullable<AuditEvent['transition']>>) => ({
      kind: 'other' as const,
      taskType: null,
      outcome: null,
      onBehalfOf: null,
      onBehalfOfName: null,
      stageChange: null,
      opened: [],
      ...over,
    });
    const trail = {
      ...PAGE,
      items: [
        event(24, { ...system, transition: summary({ kind: 'quarter_tick', opened: ['QUARTERLY_REPORT'] }) }),
        event(23, {
          ...system,
          actor: 'ent',
          actorName: '企业用户',
          transition: summary({ kind: 'whistle', opened: ['WHISTLE_RESPONSE'] }),
        }),
        event(22, {
          ...system,
          transition: summary({ kind: 'defaulted', taskType: 'DISTRICT_FEEDBACK', outcome: 'support' }),
        }),
        event(21, { ...system, transition: summary({ kind: 'problem_escalation' }) }),
        event(20, { ...system, transition: summary({ kind: 'other' }) }),
      ],
    };
    openPage('/audit', USERS.auditor, { 'GET /audit': trail, 'GET /reference': REFERENCE });
    const table = await screen.findByTestId('audit-table');
    const [tick, whistle, defaulted, escalated, old] =
      await within(table).findAllByTestId('audit-transition');
    expect(tick).toHaveTextContent('季度调度');
    expect(within(tick).getByText('季度调度')).toHaveAttribute('title', 'quarter_tick');
    expect(tick).toHaveTextContent('新待办：季度报告');
    expect(whistle).toHaveTextContent('企业吹哨');
    expect(whistle).toHaveTextContent('新待办：企业吹哨·部门报到');
    // A default: the step, the outcome it counted as, and that the policy decided it at the deadline.
    expect(defaulted).toHaveTextContent('区县反馈意见同意超时按政策默认');
    expect(within(defaulted).getByText('超时按政策默认')).toHaveAttribute('title', 'defaulted');
    expect(escalated).toHaveTextContent('台账问题逾期上报');
    expect(old).toHaveTextContent('流程流转');

    await i18n.changeLanguage('en');
    expect(await within(tick).findByText('Quarterly dispatch')).toBeInTheDocument();
    expect(whistle).toHaveTextContent('Whistle blown');
    expect(defaulted).toHaveTextContent('District feedbackSupportDefaulted at the deadline (policy)');
    expect(escalated).toHaveTextContent('Overdue problem escalated');
    expect(old).toHaveTextContent('Workflow transition');
  });

  it('opens on the business events and shows reads (查看) on demand, filtered by the server', async () => {
    const { calls } = openPage('/audit', USERS.auditor, { 'GET /audit': PAGE, 'GET /reference': REFERENCE });
    await within(await screen.findByTestId('audit-table')).findByText('mallory');
    expect(calls.map((c) => c.path)).toContain('/audit?reads=exclude&page=1&pageSize=50');
    expect(screen.getByTestId('audit-filters')).toHaveTextContent('业务事件（不含查看）');
    await userEvent.click(screen.getByLabelText('记录范围'));
    await userEvent.click(await screen.findByText('全部（含查看记录）'));
    await userEvent.click(screen.getByRole('button', { name: /查\s*询/ }));
    await waitFor(() =>
      expect(calls.map((c) => c.path)).toContain('/audit?reads=include&page=1&pageSize=50'),
    );
  });

  it('on a 320 px phone in English, keeps the title in the card head and says the subtitle below it', async () => {
    await i18n.changeLanguage('en');
    await atWidth(320, async () => {
      openPage('/audit', USERS.auditor, { 'GET /audit': PAGE, 'GET /reference': REFERENCE });
      const subtitle = await screen.findByTestId('audit-subtitle', {}, { timeout: 30_000 });
      expect(subtitle.closest('.ant-card-extra')).toBeNull();
      const head = subtitle.closest('.ant-card')!.querySelector('.ant-card-head')!;
      expect(head).toHaveTextContent(/^Audit log$/);
    });
  }, 60_000);

  it('on a 390 px phone, lists compact cards 20 a page, folds the filters behind one button, opens a card on tap', async () => {
    await atWidth(390, async () => {
      const { calls } = openPage('/audit?creditCode=91500000MA5U7DXX1F', USERS.auditor, {
        'GET /audit': PAGE,
        'GET /reference': REFERENCE,
      });
      const card = await screen.findByTestId('audit-card-3');
      // A phone's page is 20 events, never the desk's 50 (not even a first request aborted).
      expect(calls.map((c) => c.path)).toEqual(
        expect.arrayContaining(['/audit?creditCode=91500000MA5U7DXX1F&reads=exclude&page=1&pageSize=20']),
      );
      expect(calls.filter((c) => c.path.startsWith('/audit?')).map((c) => c.path)).not.toContainEqual(
        expect.stringContaining('pageSize=50'),
      );
      // When, who, what, which enterprise; the department and the data wait behind the tap.
      expect(card).toHaveTextContent('科技处 李明 · 办理任务');
      expect(card).toHaveTextContent('重庆芯测半导体科技有限公司 91500000MA5U7DXX1F');
      expect(card).not.toHaveTextContent('科技处（统筹）');
      expect(within(card).queryByText('成功')).toBeNull();
      expect(screen.getByTestId('audit-card-2')).toHaveTextContent('拒绝 403');
      expect(screen.queryByTestId('audit-detail-3')).toBeNull();

      // The filters fold behind one button that counts the one set (the linked enterprise).
      const toggle = screen.getByTestId('audit-filters-toggle');
      expect(toggle).toHaveTextContent('筛选 · 已设 1 项');
      expect(screen.getByTestId('audit-filters')).not.toBeVisible();
      await userEvent.click(toggle);
      expect(screen.getByTestId('audit-filters')).toBeVisible();
      await userEvent.type(screen.getByLabelText('操作人'), 'mallory');
      await userEvent.click(screen.getByRole('button', { name: /查\s*询/ }));
      await waitFor(() =>
        expect(calls.map((c) => c.path)).toContain(
          '/audit?creditCode=91500000MA5U7DXX1F&actor=mallory&reads=exclude&page=1&pageSize=20',
        ),
      );
      // 查询 folds them again, so what it found is what the screen shows.
      expect(screen.getByTestId('audit-filters')).not.toBeVisible();
      expect(toggle).toHaveTextContent('筛选 · 已设 2 项');

      await userEvent.click(screen.getByRole('button', { name: '查看第 3 条记录' }));
      const drawer = await screen.findByTestId('audit-event-drawer');
      expect(within(drawer).getByTestId('audit-detail-3')).toHaveTextContent('"reason": "符合条件"');
      expect(drawer).toHaveTextContent('coordinator · 科技处（统筹）');
      expect(within(drawer).getByRole('link', { name: '重庆芯测半导体科技有限公司' })).toHaveAttribute(
        'href',
        '/enterprises/91500000MA5U7DXX1F',
      );
    });
  });
});
