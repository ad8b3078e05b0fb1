import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { FakeCall } from '../../test/fake-api';
import { fastUser, openPage, USERS } from '../../test/open-page';
import { resizeWindow } from '../../test/media';
import i18n from '../../i18n';
import { sampleNotification as notification } from './notification.fixture';

const userEvent = fastUser();

const LIST = {
  items: [
    notification('n1', {}),
    notification('n2', {
      kind: 'escalation',
      text: { zh: '入库审批已逾期', en: 'Admission overdue' },
      read: true,
    }),
    notification('n3', {
      kind: 'task_opened',
      text: { zh: '【新待办】区县反馈待您办理', en: 'New task: district feedback' },
      read: true,
      taskOpen: false,
      taskStatus: 'done',
    }),
  ],
  total: 3,
  unread: 3,
  page: 1,
  pageSize: 20,
};
const PREFERENCES = {
  email: null,
  emailEnabled: false,
  wecomWebhook: null,
  dingtalkWebhook: null,
  dingtalkSecretSet: true,
  digest: true,
  wecomUserId: null,
  wecomApp: true,
  dingtalkUserId: null,
  dingtalkApp: true,
};

const ENTERPRISE = { username: 'ent-1', role: 'enterprise_user', scope: {}, displayName: '企业' } as const;

describe('notifications', () => {
  // An auditor reads a task's page (TASK_PAGE), read-only: its notice links there as an officer's.
  it("links an auditor's notice to the task, whose page the auditor reads", async () => {
    openPage('/notifications', USERS.auditor, {
      'GET /notifications': { ...LIST, items: [notification('n1', {})], total: 1, unread: 1 },
      'GET /me/notification-preferences': PREFERENCES,
    });
    const row = await screen.findByTestId('notification-n1');
    expect(within(row).getByRole('link', { name: '重庆芯测科技有限公司' })).toBeVisible();
    expect(
      within(row)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual(['/enterprises/91500000MA5U7DXX1F', '/tasks/task-n1']);
  });

  it('names the task plainly to a role that may not open task pages (the audit administrator)', async () => {
    const auditAdmin = { username: 'aa', role: 'audit_admin', scope: {}, displayName: '审计管理员' } as const;
    openPage('/notifications', auditAdmin, {
      'GET /notifications': { ...LIST, items: [notification('n1', {})], total: 1, unread: 1 },
      'GET /me/notification-preferences': PREFERENCES,
    });
    const row = await screen.findByTestId('notification-n1');
    expect(within(row).getAllByRole('link')).toHaveLength(1);
  });

  it('lists reminders, counts the unread in the header and marks them read', async () => {
    const { calls } = openPage('/notifications', USERS.coordinator, {
      'GET /notifications': LIST,
      'GET /me/notification-preferences': PREFERENCES,
      'POST /notifications/n1/read': { id: 'n1', read: true },
      'POST /notifications/read-all': { marked: 3 },
    });
    const unread = await screen.findByTestId('notification-n1');
    expect(unread).toHaveTextContent('到期提醒筛选任务将于明天到期');
    expect(within(unread).getByRole('link', { name: '重庆芯测科技有限公司' })).toHaveAttribute(
      'href',
      '/enterprises/91500000MA5U7DXX1F',
    );
    expect(screen.getByTestId('notification-n2')).toHaveTextContent('逾期升级入库审批已逾期');
    expect(
      within(screen.getByTestId('notification-n2')).queryByRole('button', { name: '标为已读' }),
    ).toBeNull();
    await waitFor(() => expect(screen.getByTestId('unread-count')).toHaveTextContent('3'));
    // A notice whose task is done says so, and asks nothing more.
    const settled = screen.getByTestId('notification-n3');
    expect(within(settled).getByTestId('task-closed')).toHaveTextContent('已办结');
    expect(within(settled).queryByRole('button', { name: '标为已读' })).toBeNull();
    expect(within(unread).queryByTestId('task-closed')).toBeNull();

    await userEvent.click(within(unread).getByRole('button', { name: '标为已读' }));
    await userEvent.click(screen.getByTestId('read-all'));
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
        '/notifications/n1/read',
        '/notifications/read-all',
      ]),
    );
  });

  it('puts a notice’s time and 标为已读 on a line of their own on a phone, after its links on a desk', async () => {
    // ui-walk-10: at 390 px they wrapped with the links, a lone · starting the line (· 2026-12-08 06:52:28).
    const routes = {
      'GET /notifications': { ...LIST, items: [notification('n1', {})], total: 1, unread: 1 },
      'GET /me/notification-preferences': PREFERENCES,
    };
    const lines = async () => {
      const row = await screen.findByTestId('notification-n1');
      const links = within(row).getByTestId('notification-links');
      const when = within(row).getByTestId('notification-when');
      return { links, when, together: links.closest('.ant-space')!.parentElement!.closest('.ant-space')! };
    };
    openPage('/notifications', USERS.coordinator, routes);
    const desk = await lines();
    expect(desk.together).not.toHaveClass('ant-space-vertical');
    expect(desk.together.textContent).toMatch(/重庆芯测科技有限公司·SCREEN·.+·标为已读$/);
    cleanup();
    act(() => resizeWindow(390));
    try {
      openPage('/notifications', USERS.coordinator, routes);
      const phone = await lines();
      expect(phone.together).toHaveClass('ant-space-vertical');
      expect(phone.links).toHaveTextContent(/^重庆芯测科技有限公司·SCREEN$/);
      expect(phone.when).toHaveTextContent(/^.+·标为已读$/);
    } finally {
      act(() => resizeWindow(1024));
    }
  });

  // The walk: a switch that read 全部 said neither what it showed nor what it would turn to.
  it('offers 全部 and 未读 side by side, the unread counted, and asks for the one chosen; in English too', async () => {
    const { calls } = openPage('/notifications', USERS.coordinator, {
      'GET /notifications': LIST,
      'GET /me/notification-preferences': PREFERENCES,
    });
    const shown = await screen.findByTestId('notifications-shown');
    await waitFor(() => expect(shown).toHaveTextContent('全部未读（3）'));
    const chosen = () => shown.querySelector('.ant-segmented-item-selected');
    expect(chosen()).toHaveTextContent('全部');
    await userEvent.click(within(shown).getByText('未读（3）'));
    await waitFor(() =>
      expect(calls.map((c) => c.path)).toContain('/notifications?unread=true&page=1&pageSize=20'),
    );
    expect(chosen()).toHaveTextContent('未读（3）');
    await userEvent.click(within(shown).getByText('全部'));
    await waitFor(() => expect(chosen()).toHaveTextContent('全部'));
    await act(async () => void (await i18n.changeLanguage('en')));
    expect(shown).toHaveTextContent('AllUnread (3)');
    await act(async () => void (await i18n.changeLanguage('zh-CN')));
  });

  it('picks a proxy (委托代理) by name among the colleagues the server offers', async () => {
    const { calls } = openPage('/notifications', USERS.coordinator, {
      'GET /notifications': LIST,
      'GET /me/notification-preferences': PREFERENCES,
      'GET /me/proxy': { proxy: null, standingInFor: [] },
      'GET /me/proxy/candidates': {
        items: [{ username: 'coordinator-wang', displayName: '王五', role: 'city_coordinator' }],
      },
      'PUT /me/proxy': { proxy: null, standingInFor: [] },
    });
    const card = await screen.findByTestId('proxy');
    await userEvent.click(await within(card).findByLabelText('代理人'));
    // As 抄送 and 加签 show a person: the department beside the name, wrapping on a phone.
    const option = await screen.findByTestId('person-option');
    expect(option).toHaveTextContent('王五（coordinator-wang） · 科技处（统筹）');
    expect(option).toHaveStyle({ whiteSpace: 'normal' });
    await userEvent.click(await screen.findByText('王五'));
    // Picked: the box shows the name, not the username.
    await waitFor(() => expect(card.querySelector('.ant-select-content')).toHaveAttribute('title', '王五'));
    expect(calls.some((c) => c.path.startsWith('/me/proxy/candidates'))).toBe(true);
    // From and until one above the other, each its own picker: a range picker ran off a phone.
    expect(within(card).getByLabelText('开始日期')).toBeInTheDocument();
    expect(within(card).getByLabelText('结束日期（含当日）')).toBeInTheDocument();

    // Whole Shanghai days, whatever the browser's zone (the test runs in the machine's, UTC here).
    await userEvent.type(within(card).getByLabelText('开始日期'), '2026-12-07{enter}');
    await userEvent.type(within(card).getByLabelText('结束日期（含当日）'), '2026-12-10{enter}');
    await userEvent.click(within(card).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({
      to: 'coordinator-wang',
      from: '2026-12-06T16:00:00.000Z',
      until: '2026-12-10T16:00:00.000Z',
    });
  });

  // The walk (npm start): 钱丽's card said 您正在代理：district-500112.
  it('names whom I stand in for (委托代理) by name, not by login', async () => {
    openPage('/notifications', USERS.coordinator, {
      'GET /notifications': LIST,
      'GET /me/notification-preferences': PREFERENCES,
      'GET /me/proxy': {
        proxy: null,
        standingInFor: ['district-500112'],
        standingInForNames: ['渝北区 赵强'],
      },
    });
    const card = await screen.findByTestId('proxy');
    expect(await within(card).findByText('您正在代理：渝北区 赵强')).toBeInTheDocument();
    expect(card).not.toHaveTextContent('district-500112');
  });

  it('offers an enterprise no 委托代理: any of its users does its steps, none holds one personally', async () => {
    const { calls } = openPage('/notifications', ENTERPRISE, {
      'GET /notifications': LIST,
      'GET /me/notification-preferences': PREFERENCES,
      'GET /me/proxy': { proxy: null, standingInFor: [] },
    });
    await screen.findByTestId('preferences');
    expect(screen.queryByTestId('proxy')).toBeNull();
    expect(calls.some((c) => c.path.startsWith('/me/proxy'))).toBe(false);
  });

  it('announces a quarter’s 调度会材料 with its download', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:docx');
    URL.revokeObjectURL = vi.fn();
    const briefing = notification('b1', {
      kind: 'briefing',
      text: { zh: '【调度会材料】2026Q4 季度调度会材料已生成', en: 'The 2026Q4 meeting pack is ready' },
      taskId: null,
      taskType: null,
      creditCode: null,
      enterpriseName: null,
      dueAt: null,
      quarter: '2026Q4',
    });
    const { calls } = openPage('/notifications', USERS.leader, {
      'GET /notifications': { ...LIST, items: [briefing], total: 1, unread: 1 },
      'GET /me/notification-preferences': PREFERENCES,
      'GET /reports/dispatch-briefing.docx': 'docx',
    });
    const item = await screen.findByTestId('notification-b1');
    expect(item).toHaveTextContent('调度会材料【调度会材料】2026Q4 季度调度会材料已生成');
    await userEvent.click(within(item).getByTestId('download-briefing'));
    await waitFor(() =>
      expect(calls.map((c) => c.path)).toContain('/reports/dispatch-briefing.docx?quarter=2026Q4'),
    );
  });

  // ui-walk-10: after 撤回, the district's 新待办 of the step it had opened read 已办结; nobody did it.
  it('says a notice’s task was cancelled (退回, 撤回), not 已办结', async () => {
    const cancelled = notification('c1', { read: true, taskOpen: false, taskStatus: 'cancelled' });
    openPage('/notifications', USERS.coordinator, {
      'GET /notifications': { ...LIST, items: [cancelled], total: 1, unread: 0 },
      'GET /me/notification-preferences': PREFERENCES,
    });
    const item = await screen.findByTestId('notification-c1');
    expect(within(item).getByTestId('task-closed')).toHaveTextContent('已撤销');
    expect(item).not.toHaveTextContent('已办结');
  });

  it('tells of a ledger decision (销号 / 延期) under its own label, linking the enterprise, no task', async () => {
    const decided = notification('d1', {
      kind: 'problem_decided',
      text: {
        zh: '【销号确认】「重庆芯测科技有限公司」的问题「融资难」已销号。',
        en: 'Closed out: the problem “融资难” of 重庆芯测科技有限公司 is resolved.',
      },
      taskId: null,
      taskType: null,
      dueAt: null,
      taskOpen: null,
      taskStatus: null,
    });
    openPage('/notifications', USERS.coordinator, {
      'GET /notifications': { ...LIST, items: [decided], total: 1, unread: 1 },
      'GET /me/notification-preferences': PREFERENCES,
    });
    const item = await screen.findByTestId('notification-d1');
    expect(item).toHaveTextContent(
      '台账审核结果【销号确认】「重庆芯测科技有限公司」的问题「融资难」已销号。',
    );
    expect(
      within(item)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual(['/enterprises/91500000MA5U7DXX1F']);
    expect(within(item).getByRole('button', { name: '标为已读' })).toBeInTheDocument();
    expect(within(item).queryByTestId('task-closed')).toBeNull();
  });

  it('saves the preferences without touching the stored DingTalk secret', async () => {
    const { calls } = openPage('/notifications', USERS.coordinator, {
      'GET /notifications': LIST,
      'GET /me/notification-preferences': PREFERENCES,
      'PUT /me/notification-preferences': (call: FakeCall) => ({
        body: { ...PREFERENCES, ...(call.body as object) },
      }),
    });
    const card = await screen.findByTestId('preferences');
    expect(await within(card).findByText(/已设置钉钉加签密钥/)).toBeInTheDocument();
    await userEvent.type(within(card).getByLabelText('电子邮箱'), 'li.ming@cq.gov.cn');
    await userEvent.click(
      within(screen.getByTestId('field-emailEnabled')).getByRole('radio', { name: '是' }),
    );
    await userEvent.type(within(card).getByLabelText('企业微信账号（UserID）'), 'LiMing');
    expect(within(screen.getByTestId('field-dingtalkApp')).getByText('钉钉工作通知')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('preferences-save'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      email: 'li.ming@cq.gov.cn',
      emailEnabled: true,
      wecomWebhook: null,
      dingtalkWebhook: null,
      digest: true,
      wecomUserId: 'LiMing',
      wecomApp: true,
      dingtalkUserId: null,
      dingtalkApp: true,
    });
  });

  it('offers an enterprise plain choices: e-mail, its linked 企业微信, the digest; never robots or ids', async () => {
    const enterprise = {
      username: 'ent-xince',
      role: 'enterprise_user' as const,
      scope: { creditCodes: ['91500000MA5U7DXX1F'] },
    };
    const linked = { ...PREFERENCES, dingtalkSecretSet: false, wecomUserId: 'xince-li' };
    const { calls } = openPage('/notifications', enterprise, {
      'GET /notifications': LIST,
      'GET /me/notification-preferences': linked,
      'PUT /me/notification-preferences': (call: FakeCall) => ({
        body: { ...linked, ...(call.body as object) },
      }),
    });
    const card = await screen.findByTestId('preferences');
    await within(card).findByLabelText('电子邮箱');
    expect(within(card).getByTestId('preferences-in-app')).toHaveTextContent('站内消息始终送达');
    for (const shown of ['邮件提醒', '企业微信应用消息', '每个工作日早晨汇总提醒']) {
      expect(within(card).getByText(shown)).toBeInTheDocument();
    }
    // Robots and directory ids are no company's; 钉钉 is not linked for it.
    for (const hidden of [/机器人/, /加签/, /UserID/, /userid/, /钉钉/]) {
      expect(within(card).queryByText(hidden)).toBeNull();
    }
    await userEvent.type(within(card).getByLabelText('电子邮箱'), 'li@xince.cn');
    await userEvent.click(
      within(screen.getByTestId('field-emailEnabled')).getByRole('radio', { name: '是' }),
    );
    await userEvent.click(screen.getByTestId('preferences-save'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      email: 'li@xince.cn',
      emailEnabled: true,
      wecomApp: true,
      digest: true,
    });
  });
});
