import { COUNTERSIGN_MODES } from './approval-actions/countersign';
import { RETURNED_OUTCOME } from './approval-actions/return';
import { ASSIGN_KINDS, HISTORY_LABELS, HistoryLabelKind, sentenceCase } from './history-labels';
import { CLOSE_WITHDRAWN_OUTCOME } from './ledger';
import { PROBLEM_WORK_KINDS } from './problem-work';
import { STAGES } from './stages';
import { TASK_TYPES } from './task-types';
import { TASK_FORMS } from './tasks/forms';
import { TASK_STATE_LABELS } from './tasks/state';
import { Text } from './text';
import { completionLabel, DONE_OUTCOME } from './visibility/step-outcomes';

// What people write into a line (names, titles, reasons) as a walk of the demo has it: Chinese.
const PEOPLE = ['电子信息处 王芳', '陈静'];
const all = <T>(values: readonly T[], line: (v: T) => Text) => values.map(line);

/** Every kind of line with every value it names; a new kind does not compile until it is listed. */
const EVERY_LINE: Record<HistoryLabelKind, Text[]> = {
  nominated: [HISTORY_LABELS.nominated(1), HISTORY_LABELS.nominated(2)],
  continued: [HISTORY_LABELS.continued()],
  stageEntered: all(STAGES, HISTORY_LABELS.stageEntered),
  taskOpened: all(TASK_TYPES, HISTORY_LABELS.taskOpened),
  taskOpenedToEnterprise: TASK_TYPES.flatMap((type) => HISTORY_LABELS.taskOpenedToEnterprise(type) ?? []),
  completed: [
    ...TASK_TYPES.flatMap((type) =>
      [
        ...Object.keys(TASK_FORMS[type].outcomes),
        RETURNED_OUTCOME,
        DONE_OUTCOME,
        CLOSE_WITHDRAWN_OUTCOME,
      ].map((outcome) => completionLabel(type, outcome)),
    ),
    completionLabel(null, 'pass'),
  ],
  closed: [null, ...TASK_TYPES].flatMap((type) =>
    Object.values(TASK_STATE_LABELS).map((how) => HISTORY_LABELS.closed(type, how)),
  ),
  assigned: [null, ...TASK_TYPES].flatMap((type) =>
    ASSIGN_KINDS.flatMap((kind) => [
      HISTORY_LABELS.assigned(type, kind),
      HISTORY_LABELS.assigned(type, kind, '出差，请代为办理'),
    ]),
  ),
  urged: all([null, ...TASK_TYPES], HISTORY_LABELS.urged),
  copied: all([null, ...TASK_TYPES], (type) => HISTORY_LABELS.copied(type, PEOPLE)),
  returned: all([null, ...TASK_TYPES], HISTORY_LABELS.returned),
  withdrawn: all([null, ...TASK_TYPES], HISTORY_LABELS.withdrawn),
  reopened: all([null, ...TASK_TYPES], HISTORY_LABELS.reopened),
  countersignAsked: COUNTERSIGN_MODES.flatMap((mode) =>
    all([null, ...TASK_TYPES], (type) => HISTORY_LABELS.countersignAsked(type, PEOPLE, mode)),
  ),
  whistle: [HISTORY_LABELS.whistle('用地审批迟迟未办')],
  problemWork: all(PROBLEM_WORK_KINDS, HISTORY_LABELS.problemWork),
  quarterTicked: [HISTORY_LABELS.quarterTicked('2026Q3')],
  timerFired: [HISTORY_LABELS.timerFired(null), HISTORY_LABELS.timerFired('到期提醒')],
  poolSeatTaken: [HISTORY_LABELS.poolSeatTaken(12, 300)],
  poolFull: [HISTORY_LABELS.poolFull(300, 300)],
  ended: all([null, ...STAGES], HISTORY_LABELS.ended),
  terminated: [HISTORY_LABELS.terminated()],
  failed: [HISTORY_LABELS.failed()],
  annualReviewOpened: [HISTORY_LABELS.annualReviewOpened(2027)],
  deadlinesRecomputed: [HISTORY_LABELS.deadlinesRecomputed()],
  refused: [HISTORY_LABELS.refused(completionLabel('SCREEN', 'pass'))],
  // An Update or signal this reader does not know reads as its name: a code, left as recorded.
  unknown: [],
};

describe('history lines', () => {
  it.each(Object.entries(EVERY_LINE))('%s: every English line is in sentence case', (_kind, lines) => {
    const slips = lines.filter((l) => !sentenceCase(l.en));
    expect(slips).toEqual([]);
    expect(lines.every((l) => l.zh.length > 0)).toBe(true);
  });

  it('reads a step, a stage and a new task as one sentence', () => {
    expect(completionLabel('SCREEN', 'pass')).toEqual({
      zh: '市级筛选：通过筛选',
      en: 'City screening: pass',
    });
    expect(HISTORY_LABELS.taskOpened('DISTRICT_FEEDBACK').en).toBe('Task opened: district feedback');
    expect(HISTORY_LABELS.stageEntered('feedback')).toEqual({
      zh: '进入「区县和企业反馈」阶段',
      en: 'Entered the district and enterprise feedback stage',
    });
    expect(HISTORY_LABELS.quarterTicked('2026Q3').en).toBe('Quarterly dispatch 2026Q3');
  });
});
