import { TASK_FORMS } from '@hardtech/domain/tasks/forms';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../../api/types';
import i18n from '../../i18n';
import { fastUser, openPage, USERS } from '../../test/open-page';
import { REFERENCE } from '../../test/reference.fixture';
import { CASE_FILE, criterion, SCREENING, sampleTask, sampleTaskDetail } from './taskFixture';
import { resizeWindow } from '../../test/media';
import { dateTimeText } from '../../format';

const REFERENCE_WITH_TASK_TYPE = {
  ...REFERENCE,
  taskTypes: { SCREEN: { zh: '市级筛选', en: 'City screening' } } as typeof REFERENCE.taskTypes,
};
const TASK = {
  ...sampleTask(),
  data: null,
  form: TASK_FORMS.SCREEN,
  outcomes: Object.entries(TASK_FORMS.SCREEN.outcomes).map(([outcome, o]) => ({ outcome, label: o.label })),
  actions: { complete: true, claim: true, unclaim: false, delegate: true, urge: false, cc: false },
  enterprise: {
    creditCode: '91350100M000100Y43',
    name: '重庆示例科技有限公司',
    district: '500112',
    cluster: 'T2',
    stage: 'screening',
    leadCluster: null,
    screening: SCREENING,
    nomination: {},
  },
  caseFile: CASE_FILE,
  comments: [
    {
      id: 'c1',
      author: 'district-500112',
      authorName: '赵强',
      authorDepartment: { zh: '渝北区经信部门', en: 'Yubei District department of economy and IT' },
      text: '企业材料已核实',
      at: '2026-11-25T01:00:00Z',
    },
  ],
  copies: [],
  copiedToMe: false,
};

/** TASK as a step of another type: its form and outcomes. */
const taskOfType = (type: keyof typeof TASK_FORMS) => ({
  ...TASK,
  type,
  form: TASK_FORMS[type],
  outcomes: Object.entries(TASK_FORMS[type].outcomes).map(([outcome, o]) => ({ outcome, label: o.label })),
});

/** A 会签 round of two, one answered. */
const COUNTERSIGN_ROUND = {
  id: 'cs-1',
  requestedBy: 'coordinator',
  at: '2026-11-25T01:00:00Z',
  mode: 'all',
  note: '请专员就经营情况给出意见',
  users: ['commissioner', 'industry-t2'],
  userNames: ['企业服务专员 陈静', '电子信息处 王芳'],
  answers: [{ user: 'industry-t2', taskId: 'cs-t-2', outcome: 'agree', at: '2026-11-25T02:00:00Z' }],
};
/** `approvalActions` with none allowed; a test allows the one it looks at. */
const NO_APPROVAL_ACTIONS = {
  return: false,
  withdraw: false,
  urge: false,
  countersign: false,
  cc: false,
  delegate: false,
};
const DESKTOP_WIDTH = window.innerWidth;
const COMMISSIONER = {
  username: 'commissioner',
  role: 'commissioner' as const,
  scope: {},
  displayName: '陈静',
};
/** A 转办 candidate as GET /tasks/:id/candidates answers it. */
const CANDIDATE = { role: 'city_coordinator', assignee: false, self: false, onBehalfOf: null };
const TASK_ROUTES = {
  'GET /reference': REFERENCE_WITH_TASK_TYPE,
  'GET /tasks/t-1': TASK,
  'GET /attachments': [],
};
/** The task page on a screen `width` px wide (antd's breakpoints read window.innerWidth). */
function openTaskAt(width: number) {
  act(() => resizeWindow(width));
  openPage('/tasks/t-1', USERS.coordinator, TASK_ROUTES);
}

describe('task page', () => {
  afterEach(() => {
    act(() => resizeWindow(DESKTOP_WIDTH));
  });

  it('shows 转办 disabled, with the reason, when nobody but the holder and the caller may do the task', async () => {
    openPage('/tasks/t-1', USERS.coordinator, {
      ...TASK_ROUTES,
      'GET /tasks/t-1/candidates': [
        { ...CANDIDATE, username: 'coordinator', displayName: '统筹员', self: true },
        { ...CANDIDATE, username: 'coordinator-2', displayName: '周统筹', assignee: true },
      ],
    });
    const unavailable = await screen.findByTestId('delegate-unavailable');
    expect(
      within(unavailable)
        .getByText(/转\s*办/)
        .closest('button'),
    ).toBeDisabled();
    fireEvent.mouseEnter(unavailable);
    expect(await screen.findByText('除当前办理人外，没有其他在岗人员可以办理此任务。')).toBeInTheDocument();
  });

  // A walk's commissioner found 转办 disabled on their DIAGNOSE, told to ask for a user to be added or
  // a scope widened: neither helps a task named to them; a proxy (委托代理) does.
  it('says a task named to the caller alone is theirs by name, and that a proxy can act for them', async () => {
    openPage('/tasks/t-1', COMMISSIONER, {
      ...TASK_ROUTES,
      'GET /tasks/t-1': { ...TASK, type: 'DIAGNOSE', candidateGroups: ['user:commissioner'] },
      'GET /tasks/t-1/candidates': [
        { ...CANDIDATE, role: 'commissioner', username: 'commissioner', displayName: '陈静', self: true },
      ],
    });
    const unavailable = await screen.findByTestId('delegate-unavailable');
    expect(within(unavailable).getByRole('button', { name: /转\s*办/ })).toBeDisabled();
    fireEvent.mouseEnter(unavailable);
    expect(await screen.findByText(/此任务按人指派给您本人/)).toBeInTheDocument();
    expect(screen.getByText(/请在“消息通知”页设置委托代理/)).toBeInTheDocument();
    expect(screen.queryByText(/能办理此任务的在岗人员只有您一人/)).toBeNull();
  });

  // coordinator standing in for coordinator-2 (周统筹), who holds the task.
  const PROXY_TASK = {
    ...TASK,
    assignee: 'coordinator-2',
    actions: { ...TASK.actions, delegate: true },
    actingFor: { username: 'coordinator-2', displayName: '周统筹' },
  };
  const PROXY_CANDIDATES = [
    {
      ...CANDIDATE,
      username: 'coordinator',
      displayName: '统筹员',
      self: true,
      onBehalfOf: { username: 'coordinator-2', displayName: '周统筹' },
    },
    { ...CANDIDATE, username: 'coordinator-2', displayName: '周统筹', assignee: true },
  ];

  // The demo's coordinator-2 standing in for coordinator, who holds the task: 转办 was disabled
  // (only the holder and the caller) though the API lets the proxy take it for the principal.
  it('offers a proxy itself as 自己（代 X 办理） in 转办, and hands the task to itself', async () => {
    const user = fastUser();
    openPage('/tasks/t-1', USERS.coordinator, {
      ...TASK_ROUTES,
      'GET /tasks/t-1': PROXY_TASK,
      'GET /tasks/t-1/candidates': PROXY_CANDIDATES,
      'POST /tasks/t-1/delegate': { taskId: 't-1', assignee: 'coordinator' },
    });
    await user.click(await screen.findByRole('button', { name: /转\s*办/ }));
    const dialog = await screen.findByRole('dialog');
    expect(screen.queryByTestId('delegate-unavailable')).toBeNull();
    expect(within(dialog).getByText('输入姓名或用户名查找')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('combobox'));
    await user.click(await screen.findByText(/^自己（代 周统筹 办理） · 统筹员/));
    // Picked, the box says what the pick does, as the option's mark does.
    expect(within(dialog).getByRole('combobox').closest('.ant-select')).toHaveTextContent(
      '自己（代 周统筹 办理）',
    );
    await user.click(within(dialog).getByRole('button', { name: /转\s*办/ }));
    await waitFor(() => {
      const sent = vi.mocked(fetch).mock.calls.find(([url]) => String(url).endsWith('/delegate'));
      expect(JSON.parse(String(sent?.[1]?.body))).toMatchObject({ to: 'coordinator' });
    });
  });

  // 转办 picked a person by name and account only, where 抄送, 委托代理 and 加签 show their department too.
  it('转办 shows each person with their department, the name alone once picked, as 加签 does', async () => {
    const user = fastUser();
    openPage('/tasks/t-1', USERS.coordinator, {
      ...TASK_ROUTES,
      'GET /tasks/t-1/candidates': [
        { ...CANDIDATE, username: 'coordinator', displayName: '统筹员', self: true, assignee: true },
        {
          ...CANDIDATE,
          role: 'district_officer',
          username: 'district-500112',
          displayName: '渝北区经信委 赵强',
        },
      ],
    });
    await user.click(await screen.findByRole('button', { name: /转\s*办/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('combobox'));
    const option = await screen.findByTestId('person-option');
    expect(option).toHaveTextContent('渝北区经信委 赵强（district-500112） · 区县经信部门');
    expect(option).toHaveStyle({ whiteSpace: 'normal' });
    await user.click(option);
    const box = within(dialog).getByRole('combobox').closest('.ant-select') as HTMLElement;
    expect(box).toHaveTextContent('渝北区经信委 赵强');
    expect(box).not.toHaveTextContent('district-500112');
  });

  // The walk typed the proxy's own name and login into 转办 and found nothing: the option read 自己 only.
  it("finds a proxy's 自己（代 X 办理） by its own name and login, and by the principal's, as any other", async () => {
    const user = fastUser();
    openPage('/tasks/t-1', USERS.coordinator, {
      ...TASK_ROUTES,
      'GET /tasks/t-1': PROXY_TASK,
      'GET /tasks/t-1/candidates': [
        ...PROXY_CANDIDATES,
        { ...CANDIDATE, username: 'industry-t2', displayName: '产业处 王工' },
      ],
    });
    await user.click(await screen.findByRole('button', { name: /转\s*办/ }));
    const dialog = await screen.findByRole('dialog');
    const box = within(dialog).getByRole('combobox');
    const self = '自己（代 周统筹 办理）';
    // Each option is a person as every picker shows one (PersonOption): the proxy's after its mark.
    const offered = (who: RegExp) =>
      waitFor(() =>
        expect(screen.queryAllByTestId('person-option').map((o) => o.textContent)).toEqual([
          expect.stringMatching(who),
        ]),
      );
    for (const typed of ['统筹员', 'COORDINATOR', '周统筹', 'coordinator-2']) {
      await user.clear(box);
      await user.type(box, typed);
      await offered(new RegExp(`^${self} · 统筹员（coordinator）`));
    }
    await user.clear(box);
    await user.type(box, 'industry');
    await offered(/^产业处 王工（industry-t2）/);
  });

  it('on a phone, offers a jump to the form below the case file; on a desktop, where both show, not', async () => {
    const scrolled = vi.fn();
    Element.prototype.scrollIntoView = scrolled;
    openTaskAt(390);
    const jump = await screen.findByTestId('jump-to-form');
    expect(jump).toHaveTextContent('去办理');
    jump.click();
    expect(scrolled).toHaveBeenCalledTimes(1);
    expect(scrolled.mock.contexts[0]).toBe(document.getElementById('complete-task'));
    // The jump stops below the sticky header (64 px), not with the form's title behind it.
    expect(document.documentElement.style.scrollPaddingTop).toBe('72px');
    cleanup();
    openTaskAt(DESKTOP_WIDTH);
    await screen.findByTestId('case-file');
    expect(screen.queryByTestId('jump-to-form')).toBeNull();
    // On a desktop the header scrolls away with the page: no room is kept.
    expect(document.documentElement.style.scrollPaddingTop).toBe('');
  });

  // The walk's 成长诊断 on a phone: the jump sat in the page's head, gone once the officer scrolled into
  // a case file many screens long; the form was far below. Now a bar at the screen's foot, until the
  // form is in view, for DIAGNOSE as for every other task type.
  it('on a phone, keeps 去办理 at the foot of the screen through a 成长诊断 case file until the form is in view', async () => {
    let seen: (entries: Partial<IntersectionObserverEntry>[]) => void = () => undefined;
    const observed: Element[] = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(callback: typeof seen) {
          seen = callback;
        }
        observe(target: Element) {
          observed.push(target);
        }
        disconnect() {}
      },
    );
    const scrolled = vi.fn();
    Element.prototype.scrollIntoView = scrolled;
    act(() => resizeWindow(390));
    openPage('/tasks/t-1', USERS.coordinator, {
      ...TASK_ROUTES,
      'GET /tasks/t-1': sampleTaskDetail('DIAGNOSE', {
        caseFile: CASE_FILE,
        approvalActions: NO_APPROVAL_ACTIONS,
      }),
    });
    const bar = await screen.findByTestId('jump-to-form-bar');
    expect(bar).toHaveStyle({ position: 'fixed', bottom: '0px' });
    expect(within(bar).getByTestId('jump-to-form')).toHaveTextContent('去办理');
    expect(observed).toEqual([document.getElementById('complete-task')]);
    within(bar).getByTestId('jump-to-form').click();
    expect(scrolled.mock.contexts[0]).toBe(document.getElementById('complete-task'));
    const at = (isIntersecting: boolean, top: number) =>
      act(() => seen([{ isIntersecting, boundingClientRect: { top } as DOMRectReadOnly }]));
    at(true, 300);
    expect(screen.queryByTestId('jump-to-form-bar')).toBeNull();
    // Scrolled past the form to the comments: nothing to jump down to.
    at(false, -2000);
    expect(screen.queryByTestId('jump-to-form-bar')).toBeNull();
    at(false, 1500);
    expect(screen.getByTestId('jump-to-form-bar')).toBeInTheDocument();
    vi.unstubAllGlobals();
  });

  it('shows the 审批单编号 small beside the title, and saves the sheet under it when no tab opens', async () => {
    vi.spyOn(window, 'open').mockReturnValue(null);
    URL.createObjectURL = vi.fn(() => 'blob:sheet');
    URL.revokeObjectURL = vi.fn();
    const saved: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download);
    });
    openPage('/tasks/t-1', USERS.coordinator, {
      ...TASK_ROUTES,
      'GET /tasks/t-1/approval-sheet.pdf': '%PDF-1.7',
    });
    const sheetNo = await screen.findByTestId('task-sheet-no');
    expect(sheetNo).toHaveTextContent('编号 渝硬科审〔2026〕128号');
    expect(sheetNo.closest('.ant-card-head')).not.toBeNull();
    fireEvent.click(screen.getByTestId('printSheet'));
    await waitFor(() => expect(saved).toEqual(['审批单-渝硬科审〔2026〕128号.pdf']));
    click.mockRestore();
    vi.restoreAllMocks();
    cleanup();
    await i18n.changeLanguage('en');
    try {
      openPage('/tasks/t-1', USERS.coordinator, TASK_ROUTES);
      expect(await screen.findByTestId('task-sheet-no')).toHaveTextContent('No. 渝硬科审〔2026〕128号');
    } finally {
      await i18n.changeLanguage('zh-CN');
    }
  });

  it('on a phone, keeps the title in the head and puts the buttons below it, where they leave it room', async () => {
    const claim = { name: /认\s*领/ };
    openTaskAt(390);
    const title = await screen.findByTestId('task-title');
    expect(title).toHaveTextContent('市级筛选 · 重庆示例科技有限公司');
    const head = title.closest('.ant-card-head') as HTMLElement;
    // In the head's extra the buttons take the whole row and the title is cut to nothing.
    expect(within(head).queryByTestId('jump-to-form')).toBeNull();
    expect(within(head).queryByRole('button', claim)).toBeNull();
    expect(screen.getByRole('button', claim)).toBeInTheDocument();
    cleanup();
    openTaskAt(DESKTOP_WIDTH);
    const wide = await screen.findByTestId('task-title');
    expect(
      within(wide.closest('.ant-card-head') as HTMLElement).getByRole('button', claim),
    ).toBeInTheDocument();
  });

  // The UI walk: after 撤回 the district's form was empty, its opinion to be typed again.
  it('starts a withdrawn task’s form from the withdrawn result, outcome and fields, and says so', async () => {
    Element.prototype.scrollIntoView = vi.fn();
    const user = fastUser();
    const feedback = {
      ...taskOfType('DISTRICT_FEEDBACK'),
      data: { opinion: '材料齐全，同意推荐' },
      withdrawn: { outcome: 'oppose' },
    };
    const { calls } = openPage('/tasks/t-1', USERS.coordinator, {
      ...TASK_ROUTES,
      'GET /tasks/t-1': feedback,
      'POST /tasks/t-1/complete': { stage: 'feedback', nextTasks: [] },
    });
    expect(await screen.findByTestId('withdrawn-loaded')).toHaveTextContent('已载入撤回前的内容');
    expect(screen.getByRole('radio', { name: '不同意' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: '区县意见' })).toHaveValue('材料齐全，同意推荐');
    await user.click(screen.getByTestId('complete-submit'));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST' && c.path === '/tasks/t-1/complete')?.body).toEqual({
        outcome: 'oppose',
        data: { opinion: '材料齐全，同意推荐' },
      }),
    );
    cleanup();
    // Not withdrawn: nothing said, nothing chosen.
    openPage('/tasks/t-1', USERS.coordinator, {
      ...TASK_ROUTES,
      'GET /tasks/t-1': { ...feedback, data: null, withdrawn: null },
    });
    expect(await screen.findByRole('radio', { name: '不同意' })).not.toBeChecked();
    expect(screen.queryByTestId('withdrawn-loaded')).toBeNull();
  });

  it('once the form is sent, brings 办理完成 into view, which replaces the long form scrolled through', async () => {
    const scrolled = vi.fn();
    Element.prototype.scrollIntoView = scrolled;
    const user = fastUser();
    openPage('/tasks/t-1', USERS.coordinator, {
      ...TASK_ROUTES,
      'POST /tasks/t-1/complete': { stage: 'feedback', nextTasks: [] },
    });
    await user.click(await screen.findByText('通过筛选'));
    expect(scrolled).not.toHaveBeenCalled();
    await user.click(screen.getByTestId('complete-submit'));
    expect(await screen.findByText('办理完成')).toBeInTheDocument();
    await waitFor(() => expect(scrolled).toHaveBeenCalledTimes(1));
    expect(scrolled.mock.contexts[0]).toBe(document.getElementById('complete-task'));
  });

  it('names who gave an earlier opinion and their department without brackets inside brackets', async () => {
    const opinion = {
      ...CASE_FILE.opinions[0],
      actorName: '科技处 李明（代 王芳）',
      actorDepartment: { zh: '科技处（统筹）', en: 'City coordinator' },
      at: '2026-11-24T02:00:00Z',
    };
    openPage('/tasks/t-1', USERS.coordinator, {
      ...TASK_ROUTES,
      'GET /tasks/t-1': { ...TASK, caseFile: { ...CASE_FILE, opinions: [opinion] } },
    });
    const by = await screen.findByTestId('opinion-by');
    expect(by.textContent).toMatch(/^科技处 李明（代 王芳） · 科技处（统筹） · 2026/);
    // Not 科技处 李明（代 王芳）（科技处（统筹））: no bracket opens before the last one closed.
    expect(by.textContent).not.toMatch(/（[^）]*（/);
  });

  it('lists an earlier 退回 among the 流转意见: the step, 退回, its reason, who and when', async () => {
    const returned = {
      ...CASE_FILE.opinions[0],
      taskId: 'a-1',
      taskType: 'ADMIT',
      outcome: 'returned',
      opinion: '研发投入数据需再核实',
      data: {},
      actor: 'coordinator',
      actorName: '科技处 李明',
      actorDepartment: { zh: '科技处（统筹）', en: 'City coordinator' },
      at: '2026-11-25T02:00:00Z',
    };
    openPage('/tasks/t-1', USERS.coordinator, {
      ...TASK_ROUTES,
      'GET /tasks/t-1': { ...TASK, caseFile: { ...CASE_FILE, opinions: [CASE_FILE.opinions[0], returned] } },
    });
    const entry = await screen.findByTestId('opinion-ADMIT');
    expect(entry).toHaveTextContent(/：退回/);
    expect(entry).not.toHaveTextContent('returned');
    expect(entry).toHaveTextContent('研发投入数据需再核实');
    expect(within(entry).getByTestId('opinion-by').textContent).toMatch(
      /^科技处 李明 · 科技处（统筹） · 2026/,
    );
  });

  it("reads an officer's opinion kept from the enterprise (outcome done) as 已办理 / Done, not its code", async () => {
    const enterprise = {
      username: 'ent-1',
      role: 'enterprise_user' as const,
      scope: { creditCodes: ['91350100M000100Y43'] },
    };
    const feedback = {
      ...CASE_FILE.opinions[0],
      taskId: 'f-1',
      taskType: 'DISTRICT_FEEDBACK',
      outcome: 'done',
      opinion: null,
      actor: null,
      actorName: null,
      actorDepartment: null,
    };
    const routes = {
      ...TASK_ROUTES,
      'GET /tasks/t-1': {
        ...TASK,
        status: 'done',
        outcome: 'done',
        completedBy: null,
        completedAt: '2026-11-26T02:00:00Z',
        caseFile: { ...CASE_FILE, opinions: [feedback] },
      },
    };
    openPage('/tasks/t-1', enterprise, routes);
    const entry = await screen.findByTestId('opinion-DISTRICT_FEEDBACK');
    expect(entry).toHaveTextContent(/：已办理/);
    expect(entry).not.toHaveTextContent('done');
    expect(screen.getByTestId('task-closed')).toHaveTextContent(/^本任务已办结：已办理/);
    cleanup();
    await i18n.changeLanguage('en');
    try {
      openPage('/tasks/t-1', enterprise, routes);
      const english = await screen.findByTestId('opinion-DISTRICT_FEEDBACK');
      expect(english).toHaveTextContent(/Done/);
      expect(english).not.toHaveTextContent('done');
    } finally {
      await i18n.changeLanguage('zh-CN');
    }
  });

  it('names 抄送 CC in English, not Copy, which reads as copying the text', async () => {
    await i18n.changeLanguage('en');
    try {
      openPage('/tasks/t-1', USERS.coordinator, {
        ...TASK_ROUTES,
        'GET /tasks/t-1': { ...TASK, actions: { ...TASK.actions, cc: true } },
      });
      expect(await screen.findByRole('button', { name: 'CC' })).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Copy' })).toBeNull();
    } finally {
      await i18n.changeLanguage('zh-CN');
    }
  });

  it('says who closed a task done by a proxy without brackets inside brackets', async () => {
    const opinion = {
      ...CASE_FILE.opinions[0],
      taskId: 't-1',
      actor: 'wangwu',
      actorName: '王五（代 李四）',
    };
    const done = {
      ...TASK,
      status: 'done',
      outcome: 'pass',
      completedBy: 'wangwu',
      onBehalfOf: 'lisi',
      completedAt: '2026-11-26T02:00:00Z',
      // The principal held it; the proxy did it.
      assignee: 'lisi',
      assigneeName: '李四',
    };
    openPage('/tasks/t-1', USERS.coordinator, {
      ...TASK_ROUTES,
      'GET /tasks/t-1': { ...done, caseFile: { ...CASE_FILE, opinions: [opinion] } },
    });
    const closed = await screen.findByTestId('task-closed');
    expect(closed).toHaveTextContent(/^本任务已办结：通过筛选 · 王五（代 李四）/);
    expect(closed.textContent).not.toMatch(/（[^）]*（/);
    // 办理人 in the head names the same, not the principal alone.
    expect(screen.getByTestId('task-assignee')).toHaveTextContent(/^王五（代 李四）$/);
    cleanup();
    // Where the reader is not told who did it: no empty brackets.
    openPage('/tasks/t-1', USERS.coordinator, {
      ...TASK_ROUTES,
      'GET /tasks/t-1': { ...done, completedBy: null, caseFile: { ...CASE_FILE, opinions: [] } },
    });
    const unnamed = await screen.findByTestId('task-closed');
    expect(unnamed).toHaveTextContent(/^本任务已办结：通过筛选返回待办$/);
    cleanup();
    // A step sent back (退回) reads 退回, not its code.
    openPage('/tasks/t-1', USERS.coordinator, {
      ...TASK_ROUTES,
      'GET /tasks/t-1': { ...done, status: 'cancelled', outcome: 'returned', onBehalfOf: null },
    });
    const returned = await screen.findByTestId('task-closed');
    expect(returned).toHaveTextContent(/^本任务已办结：退回 · /);
    expect(returned).not.toHaveTextContent('returned');
  });

  it('names who did a task done without a claim, not 未认领', async () => {
    const opinion = { ...CASE_FILE.opinions[0], taskId: 't-1', actor: 'ent-1', actorName: '芯测 刘经理' };
    openPage('/tasks/t-1', USERS.coordinator, {
      ...TASK_ROUTES,
      'GET /tasks/t-1': {
        ...TASK,
        status: 'done',
        outcome: 'pass',
        assignee: null,
        completedBy: 'ent-1',
        completedAt: '2026-11-26T02:00:00Z',
        caseFile: { ...CASE_FILE, opinions: [opinion] },
      },
    });
    const holder = await screen.findByTestId('task-assignee');
    expect(holder).toHaveTextContent('芯测 刘经理');
    expect(holder).toHaveAttribute('title', 'ent-1');
  });

  it('shows a step sent back (退回) as 已退回, with who sent it back as its 办理人, not 已取消 / 未认领', async () => {
    const returned = {
      ...CASE_FILE.opinions[0],
      taskId: 't-1',
      taskType: 'QUARTERLY_REVIEW',
      outcome: 'returned',
      opinion: '数据不全',
      actor: 'industry-1',
      actorName: '王芳',
    };
    openPage('/tasks/t-1', USERS.coordinator, {
      ...TASK_ROUTES,
      'GET /tasks/t-1': {
        ...TASK,
        status: 'cancelled',
        outcome: 'returned',
        assignee: null,
        completedBy: 'industry-1',
        completedAt: '2026-11-26T02:00:00Z',
        caseFile: { ...CASE_FILE, opinions: [returned] },
      },
    });
    expect(await screen.findByTestId('task-status')).toHaveTextContent('已退回');
    expect(screen.getByTestId('task-assignee')).toHaveTextContent('王芳');
    expect(screen.queryByText('已取消')).toBeNull();
    expect(screen.queryByText('未认领')).toBeNull();
  });

  it("names no 办理人 on an enterprise's own open step, which nobody claims", async () => {
    const enterprise = {
      username: 'ent-1',
      role: 'enterprise_user' as const,
      scope: { creditCodes: ['91350100M000100Y43'] },
    };
    openPage('/tasks/t-1', enterprise, {
      ...TASK_ROUTES,
      'GET /tasks/t-1': {
        ...TASK,
        candidateGroups: ['enterprise_user:enterprise:91350100M000100Y43'],
        actions: { complete: true, claim: false, unclaim: false, delegate: false, urge: false, cc: false },
      },
    });
    await screen.findByTestId('task-status');
    expect(screen.queryByText('办理人')).toBeNull();
    expect(screen.queryByText('未认领')).toBeNull();
  });

  it('answers an unknown task id with a way back to the inbox, not only a red bar', async () => {
    const user = fastUser();
    openPage('/tasks/nope', USERS.coordinator, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /tasks/nope': () => ({ status: 404, body: { code: 'TASK_NOT_FOUND', message: '任务不存在' } }),
      'GET /tasks': { items: [], total: 0 },
      'GET /views': [],
    });
    const missing = await screen.findByTestId('task-missing');
    expect(missing).toHaveTextContent('任务不存在');
    await user.click(within(missing).getByTestId('task-missing-back'));
    await waitFor(() => expect(window.location.pathname).toBe('/inbox'));
  });

  it('names who holds the task, as the inbox does, with the account as its tooltip', async () => {
    openPage('/tasks/t-1', USERS.coordinator, {
      ...TASK_ROUTES,
      'GET /tasks/t-1': { ...TASK, assignee: 'coordinator', assigneeName: '科技处 李明' },
    });
    const holder = await screen.findByTestId('task-assignee');
    expect(holder).toHaveTextContent('科技处 李明');
    expect(holder).toHaveAttribute('title', 'coordinator');
  });

  it('names who copied the task (抄送), a proxy as 王五（代 张三）, grouped by who copied', async () => {
    const copy = (username: string, displayName: string, copiedByName: string) => ({
      username,
      displayName,
      copiedBy: 'x',
      copiedOnBehalfOf: null,
      copiedByName,
      copiedAt: '2026-11-25T01:00:00Z',
      note: null,
    });
    openPage('/tasks/t-1', USERS.coordinator, {
      ...TASK_ROUTES,
      'GET /tasks/t-1': {
        ...TASK,
        copies: [
          copy('industry-t2', '电子信息处 王芳', '钱七（代 区县 孙八）'),
          copy('commissioner', '企业服务专员 陈静', '钱七（代 区县 孙八）'),
          copy('leader', '市领导', '科技处 李明'),
        ],
      },
    });
    expect(await screen.findByTestId('copies')).toHaveTextContent(
      '钱七（代 区县 孙八） 抄送给 电子信息处 王芳、企业服务专员 陈静；科技处 李明 抄送给 市领导',
    );
    expect(screen.getByTestId('copies').textContent).not.toMatch(/（[^）]*（/);
  });

  it('names whom a countersignature waits for by name, the account as its tooltip', async () => {
    const round = COUNTERSIGN_ROUND;
    openPage('/tasks/t-1', USERS.coordinator, {
      ...TASK_ROUTES,
      'GET /tasks/t-1': { ...TASK, countersigns: [round] },
    });
    const rounds = await screen.findByTestId('countersigns');
    expect(within(rounds).getByText(/企业服务专员 陈静：待答复/)).toHaveAttribute('title', 'commissioner');
    expect(rounds).toHaveTextContent('电子信息处 王芳：同意');
    expect(rounds).not.toHaveTextContent('commissioner');
  });

  it('on a phone, says what a 会签 asks at the top, before the case file, once; on a desk above the form', async () => {
    // The walk's district officer opened 会签意见 on a 390 px phone: the request was 3,000 px down.
    const asked = {
      ...TASK,
      type: 'COUNTERSIGN',
      countersignOf: {
        mode: 'all',
        note: '请区县对技术先进性出具意见',
        taskId: 't-0',
        countersignId: 'cs-1',
        requestedBy: 'coordinator-li',
        requestedByName: '科技处 李明',
      },
    };
    act(() => resizeWindow(390));
    openPage('/tasks/t-1', USERS.coordinator, { ...TASK_ROUTES, 'GET /tasks/t-1': asked });
    const notice = await screen.findByTestId('countersign-asked');
    // Who asks it, by name (the walk's officer could not tell).
    expect(notice).toHaveTextContent('科技处 李明 请您对该事项出具会签意见');
    expect(notice).toHaveTextContent('请区县对技术先进性出具意见');
    expect(
      notice.compareDocumentPosition(screen.getByTestId('case-file')) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(screen.getAllByTestId('countersign-asked')).toHaveLength(1);
    cleanup();
    act(() => resizeWindow(DESKTOP_WIDTH));
    openPage('/tasks/t-1', USERS.coordinator, { ...TASK_ROUTES, 'GET /tasks/t-1': asked });
    const onDesk = await screen.findByTestId('countersign-asked');
    expect(
      onDesk.compareDocumentPosition(document.getElementById('complete-task')!) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it('names a 会签 by what it asks (every one answers), not as if all agreed when one disagreed', async () => {
    // The walk's coordinator read 会签（全部同意） above 赵强：不同意 would read the same.
    const round = {
      ...COUNTERSIGN_ROUND,
      users: ['district-500112', 'industry-t2'],
      userNames: ['渝北区经信委 赵强', '电子信息处 王芳'],
      answers: [
        { user: 'district-500112', taskId: 'cs-t-1', outcome: 'disagree', at: '2026-11-25T02:00:00Z' },
        ...COUNTERSIGN_ROUND.answers,
      ],
    };
    openPage('/tasks/t-1', USERS.coordinator, {
      ...TASK_ROUTES,
      'GET /tasks/t-1': { ...TASK, countersigns: [round] },
    });
    const rounds = await screen.findByTestId('countersigns');
    expect(rounds).toHaveTextContent('渝北区经信委 赵强：不同意');
    expect(rounds).toHaveTextContent('会签（须全部答复）');
    expect(rounds).not.toHaveTextContent('全部同意');
  });

  it('加签 asks for colleagues by name, as 抄送 does', async () => {
    const user = fastUser();
    openPage('/tasks/t-1', USERS.coordinator, {
      ...TASK_ROUTES,
      'GET /tasks/t-1': {
        ...TASK,
        approvalActions: {
          return: false,
          withdraw: false,
          urge: false,
          countersign: true,
          cc: false,
          delegate: false,
        },
      },
      'GET /tasks/t-1/countersigners': [
        { username: 'industry-t2', displayName: '电子信息处 王芳', role: 'industry_officer' },
      ],
    });
    await user.click(await screen.findByTestId('countersign-button'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('输入姓名或用户名查找')).toBeInTheDocument();
  });

  // The walk (390 px): 加签 and 退回 touched, one item of the button row (a component's fragment).
  it('spaces 加签, 退回 and 撤回 as the other buttons, each an item of the row', async () => {
    openPage('/tasks/t-1', USERS.coordinator, {
      ...TASK_ROUTES,
      'GET /tasks/t-1': {
        ...TASK,
        approvalActions: { ...NO_APPROVAL_ACTIONS, countersign: true, return: true, withdraw: true },
      },
    });
    const countersign = await screen.findByTestId('countersign-button');
    const items = [
      countersign,
      screen.getByRole('button', { name: '退回' }),
      screen.getByRole('button', { name: '撤回' }),
    ].map((button) => button.closest('.ant-space-item'));
    expect(items.every(Boolean)).toBe(true);
    expect(new Set(items).size).toBe(3);
  });

  // The walk (npm start): after one 加签 the dialog opened again on 会签中 · 赵强 with 加签 enabled (the
  // API answers 409); after one 抄送 the next opened on the last one's people, by login.
  it('加签 and 抄送 open empty each time, not on the last round’s people', async () => {
    const user = fastUser();
    let asked = false;
    openPage('/tasks/t-1', USERS.coordinator, {
      ...TASK_ROUTES,
      'GET /tasks/t-1': () => ({
        body: {
          ...TASK,
          actions: { ...TASK.actions, cc: true },
          approvalActions: { ...NO_APPROVAL_ACTIONS, countersign: true, cc: true },
          countersigns: asked ? [{ ...COUNTERSIGN_ROUND, users: ['industry-t2'], answers: [] }] : [],
        },
      }),
      'GET /tasks/t-1/countersigners': [
        { username: 'industry-t2', displayName: '电子信息处 王芳', role: 'industry_officer' },
      ],
      'POST /tasks/t-1/countersign': () => {
        asked = true;
        return { status: 201, body: {} };
      },
      'GET /tasks/t-1/cc-candidates': {
        items: [{ username: 'industry-t9', displayName: '冯处长', role: 'industry_officer' }],
      },
      'POST /tasks/t-1/cc': () => ({ status: 201, body: { users: ['industry-t9'] } }),
    });
    await user.click(await screen.findByTestId('countersign-button'));
    await user.click(within(await screen.findByRole('dialog')).getByRole('combobox'));
    await user.click(await screen.findByTitle('电子信息处 王芳（industry-t2）'));
    await user.type(screen.getByLabelText('说明'), '请出具意见');
    await user.click(screen.getByTestId('countersign-submit'));
    await screen.findByText('已请 1 人会签');
    await user.click(screen.getByTestId('countersign-button'));
    const again = (await screen.findAllByRole('dialog')).at(-1)!;
    expect(within(again).queryByText(/王芳/)).toBeNull();
    expect(within(again).getByLabelText('说明')).toHaveValue('');
    expect(screen.getByTestId('countersign-submit')).toBeDisabled();
    await user.click(within(again).getByRole('button', { name: /取\s*消/ }));

    await user.click(screen.getByTestId('cc'));
    await user.click(screen.getByLabelText('抄送给'));
    await user.click(await screen.findByText('冯处长'));
    await user.click(
      within((await screen.findAllByRole('dialog')).at(-1)!).getByRole('button', { name: '抄送' }),
    );
    await screen.findByText('已抄送给 冯处长');
    await user.click(screen.getByTestId('cc'));
    const cc = (await screen.findByLabelText('抄送给')).closest('[role=dialog]') as HTMLElement;
    expect(within(cc).queryByText(/industry-t9|冯处长/)).toBeNull();
    expect(within(cc).getByRole('button', { name: /抄\s*送$/ })).toBeDisabled();
  });

  // ui-walk-7 at 390 px: 抄送 cut the department to "· 区…", 加签 showed none. Both show each person
  // as one component does (委托代理's too): name, account, department, the department wrapping whole.
  it('加签 and 抄送 show each person with their department, wrapping rather than cut', async () => {
    const user = fastUser();
    const zhao = { username: 'district-500112', displayName: '渝北区经信委 赵强', role: 'district_officer' };
    openPage('/tasks/t-1', USERS.coordinator, {
      ...TASK_ROUTES,
      'GET /tasks/t-1': {
        ...TASK,
        actions: { ...TASK.actions, cc: true },
        approvalActions: { ...NO_APPROVAL_ACTIONS, countersign: true, cc: true },
        countersigns: [],
      },
      'GET /tasks/t-1/countersigners': [{ ...zhao, assignee: false, self: false, onBehalfOf: null }],
      'GET /tasks/t-1/cc-candidates': { items: [zhao] },
    });
    const shown = async () => {
      const option = await screen.findByTestId('person-option');
      expect(option).toHaveTextContent('渝北区经信委 赵强（district-500112） · 区县经信部门');
      expect(option).toHaveStyle({ whiteSpace: 'normal' });
    };
    await user.click(await screen.findByTestId('countersign-button'));
    await user.click(within(await screen.findByRole('dialog')).getByRole('combobox'));
    await shown();
    await user.click(await screen.findByTestId('person-option'));
    // Picked, the box names the person alone, as 抄送's does.
    const box = within(screen.getByRole('dialog'))
      .getByRole('combobox')
      .closest('.ant-select') as HTMLElement;
    expect(box).toHaveTextContent('渝北区经信委 赵强');
    expect(box).not.toHaveTextContent('district-500112');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: /取\s*消/ }));
    cleanup();

    openPage('/tasks/t-1', USERS.coordinator, {
      ...TASK_ROUTES,
      'GET /tasks/t-1': {
        ...TASK,
        actions: { ...TASK.actions, cc: true },
        approvalActions: { ...NO_APPROVAL_ACTIONS, cc: true },
      },
      'GET /tasks/t-1/cc-candidates': { items: [zhao] },
    });
    await user.click(await screen.findByTestId('cc'));
    await user.click(await screen.findByLabelText('抄送给'));
    await shown();
  });

  it('names giving a claim up 取消认领, beside 退回 (send back), not 退回认领 which reads as the same thing', async () => {
    const held = {
      ...TASK,
      type: 'ADMIT',
      assignee: 'coordinator',
      actions: { ...TASK.actions, claim: false, unclaim: true },
      approvalActions: { ...NO_APPROVAL_ACTIONS, return: true },
    };
    openPage('/tasks/t-1', USERS.coordinator, { ...TASK_ROUTES, 'GET /tasks/t-1': held });
    expect(await screen.findByRole('button', { name: '取消认领' })).toBeInTheDocument();
    // ui-walk-7: the walk's "退回" picked 退回认领, the first of two buttons of that name.
    expect(screen.getAllByRole('button', { name: /^退\s*回/ })).toEqual([
      screen.getByTestId('return-button'),
    ]);
  });

  it('退回 says which step it sends back to, then which it reopened and links to it, in the message and on the task it closed', async () => {
    const user = fastUser();
    let returned = false;
    const admit = { ...TASK, type: 'ADMIT', approvalActions: { ...NO_APPROVAL_ACTIONS, return: true } };
    const screenStep = { ...TASK, id: 't-0', approvalActions: NO_APPROVAL_ACTIONS };
    const { calls } = openPage('/tasks/t-1', USERS.coordinator, {
      ...TASK_ROUTES,
      'GET /tasks/t-1': () => ({
        body: returned
          ? { ...admit, status: 'cancelled', outcome: 'returned', approvalActions: NO_APPROVAL_ACTIONS }
          : admit,
      }),
      'GET /tasks/t-0': screenStep,
      'POST /tasks/t-1/return': () => {
        returned = true;
        return { body: { stage: 'screening', nextTasks: [{ ...screenStep, type: 'SCREEN' }] } };
      },
    });
    await user.click(await screen.findByTestId('return-button'));
    // Before it is sent, the dialog names where it goes: 纳入帮扶库 goes back to 市级筛选.
    expect(await screen.findByRole('dialog')).toHaveTextContent('退回到「市级筛选」');
    await user.type(await screen.findByLabelText('退回理由'), '材料不全');
    await user.click(screen.getByTestId('return-submit'));
    const message = (await screen.findByText(/^已退回/)).closest('.ant-message-notice') as HTMLElement;
    expect(within(message).getByTestId('reopened-step')).toHaveTextContent('前往重新打开的「市级筛选」');
    expect(within(message).getByTestId('reopened-step')).toHaveAttribute('href', '/tasks/t-0');
    // The message fades: the task, closed now, keeps the link.
    const closed = await screen.findByTestId('task-closed');
    const link = await within(closed).findByTestId('reopened-step');
    expect(link).toHaveAttribute('href', '/tasks/t-0');
    // Either link taken, the message has said its part.
    await user.click(link);
    await waitFor(() => expect(calls.some((c) => c.method === 'GET' && c.path === '/tasks/t-0')).toBe(true));
    // (jsdom runs no animation: the message stays, leaving.)
    await waitFor(() => expect(message).toHaveClass('ant-message-fade-leave'));
    // The reopened step's page (the same page, another task) links to nothing of the last one's.
    expect(await screen.findByTestId('task-status')).toHaveTextContent('待办');
    expect(screen.queryByTestId('task-closed')).toBeNull();
  });

  it('加签 with nobody to pick says why: nobody may be asked, or all who may are still to answer', async () => {
    const user = fastUser();
    const approvalActions = { ...NO_APPROVAL_ACTIONS, countersign: true };
    const people = [
      { username: 'commissioner', displayName: '企业服务专员 陈静', role: 'commissioner' },
      { username: 'industry-t2', displayName: '电子信息处 王芳', role: 'industry_officer' },
    ];
    const dialogOf = async (countersigners: unknown[], countersigns: unknown[] | null) => {
      cleanup();
      openPage('/tasks/t-1', USERS.coordinator, {
        ...TASK_ROUTES,
        'GET /tasks/t-1': { ...TASK, approvalActions, countersigns },
        'GET /tasks/t-1/countersigners': countersigners,
      });
      await user.click(await screen.findByTestId('countersign-button'));
      return screen.findByRole('dialog');
    };
    let dialog = await dialogOf([], null);
    expect(await within(dialog).findByTestId('countersign-empty')).toHaveTextContent(
      '没有可请会签的人员：会签人须为能查看该企业的在岗市级统筹、产业处室、区县人员或服务专员',
    );
    // Both asked in a round neither has answered: shown, not offered again.
    const waiting = { ...COUNTERSIGN_ROUND, answers: [] };
    dialog = await dialogOf(people, [waiting]);
    expect(await within(dialog).findByTestId('countersign-empty')).toHaveTextContent(
      '可请会签的人员都已在会签中',
    );
    await user.click(within(dialog).getByRole('combobox'));
    const asked = await screen.findByTitle('会签中 · 企业服务专员 陈静（commissioner）');
    expect(asked.closest('.ant-select-item')).toHaveClass('ant-select-item-option-disabled');
    // One answered (COUNTERSIGN_ROUND): the other may be picked, and nothing needs saying.
    dialog = await dialogOf(people, [COUNTERSIGN_ROUND]);
    await user.click(within(dialog).getByRole('combobox'));
    const free = await screen.findByTitle('电子信息处 王芳（industry-t2）');
    expect(free.closest('.ant-select-item')).not.toHaveClass('ant-select-item-option-disabled');
    expect(within(dialog).queryByTestId('countersign-empty')).toBeNull();
    await i18n.changeLanguage('en');
    try {
      dialog = await dialogOf([], null);
      expect(await within(dialog).findByTestId('countersign-empty')).toHaveTextContent(
        'Nobody can be asked: countersigners are active city coordinators',
      );
    } finally {
      await i18n.changeLanguage('zh-CN');
    }
  });

  it('委托代理: the proxy’s 加签 and 抄送 dialogs say whom they act for (代 X); the principal’s own say nothing', async () => {
    const user = fastUser();
    const actions = {
      return: false,
      withdraw: false,
      urge: false,
      countersign: true,
      cc: true,
      delegate: false,
    };
    const routes = (actingFor: unknown) => ({
      ...TASK_ROUTES,
      'GET /tasks/t-1': {
        ...TASK,
        actions: { ...TASK.actions, cc: true },
        approvalActions: actions,
        actingFor,
      },
      'GET /tasks/t-1/countersigners': [],
      'GET /tasks/t-1/cc-candidates': { items: [] },
    });
    openPage('/tasks/t-1', USERS.coordinator, routes({ username: 'zhang', displayName: '区县 孙八' }));
    // The page says so before any dialog: the walk's proxy read only 办理人 and could not tell.
    expect(await screen.findByTestId('acting-for-notice')).toHaveTextContent(
      '您正在代理 区县 孙八 办理此任务',
    );
    await user.click(await screen.findByTestId('countersign-button'));
    expect(within(await screen.findByRole('dialog')).getByTestId('acting-for')).toHaveTextContent(
      '（代 区县 孙八）',
    );
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: /取\s*消/ }));
    await user.click(screen.getByTestId('cc'));
    const titled = (title: string) =>
      screen.getAllByRole('dialog').some((d) => d.textContent?.includes(title));
    await waitFor(() => expect(titled('抄送任务（代 区县 孙八）')).toBe(true));
    cleanup();
    openPage('/tasks/t-1', USERS.coordinator, routes(null));
    await user.click(await screen.findByTestId('countersign-button'));
    await screen.findByRole('dialog');
    expect(screen.queryByTestId('acting-for')).toBeNull();
    expect(screen.queryByTestId('acting-for-notice')).toBeNull();
  });

  /** The page of the task the coordinator completed, GET /tasks/t-1 answering also `more`. */
  const openDone = (more: Record<string, unknown>) =>
    openPage('/tasks/t-1', USERS.coordinator, {
      ...TASK_ROUTES,
      'GET /tasks/t-1': {
        ...TASK,
        status: 'done',
        actions: { ...TASK.actions, complete: false, claim: false },
        ...more,
      },
    });
  const WITHDRAWABLE = { approvalActions: { ...NO_APPROVAL_ACTIONS, withdraw: true }, withdrawBlocked: null };

  it('撤回 refused now: the button is disabled and says why (the workflow’s reason)', async () => {
    const reason = {
      zh: '办理结果已被后续流转采用（如另一方反馈已办结本阶段、下一季度已开始），不能撤回',
      en: 'a later transition built on this completion; too late to withdraw',
    };
    openDone({
      approvalActions: NO_APPROVAL_ACTIONS,
      withdrawBlocked: { code: 'WITHDRAW_OVERTAKEN', message: reason },
    });
    expect(await screen.findByTestId('withdraw-button')).toBeDisabled();
    expect(screen.getByTestId('withdraw-blocked')).toHaveTextContent(reason.zh);
    cleanup();
    openDone(WITHDRAWABLE);
    expect(await screen.findByTestId('withdraw-button')).toBeEnabled();
    expect(screen.queryByTestId('withdraw-blocked')).toBeNull();
  });

  it.each([
    [390, '8px'],
    [DESKTOP_WIDTH, ''],
  ])(
    'at %i px pads the 撤回 confirmation’s root by %j (the page’s margin on a phone, none on a desk)',
    async (width, padding) => {
      // ui-walk-10: at 390 px antd shifted it flush against the left edge (x = 0).
      act(() => resizeWindow(width));
      const user = fastUser();
      openDone(WITHDRAWABLE);
      await user.click(await screen.findByTestId('withdraw-button'));
      const popup = await waitFor(() => {
        const root = document.querySelector<HTMLElement>('.ant-popconfirm');
        expect(root).not.toBeNull();
        return root!;
      });
      expect(popup.style.paddingInline).toBe(padding);
    },
  );

  it('offers 撤回 beside 办理完成, where the officer is after sending, not only in the buttons scrolled away', async () => {
    // The walk's coordinator passed a screening on a 390 px phone (and at 1440): 办理完成 came into
    // view, 撤回 was at the top, scrolled away.
    Element.prototype.scrollIntoView = vi.fn();
    const user = fastUser();
    let state: 'open' | 'done' | 'withdrawn' = 'open';
    act(() => resizeWindow(390));
    const { calls } = openPage('/tasks/t-1', USERS.coordinator, {
      ...TASK_ROUTES,
      'GET /tasks/t-1': () => ({
        body:
          state === 'done'
            ? {
                ...TASK,
                status: 'done',
                actions: { ...TASK.actions, complete: false, claim: false },
                approvalActions: { ...NO_APPROVAL_ACTIONS, withdraw: true },
                withdrawBlocked: null,
              }
            : TASK,
      }),
      'POST /tasks/t-1/complete': () => {
        state = 'done';
        return { body: { stage: 'feedback', nextTasks: [] } };
      },
      'POST /tasks/t-1/withdraw': () => {
        state = 'withdrawn';
        return { body: { stage: 'screening', task: TASK, cancelled: [] } };
      },
    });
    await user.click(await screen.findByText('通过筛选'));
    await user.click(screen.getByTestId('complete-submit'));
    const done = (await screen.findByText('办理完成')).closest('.ant-result') as HTMLElement;
    await user.click(await within(done).findByTestId('withdraw-button'));
    // Once: not also among the buttons at the top (the walk saw 撤回 twice after 城市初筛).
    expect(screen.getAllByTestId('withdraw-button')).toHaveLength(1);
    const confirm = await waitFor(() => {
      const ok = document.querySelector<HTMLElement>('.ant-popconfirm-buttons .ant-btn-primary');
      expect(ok).not.toBeNull();
      return ok!;
    });
    await user.click(confirm);
    await waitFor(() =>
      expect(calls.some((c) => c.method === 'POST' && c.path === '/tasks/t-1/withdraw')).toBe(true),
    );
    expect(await screen.findByTestId('complete-submit')).toBeInTheDocument();
  });

  describe('a completion refused with 503 while the workflow recovers (WORKFLOW_TASK_RETRYING)', () => {
    // 办理完成 is brought into view (jsdom has no scrolling).
    beforeEach(() => void (Element.prototype.scrollIntoView = vi.fn()));
    const refusal = (retryAfter: string) => ({
      status: 503,
      headers: { 'retry-after': retryAfter },
      body: { statusCode: 503, code: 'WORKFLOW_TASK_RETRYING', message: '流程正在恢复，请稍后重试' },
    });
    const keysSent = () =>
      vi
        .mocked(fetch)
        .mock.calls.filter(([url, init]) => String(url).endsWith('/complete') && init?.method === 'POST')
        .map(([, init]) => (init?.headers as Record<string, string>)['Idempotency-Key']);

    it('is sent again by itself after Retry-After with the same key, saying so, the form still meanwhile', async () => {
      const user = fastUser();
      let refusals = 2;
      openPage('/tasks/t-1', USERS.coordinator, {
        ...TASK_ROUTES,
        'POST /tasks/t-1/complete': () =>
          refusals-- > 0 ? refusal('1') : { body: { stage: 'feedback', nextTasks: [] } },
      });
      await user.click(await screen.findByText('通过筛选'));
      await user.type(screen.getByLabelText('筛选意见'), '同意入库');
      await user.click(screen.getByTestId('complete-submit'));
      expect(await screen.findByTestId('retry-notice')).toHaveTextContent(
        '系统正在恢复，正在重试…（第 2/6 次）',
      );
      expect(screen.getByLabelText('筛选意见')).toBeDisabled();
      expect(screen.getByTestId('retry-cancel')).toBeEnabled();
      await waitFor(() => expect(screen.getByTestId('retry-notice')).toHaveTextContent('第 3/6 次'), {
        timeout: 3000,
      });
      expect(await screen.findByText('办理完成', {}, { timeout: 3000 })).toBeInTheDocument();
      expect(screen.queryByRole('alert')).toBeNull();
      const keys = keysSent();
      expect(keys).toHaveLength(3);
      expect(new Set(keys).size).toBe(1);
    });

    it('gives up after 6 sends with a clear message, keeping the input and the key for the next submit', async () => {
      const user = fastUser();
      let recovered = false;
      openPage('/tasks/t-1', USERS.coordinator, {
        ...TASK_ROUTES,
        'POST /tasks/t-1/complete': () =>
          recovered ? { body: { stage: 'feedback', nextTasks: [] } } : refusal('0'),
      });
      await user.click(await screen.findByText('通过筛选'));
      await user.type(screen.getByLabelText('筛选意见'), '同意入库');
      await user.click(screen.getByTestId('complete-submit'));
      expect(await screen.findByRole('alert')).toHaveTextContent(
        '已尝试提交 6 次，系统仍未恢复。填写的内容已保留，请稍后再提交。',
      );
      expect(screen.queryByTestId('retry-notice')).toBeNull();
      expect(screen.getByLabelText('筛选意见')).toBeEnabled();
      expect(screen.getByLabelText('筛选意见')).toHaveValue('同意入库');
      expect(keysSent()).toHaveLength(6);

      recovered = true;
      await user.click(screen.getByTestId('complete-submit'));
      expect(await screen.findByText('办理完成')).toBeInTheDocument();
      const keys = keysSent();
      expect(keys).toHaveLength(7);
      expect(new Set(keys).size).toBe(1);
    });

    it('stops retrying on 停止重试 and says so; nothing more is sent', async () => {
      const user = fastUser();
      openPage('/tasks/t-1', USERS.coordinator, {
        ...TASK_ROUTES,
        'POST /tasks/t-1/complete': () => refusal('5'),
      });
      await user.click(await screen.findByText('通过筛选'));
      await user.click(screen.getByTestId('complete-submit'));
      await user.click(await screen.findByTestId('retry-cancel'));
      expect(await screen.findByRole('alert')).toHaveTextContent(
        '已停止自动重试。填写的内容已保留，可稍后再提交。',
      );
      expect(screen.queryByTestId('retry-notice')).toBeNull();
      expect(screen.getByTestId('complete-submit')).toBeEnabled();
      expect(keysSent()).toHaveLength(1);
    });
  });

  // keyed-actions: 退回, 加签, 撤回 (and 催办, 抄送, 转办) go as 提交办理 does, with a key per action
  // that each automatic retry of a 503 WORKFLOW_TASK_RETRYING sends again.
  describe('a task action refused with 503 while the workflow recovers', () => {
    const refusal = () => ({
      status: 503,
      headers: { 'retry-after': '1' },
      body: { statusCode: 503, code: 'WORKFLOW_TASK_RETRYING', message: '流程正在恢复，请稍后重试' },
    });
    const keysSent = (action: string) =>
      vi
        .mocked(fetch)
        .mock.calls.filter(([url, init]) => String(url).endsWith(`/${action}`) && init?.method === 'POST')
        .map(([, init]) => (init?.headers as Record<string, string>)['Idempotency-Key']);
    /** Refused once, then answered with `body`. */
    const onceRefused = (body: unknown, status = 200) => {
      let refusals = 1;
      return () => (refusals-- > 0 ? refusal() : { status, body });
    };

    it('退回 is sent again after Retry-After with the same key, 正在重试 meanwhile', async () => {
      const user = fastUser();
      const admit = { ...TASK, type: 'ADMIT', approvalActions: { ...NO_APPROVAL_ACTIONS, return: true } };
      openPage('/tasks/t-1', USERS.coordinator, {
        ...TASK_ROUTES,
        'GET /tasks/t-1': admit,
        'POST /tasks/t-1/return': onceRefused({ stage: 'screening', nextTasks: [] }),
      });
      await user.click(await screen.findByTestId('return-button'));
      await user.type(await screen.findByLabelText('退回理由'), '材料不全');
      await user.click(screen.getByTestId('return-submit'));
      expect(await screen.findByTestId('retry-notice')).toHaveTextContent('第 2/6 次');
      expect(screen.getByTestId('retry-cancel')).toBeEnabled();
      expect(await screen.findByText(/^已退回/, {}, { timeout: 3000 })).toBeInTheDocument();
      const keys = keysSent('return');
      expect(keys).toHaveLength(2);
      expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
      expect(new Set(keys).size).toBe(1);
    });

    it('加签 is sent again with the same key; 停止重试 stops it, and the next 加签 is a new key', async () => {
      const user = fastUser();
      let stalled = true;
      openPage('/tasks/t-1', USERS.coordinator, {
        ...TASK_ROUTES,
        'GET /tasks/t-1': { ...TASK, approvalActions: { ...NO_APPROVAL_ACTIONS, countersign: true } },
        'GET /tasks/t-1/countersigners': [
          { username: 'industry-t2', displayName: '电子信息处 王芳', role: 'industry_officer' },
        ],
        'POST /tasks/t-1/countersign': () => (stalled ? refusal() : { status: 201, body: {} }),
      });
      const ask = async () => {
        await user.click(await screen.findByTestId('countersign-button'));
        await user.click(within((await screen.findAllByRole('dialog')).at(-1)!).getByRole('combobox'));
        await user.click(await screen.findByTitle('电子信息处 王芳（industry-t2）'));
        await user.click(screen.getByTestId('countersign-submit'));
      };
      await ask();
      expect(await screen.findByTestId('retry-notice')).toHaveTextContent('第 2/6 次');
      expect(screen.getByTestId('countersign-submit')).toBeDisabled();
      await waitFor(() => expect(screen.getByTestId('retry-notice')).toHaveTextContent('第 3/6 次'), {
        timeout: 3000,
      });
      await user.click(screen.getByTestId('retry-cancel'));
      expect(await screen.findByRole('alert')).toHaveTextContent('已停止自动重试');
      const stopped = keysSent('countersign');
      expect(stopped).toHaveLength(2);
      expect(new Set(stopped).size).toBe(1);

      // Sent once more as it was, it is the same 加签 (the key kept); answered, the next is new.
      stalled = false;
      await user.click(screen.getByTestId('countersign-submit'));
      await screen.findByText('已请 1 人会签');
      expect(new Set(keysSent('countersign')).size).toBe(1);
      await ask();
      await waitFor(() => expect(keysSent('countersign')).toHaveLength(4));
      expect(new Set(keysSent('countersign')).size).toBe(2);
    });

    it('撤回 is sent again with the same key', async () => {
      const user = fastUser();
      openPage('/tasks/t-1', USERS.coordinator, {
        ...TASK_ROUTES,
        'GET /tasks/t-1': {
          ...TASK,
          status: 'done',
          actions: { ...TASK.actions, complete: false, claim: false },
          approvalActions: { ...NO_APPROVAL_ACTIONS, withdraw: true },
          withdrawBlocked: null,
        },
        'POST /tasks/t-1/withdraw': onceRefused({ stage: 'screening', task: TASK, cancelled: [] }),
      });
      await user.click(await screen.findByTestId('withdraw-button'));
      await user.click(
        await waitFor(() => document.querySelector<HTMLElement>('.ant-popconfirm-buttons .ant-btn-primary')!),
      );
      expect(await screen.findByTestId('retry-notice')).toHaveTextContent('第 2/6 次');
      await waitFor(() => expect(keysSent('withdraw')).toHaveLength(2), { timeout: 3000 });
      expect(new Set(keysSent('withdraw')).size).toBe(1);
    });
  });

  it('asks a pass for a justification only where a soft criterion failed', async () => {
    const user = fastUser();
    const screeningWith = (c1: string) => ({
      policyVersion: 1,
      criteria: [
        criterion('C1', 'soft', c1, '上年度营业收入'),
        criterion('C2', 'judgment', 'judgment', '需筛选人员确认硬科技属性并说明'),
        criterion('S2', 'soft', 'pass', '专精特新企业'),
      ],
    });
    const taskWith = (c1: string) => ({
      ...TASK,
      enterprise: { ...TASK.enterprise, screening: screeningWith(c1) },
    });
    openPage('/tasks/t-1', USERS.coordinator, { ...TASK_ROUTES, 'GET /tasks/t-1': taskWith('fail') });
    await user.click(await screen.findByText('通过筛选'));
    expect(screen.getByLabelText('营业收入超过1亿元的说明')).toBeInTheDocument();
    expect(screen.queryByLabelText('非专精特新企业的说明')).toBeNull();
    cleanup();
    openPage('/tasks/t-1', USERS.coordinator, { ...TASK_ROUTES, 'GET /tasks/t-1': taskWith('pass') });
    await user.click(await screen.findByText('通过筛选'));
    expect(screen.getByTestId('field-judgments')).toBeInTheDocument();
    expect(screen.queryByTestId('field-justifications')).toBeNull();
  });

  it('shows on the decided screening what the coordinator confirmed, not 需人工研判 / 需确认并填写意见', async () => {
    const decided = {
      policyVersion: 1,
      criteria: [
        { ...SCREENING.criteria[0], confirmed: { note: '产值高但仍属中小型' } },
        { ...SCREENING.criteria[1], confirmed: { note: '自主芯片设计' } },
        { ...SCREENING.criteria[2], confirmed: null },
      ],
    };
    openPage('/tasks/t-1', USERS.coordinator, {
      ...TASK_ROUTES,
      'GET /tasks/t-1': {
        ...TASK,
        status: 'done',
        outcome: 'pass',
        completedBy: 'coordinator',
        caseFile: { ...CASE_FILE, screening: decided },
      },
    });
    const c2 = await screen.findByTestId('criterion-C2');
    expect(c2).toHaveTextContent('已确认');
    expect(c2).toHaveTextContent('意见：自主芯片设计');
    expect(screen.getByTestId('criterion-C1')).toHaveTextContent('已说明，准予通过');
    expect(screen.getByTestId('screening')).not.toHaveTextContent(
      /需人工研判|需确认并填写意见|通过需填写说明/,
    );
  });

  it('shows the screening on a later step as history, without asking for what only a pass needs', async () => {
    const admit = {
      ...taskOfType('ADMIT'),
    };
    openPage('/tasks/t-1', USERS.coordinator, { ...TASK_ROUTES, 'GET /tasks/t-1': admit });
    const c1 = await screen.findByTestId('criterion-C1');
    expect(c1).toHaveTextContent('上年度营业收入 1.2 亿元 > 1 亿元');
    expect(c1).not.toHaveTextContent('通过需填写说明');
    // Who gave an opinion stands on its own line, not run on after the outcome.
    expect(screen.getByTestId('opinion-SUPPLEMENT').querySelector('[data-testid="opinion-by"]')).toHaveStyle({
      display: 'block',
    });
  });

  it('shows the screening, keeps the input of a refused pass and retries with a new key', async () => {
    const user = fastUser();
    let attempts = 0;
    openPage('/tasks/t-1', USERS.coordinator, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /tasks/t-1': TASK,
      'GET /attachments': [],
      'POST /tasks/t-1/complete': () =>
        ++attempts === 1
          ? {
              status: 422,
              body: {
                statusCode: 422,
                code: 'SCREENING_REFUSED',
                message: '不能通过筛选',
                details: [{ field: 'data.justifications.C1', message: '营业收入超过1亿元需说明理由' }],
              },
            }
          : { body: { stage: 'feedback', nextTasks: [] } },
    });
    expect(await screen.findByTestId('criterion-C1')).toHaveTextContent('上年度营业收入 1.2 亿元 > 1 亿元');
    expect(screen.getByTestId('criterion-C1')).toHaveTextContent('通过需填写说明');
    expect(screen.getByTestId('comments')).toHaveTextContent('企业材料已核实');
    // Its author as people are named, not by login (the walk read finance-officer · time).
    expect(screen.getByTestId('comments')).toHaveTextContent('赵强 · 渝北区经信部门 · 2026-11-25 09:00');
    expect(screen.getByTestId('comments')).not.toHaveTextContent('district-500112 ·');
    // The case file beside the form: figures as the policy writes money and words, the earlier opinion by name, the evidence.
    const caseFile = screen.getByTestId('case-file');
    for (const words of ['1.2 亿元', '900 万元', '7.5%', '市级企业技术中心', '专精特新', '渝北区']) {
      expect(caseFile).toHaveTextContent(words);
    }
    expect(screen.getByTestId('opinion-SUPPLEMENT')).toHaveTextContent('已补充研发费用明细');
    expect(screen.getByTestId('opinion-SUPPLEMENT')).toHaveTextContent('李区县 · 渝北区经信部门');
    expect(screen.getByTestId('case-attachments')).toHaveTextContent('技术中心认定.pdf');
    // Every row alike: the purpose a line of its own, the file under it, a purpose long or short
    // (ui-walk-7: a long one pushed the link down, a short one kept it beside).
    const file = screen.getByTestId('attachment-file-a-1');
    expect(file.previousElementSibling).toHaveTextContent(/^市级企业技术中心/);
    expect(file.previousElementSibling).toHaveStyle({ display: 'block' });
    expect(caseFile.textContent).not.toMatch(/undefined|enterprise_tech_center|specialized|criteria\./);

    // antd's radio buttons take the click on their label.
    await user.click(screen.getByText('通过筛选'));
    // The judgments as the screening panel names them (C2 自主研发的硬科技), not 指标2.
    expect(screen.getByTestId('task-form')).toHaveTextContent('C2 自主研发的硬科技');
    expect(screen.getByTestId('task-form')).not.toHaveTextContent('指标2');
    await user.type(screen.getByLabelText('筛选意见'), '同意入库');
    await user.click(screen.getByTestId('complete-submit'));
    await waitFor(() =>
      expect(screen.getByTestId('field-justifications.C1')).toHaveTextContent('营业收入超过1亿元需说明理由'),
    );
    expect(screen.getByRole('alert')).toHaveTextContent('不能通过筛选');
    expect(screen.getByLabelText('筛选意见')).toHaveValue('同意入库');

    await user.type(screen.getByLabelText('营业收入超过1亿元的说明'), '研发强度高，龙头配套');
    await user.click(screen.getByTestId('complete-submit'));
    expect(await screen.findByText(`企业当前阶段：${REFERENCE.stages.feedback.zh}`)).toBeInTheDocument();

    const posts = vi
      .mocked(fetch)
      .mock.calls.filter(([url, init]) => String(url).endsWith('/complete') && init?.method === 'POST');
    const keys = posts.map(([, init]) => (init?.headers as Record<string, string>)['Idempotency-Key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).not.toBe(keys[0]);
    await waitFor(() =>
      expect(JSON.parse(String(posts[1][1]?.body))).toEqual({
        outcome: 'pass',
        data: { justifications: { C1: '研发强度高，龙头配套' }, note: '同意入库' },
      }),
    );
  });

  it('keeps the files in one card: the case file lists them and takes the upload, no second empty 佐证材料', async () => {
    const evidence = {
      id: 'a-2',
      fileName: '核查记录.pdf',
      purpose: 'evidence',
      subject: 'task',
      size: 1024,
      uploadedBy: 'coordinator',
      uploadedByName: '统筹员',
      uploadedAt: '2026-11-26T02:00:00Z',
    };
    let uploaded = false;
    const { calls } = openPage('/tasks/t-1', USERS.coordinator, {
      ...TASK_ROUTES,
      'GET /tasks/t-1': () => ({
        body: uploaded
          ? { ...TASK, caseFile: { ...CASE_FILE, attachments: [...CASE_FILE.attachments, evidence] } }
          : TASK,
      }),
      'POST /attachments': () => {
        uploaded = true;
        return { status: 201, body: evidence };
      },
    });
    const files = await screen.findByTestId('case-attachments');
    expect(screen.getAllByText('上传文件')).toHaveLength(1);
    expect(screen.queryByTestId('task-attachments')).toBeNull();
    const input = files.querySelector<HTMLInputElement>('input[type=file]')!;
    await fastUser().upload(input, new File(['%PDF-1.4'], '核查记录.pdf', { type: 'application/pdf' }));
    await waitFor(() => expect(screen.getByTestId('case-attachments')).toHaveTextContent('核查记录.pdf'));
    const sent = calls.find((c) => c.method === 'POST' && c.path === '/attachments')!.body as FormData;
    expect([sent.get('subject'), sent.get('subjectId')]).toEqual(['task', TASK.id]);
  });

  it('tells officers that the enterprise cannot read their comments, and not the enterprise', async () => {
    openPage('/tasks/t-1', USERS.coordinator, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /tasks/t-1': TASK,
      'GET /attachments': [],
    });
    expect(await screen.findByText('企业材料已核实')).toBeInTheDocument();
    expect(screen.getByText('仅部门内部可见，企业不可见')).toBeInTheDocument();
  });

  it('shows the enterprise its conversation without the officers-only mark, and who reads what it writes', async () => {
    const enterprise = {
      username: 'ent-1',
      role: 'enterprise_user',
      scope: {},
      displayName: '企业',
    } as const;
    openPage('/tasks/t-1', enterprise, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /tasks/t-1': {
        ...TASK,
        comments: [
          {
            id: 'c2',
            author: 'ent-1',
            authorName: null,
            authorDepartment: null,
            text: '已补充材料',
            at: '2026-11-25T01:00:00Z',
          },
        ],
      },
      'GET /attachments': [],
    });
    expect(await screen.findByText('已补充材料')).toBeInTheDocument();
    expect(screen.queryByText('仅部门内部可见，企业不可见')).toBeNull();
    expect(screen.getByTestId('comments')).toHaveTextContent('您的留言经办部门可见');
  });

  /** 办理意见交流 of the task page `user` opens on `detail`. */
  async function commentsOf(user: Actor, detail: unknown) {
    openPage('/tasks/t-1', user, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /tasks/t-1': detail,
      'GET /attachments': [],
    });
    return screen.findByTestId('comments');
  }
  const expectNoCommentBox = (comments: HTMLElement) => {
    expect(within(comments).queryByRole('textbox')).toBeNull();
    expect(within(comments).queryByRole('button', { name: /发表评论/ })).toBeNull();
  };

  it('shows a done task’s comments without the box to write one: the API refuses it (409)', async () => {
    // The walk's enterprise could still type in 办理意见交流 on its 已办 step.
    const enterprise = {
      username: 'ent-1',
      role: 'enterprise_user',
      scope: {},
      displayName: '企业',
    } as const;
    const done = { ...TASK, status: 'done', actions: { ...TASK.actions, complete: false, claim: false } };
    for (const user of [enterprise, USERS.coordinator]) {
      const comments = await commentsOf(user, done);
      expect(comments).toHaveTextContent('任务已办结，不再接收评论');
      expectNoCommentBox(comments);
      cleanup();
    }
  });

  // The leader's walk (/work/wt/shots/dash-walk/leader-1440-task.png): "您可以查看和评论" and a box to
  // write in, where the API answers a leader's comment 403 READ_ONLY_ROLE.
  it('offers a leader the conversation to read, with no box to write in', async () => {
    const others = { ...TASK, actions: { ...TASK.actions, complete: false, claim: false } };
    const read = await commentsOf(USERS.leader, others);
    expect(read).toHaveTextContent('企业材料已核实');
    expectNoCommentBox(read);
    expect(screen.getByText('本任务由其他人员办理，您可以查看。')).toBeInTheDocument();
    cleanup();
    const comments = await commentsOf(USERS.coordinator, others);
    expect(within(comments).getByRole('textbox')).toBeInTheDocument();
    expect(screen.getByText('本任务由其他人员办理，您可以查看和评论。')).toBeInTheDocument();
  });

  // The design's 审计 reads all history: GET /api/tasks/:id answers an auditor, but /tasks/:id was
  // the inbox's page and read 无权访问 to them. The task as the API answers an auditor: nothing allowed.
  describe('an auditor', () => {
    const NOTHING = Object.fromEntries(Object.keys(TASK.actions).map((action) => [action, false]));
    const READ = { ...TASK, actions: NOTHING, approvalActions: NO_APPROVAL_ACTIONS };

    it('reads the task, its case file, files and comments, with nothing to act with', async () => {
      const { calls } = openPage('/tasks/t-1', USERS.auditor, {
        ...TASK_ROUTES,
        'GET /tasks/t-1': READ,
        'GET /attachments/a-1/download': 'pdf',
      });
      expect(await screen.findByTestId('task-title')).toHaveTextContent('市级筛选 · 重庆示例科技有限公司');
      expect(screen.queryByText('无权访问')).toBeNull();
      expect(screen.getByTestId('opinion-SUPPLEMENT')).toHaveTextContent('已补充研发费用明细');
      // Read as the record, not as someone else's task (ui-walk-11).
      expect(screen.getByText('审计查阅：本任务仅供查看，审计人员不办理、不评论。')).toBeInTheDocument();
      expect(screen.queryByTestId('task-form')).toBeNull();
      // No claim, hand-on, urge, copy, return, countersign or withdrawal; printing the sheet is reading.
      const buttons = screen.getAllByRole('button').map((b) => b.textContent?.replace(/\s/g, ''));
      for (const action of ['认领', '取消认领', '转办', '催办', '抄送', '退回', '加签', '撤回', '提交办理']) {
        expect(buttons).not.toContain(action);
      }
      expect(screen.getByTestId('printSheet')).toBeInTheDocument();
      const comments = screen.getByTestId('comments');
      expect(comments).toHaveTextContent('企业材料已核实');
      expectNoCommentBox(comments);
      // The evidence downloads (GET /attachments/:id/download answers an auditor, and audits it).
      fireEvent.click(screen.getByTestId('attachment-file-a-1'));
      await waitFor(() => expect(calls.map((c) => c.path)).toContain('/attachments/a-1/download'));
      expect(screen.queryByText(/上传/)).toBeNull();
    });

    it('reads a done task without a way back to an inbox it does not have', async () => {
      openPage('/tasks/t-1', USERS.auditor, {
        ...TASK_ROUTES,
        'GET /tasks/t-1': { ...READ, status: 'done', outcome: 'pass', completedBy: 'coordinator' },
      });
      expect(await screen.findByTestId('task-closed')).toHaveTextContent(/^本任务已办结：通过筛选/);
      expect(screen.queryByRole('button', { name: '返回待办' })).toBeNull();
    });
  });

  // 三员 work no cases: the system administrator's comment was taken (201); the API answers 403 now.
  it('offers the system administrator the conversation to read, with no box to write in', async () => {
    const others = { ...TASK, actions: { ...TASK.actions, complete: false, claim: false } };
    const read = await commentsOf(USERS.admin, others);
    expect(read).toHaveTextContent('企业材料已核实');
    expectNoCommentBox(read);
    expect(screen.getByText('管理员（三员）不办理业务：本任务仅供查看。')).toBeInTheDocument();
  });

  it('shows 催办 off with when the caller may urge again (urgeableAt), and on once that is null', async () => {
    const inAnHour = new Date(Date.now() + 3600_000).toISOString();
    const urged = { ...TASK, actions: { ...TASK.actions, urge: false }, urgeableAt: inAnHour };
    openPage('/tasks/t-1', USERS.coordinator, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /tasks/t-1': urged,
      'GET /attachments': [],
    });
    const button = await screen.findByTestId('urge');
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleName(`已催办，${dateTimeText(inAnHour)} 后可再次催办`);
    cleanup();
    openPage('/tasks/t-1', USERS.coordinator, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /tasks/t-1': { ...TASK, actions: { ...TASK.actions, urge: true }, urgeableAt: null },
      'GET /attachments': [],
    });
    expect(await screen.findByTestId('urge')).toBeEnabled();
  });

  it('urges (催办) with a message, and shows a refused copy (抄送) naming who may not see the enterprise', async () => {
    const user = fastUser();
    const task = {
      ...TASK,
      urgedAt: '2026-11-25T02:00:00Z',
      actions: { ...TASK.actions, complete: false, urge: true, cc: true },
    };
    openPage('/tasks/t-1', USERS.coordinator, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /tasks/t-1': task,
      'GET /attachments': [],
      'POST /tasks/t-1/urge': () => ({
        status: 201,
        body: { notified: ['coordinator-b'], notifiedNames: ['科技处 王科长'] },
      }),
      // The picker asks the server whom it may offer, by name.
      'GET /tasks/t-1/cc-candidates': ({ path }: { path: string }) => ({
        body: {
          items: path.includes('q=')
            ? [{ username: 'industry-t9', displayName: '冯处长', role: 'industry_officer' }]
            : [],
        },
      }),
      'POST /tasks/t-1/cc': () => ({
        status: 422,
        body: {
          statusCode: 422,
          code: 'USERS_MAY_NOT_SEE',
          message: '以下用户无权查看该企业：industry-t9',
          details: [],
        },
      }),
    });
    await user.click(await screen.findByTestId('urge'));
    await user.type(screen.getByLabelText('催办说明（可选）'), '企业急需');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: '催办' }));
    // Told by name, not by login.
    expect(await screen.findByText('已催办：科技处 王科长')).toBeInTheDocument();
    const urge = vi.mocked(fetch).mock.calls.find(([url]) => String(url).endsWith('/urge'));
    expect(JSON.parse(String(urge?.[1]?.body))).toEqual({ message: '企业急需' });

    await user.click(screen.getByTestId('cc'));
    await user.type(screen.getByLabelText('抄送给'), '冯');
    await user.click(await screen.findByText('冯处长'));
    // The urge's dialog may still be closing: the copy's is the last one.
    await user.click(within(screen.getAllByRole('dialog').at(-1)!).getByRole('button', { name: '抄送' }));
    await waitFor(() =>
      expect(screen.getAllByRole('alert').some((a) => a.textContent?.includes('industry-t9'))).toBe(true),
    );
    const cc = vi.mocked(fetch).mock.calls.find(([url]) => String(url).endsWith('/cc'));
    expect(JSON.parse(String(cc?.[1]?.body))).toEqual({ users: ['industry-t9'] });
    const searched = vi.mocked(fetch).mock.calls.map(([url]) => String(url));
    expect(searched.some((url) => url.includes('/cc-candidates?q=%E5%86%AF'))).toBe(true);
  });

  // The walk (npm start): 钱丽 copying a task to 科技处 李明 was told 已抄送给 coordinator.
  it('says whom it copied the task to (抄送) by name, not by login', async () => {
    const user = fastUser();
    openPage('/tasks/t-1', USERS.coordinator, {
      'GET /reference': REFERENCE_WITH_TASK_TYPE,
      'GET /tasks/t-1': { ...TASK, actions: { ...TASK.actions, cc: true } },
      'GET /attachments': [],
      'GET /tasks/t-1/cc-candidates': {
        items: [{ username: 'industry-t9', displayName: '冯处长', role: 'industry_officer' }],
      },
      'POST /tasks/t-1/cc': () => ({ status: 201, body: { users: ['industry-t9'] } }),
    });
    await user.click(await screen.findByTestId('cc'));
    await user.click(screen.getByLabelText('抄送给'));
    await user.click(await screen.findByText('冯处长'));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: '抄送' }));
    expect(await screen.findByText('已抄送给 冯处长')).toBeInTheDocument();
  });
});
