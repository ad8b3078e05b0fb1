/** Lifecycle stages of docs/api.md, in the order of the policy's path. */
export const STAGES = [
  'screening',
  'supplement',
  'feedback',
  'admission',
  'diagnosis',
  'supporting',
  'graduation_review',
  'graduated',
  'exited',
  'rejected',
] as const;
export type Stage = (typeof STAGES)[number];

export const FINAL_STAGES: readonly Stage[] = ['graduated', 'exited', 'rejected'];

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

export const STAGE_LABELS: Record<Stage, { zh: string; en: string }> = {
  screening: { zh: '市级筛选', en: 'City screening' },
  supplement: { zh: '补充材料', en: 'Supplementary information' },
  feedback: { zh: '区县和企业反馈', en: 'District and enterprise feedback' },
  // 入库审定, not the policy's 纳入库中 (二(一)): beside 在库企业 on the dashboard, 纳入库中 read as
  // already admitted, while the stage waits for the city's decision (ADMIT 纳入帮扶库).
  admission: { zh: '入库审定', en: 'Admission decision' },
  diagnosis: { zh: '成长诊断', en: 'Growth diagnosis' },
  supporting: { zh: '帮扶中', en: 'Supporting' },
  graduation_review: { zh: '移出评审', en: 'Graduation review' },
  graduated: { zh: '已毕业', en: 'Graduated' },
  exited: { zh: '已移出', en: 'Exited' },
  rejected: { zh: '未入库', en: 'Rejected' },
};

/**
 * A stage as its tag says it in a narrow column (the enterprise list, the case file): STAGE_LABELS
 * with the long English names shortened, the full name the tag's tooltip.
 */
export const STAGE_TAG_LABELS: Record<Stage, { zh: string; en: string }> = {
  ...STAGE_LABELS,
  screening: { ...STAGE_LABELS.screening, en: 'Screening' },
  supplement: { ...STAGE_LABELS.supplement, en: 'Supplement' },
  feedback: { ...STAGE_LABELS.feedback, en: 'Feedback' },
  admission: { ...STAGE_LABELS.admission, en: 'Admission' },
  diagnosis: { ...STAGE_LABELS.diagnosis, en: 'Diagnosis' },
  graduation_review: { ...STAGE_LABELS.graduation_review, en: 'Exit review' },
};

/**
 * The path an admitted enterprise walks, as it reads it on its home page: 补充材料 is a loop within
 * 市级筛选, and 已移出 / 未入库 end the path beside it rather than on it (policy 二(一)–(六)).
 */
export const ENTERPRISE_PATH: readonly Stage[] = STAGES.filter(
  (stage) => stage !== 'supplement' && stage !== 'exited' && stage !== 'rejected',
);

/** Where `stage` sits on ENTERPRISE_PATH (补充材料 at 市级筛选); -1 once the path ended beside it. */
export function pathStep(stage: Stage): number {
  return ENTERPRISE_PATH.indexOf(stage === 'supplement' ? 'screening' : stage);
}
