import { sentenceCase } from './history-labels';
import { briefingText, ccText, notificationText, returnedTaskText, urgeText } from './notifications';
import { TASK_TYPES } from './task-types';

describe('notification texts', () => {
  it('reminds in Chinese first, with the task and the due time', () => {
    expect(notificationText('reminder', 'SCREEN', '重庆芯测', '2026-03-12T01:00:00Z').zh).toBe(
      '【待办提醒】「重庆芯测」的市级筛选将于 2026-03-12 09:00 到期，请及时办理。',
    );
  });

  it('tells of a new task with its due time', () => {
    expect(notificationText('task_opened', 'ENTERPRISE_CONFIRM', '重庆芯测', '2026-03-12T01:00:00Z').zh).toBe(
      '【新待办】「重庆芯测」的企业确认待您办理，办理时限 2026-03-12 09:00。',
    );
  });

  it('tells of a step sent back with its reason and due time, and no one who sent it back', () => {
    const text = returnedTaskText('QUARTERLY_REPORT', '重庆芯测', '2026-12-10T01:00:00Z', '请核对营收');
    expect(text.zh).toBe(
      '【退回重办】「重庆芯测」的季度报告已被退回，请按理由修改后重新办理（时限 2026-12-10 09:00）：“请核对营收”',
    );
    expect(text.en).toContain('"请核对营收"');
  });

  it('escalates whistles to the leadership and other tasks to the coordinator', () => {
    expect(notificationText('escalation', 'WHISTLE_RESPONSE', 'A', '2026-03-12T01:00:00Z').zh).toContain(
      '已升级至委领导',
    );
    expect(notificationText('escalation', 'ADMIT', 'A', '2026-03-12T01:00:00Z').en).toContain(
      'Escalated to the city coordinator',
    );
  });
});

describe('briefingText', () => {
  it('names the quarter whose 调度会材料 is ready, in both languages', () => {
    expect(briefingText('2026Q4')).toEqual({
      zh: '【调度会材料】2026Q4 季度调度会材料已生成，可在驾驶舱或此处下载。',
      en: 'The 2026Q4 dispatch meeting pack is ready to download (dashboard or here).',
    });
  });
});

// A notice is also a line of the history (the receipt keeps its text): in sentence case as the
// others, the task's name inside it lower-case ("Reminder: City screening for …" read otherwise).
describe('notice texts in English', () => {
  const KINDS = ['task_opened', 'reminder', 'escalation', 'reopened'] as const;
  it.each(TASK_TYPES)('%s: every notice of a task is in sentence case', (type) => {
    const texts = [
      ...KINDS.map((kind) => notificationText(kind, type, '重庆芯测', '2026-03-12T01:00:00Z')),
      returnedTaskText(type, '重庆芯测', '2026-03-12T01:00:00Z', '请核对营收'),
    ];
    expect(texts.map((t) => t.en).filter((en) => !sentenceCase(en))).toEqual([]);
    // 催办 and 抄送 begin with who did it (陈静 urges you to …; — for the receipt): no capital at all.
    const byName = [
      ...(['urge', 'cc'] as const).map((kind) =>
        notificationText(kind, type, '重庆芯测', '2026-03-12T01:00:00Z'),
      ),
      urgeText(type, '重庆芯测', '陈静', '请尽快'),
      ccText(type, '重庆芯测', '陈静', '请知悉'),
    ];
    expect(byName.map((t) => t.en).filter((en) => /[A-Z]/.test(en))).toEqual([]);
  });
});
