import type { CaseFile } from '../case-file';
import { responsibleDepartment } from '../divisions';
import {
  DIAGNOSIS_DIMENSIONS,
  PROBLEM_CATEGORIES,
  PROBLEM_MEASURES_LABEL,
  PROBLEM_OWNER_LABEL,
  PROBLEM_STATUSES,
  type Problem,
} from '../ledger';
import { STAGE_LABELS } from '../stages';
import type { Text } from '../text';
import { EXIT_REASONS, GRADUATION_REASONS, LISTING_PROGRESS } from '../tasks/forms';
import {
  achievementsSection,
  attachmentsSection,
  enterpriseSection,
  opinionsSection,
  screeningSection,
  time,
} from './case-sections';
import { optionLabel, personLine, text, times, yuanText } from './print-format';
import { type Printout, type PrintSection, tableSection } from './printout';

export const DOSSIER_TITLE = '一企一档';

/** A quarter's figures as the enterprise page lists them (money in yuan). */
type QuarterFigures = Record<
  'revenue' | 'rdExpense' | 'headcount' | 'newClassOneIp' | 'financing',
  number
> & {
  quarter: string;
  listingProgress: string;
  doubling: { growth: number | null } | null;
};

/** What the enterprise page holds beyond the case file, as the reader may read it (redacted upstream). */
export interface DossierFacts {
  /** `{portrait?, at}` as visibleDiagnosis leaves it: no portrait for the enterprise or departments. */
  diagnosis: unknown;
  /** With the lead cluster's 行业处室, the 责任部门 of an industry-owned problem (problemView). */
  problems: (Pick<Problem, 'title' | 'category' | 'measures' | 'ownerDepartment' | 'dueAt' | 'status'> & {
    leadDivision?: Text;
  })[];
  quarterlyReports: QuarterFigures[];
  membership: { from: string; to: string | null; reason: string | null; lifecycleNo: number }[];
}

const END_REASONS = [
  ...GRADUATION_REASONS,
  ...EXIT_REASONS,
  ...(['graduated', 'exited'] as const).map((s) => ({ value: s, label: STAGE_LABELS[s] })),
];

/**
 * 一企一档: the enterprise's whole current lifecycle on paper — data, criteria, every opinion,
 * diagnosis, ledger, quarterly figures, membership, evidence — from the case file and the
 * enterprise page, both already redacted for the reader.
 */
export function dossier(caseFile: CaseFile, facts: DossierFacts, printedAt: string): Printout {
  const e = caseFile.enterprise;
  return {
    title: DOSSIER_TITLE,
    subtitle: `${e.name}（${e.creditCode}）· 打印时间 ${time(printedAt)}`,
    sections: [
      enterpriseSection(e),
      achievementsSection(e),
      screeningSection(caseFile.screening),
      opinionsSection(caseFile.opinions),
      diagnosisSection(caseFile, facts.diagnosis),
      problemsSection(facts.problems),
      quarterlySection(facts.quarterlyReports),
      membershipSection(facts.membership),
      attachmentsSection(caseFile.attachments),
    ].filter((s): s is PrintSection => s !== null),
  };
}

function diagnosisSection(caseFile: CaseFile, diagnosis: unknown): PrintSection {
  const d = (diagnosis ?? null) as { portrait?: Record<string, { score?: number; note?: string }> } | null;
  // Who diagnosed, as the case file names them (null where the reader may not know).
  const step = caseFile.opinions.filter((o) => o.taskType === 'DIAGNOSE').at(-1);
  const portrait = d?.portrait && typeof d.portrait === 'object' ? Object.entries(d.portrait) : [];
  const section = tableSection(
    '成长诊断',
    [
      ['维度', 2],
      ['评分（1–5）', 1],
      ['说明', 5],
    ],
    portrait.map(([dimension, p]) => [
      optionLabel(DIAGNOSIS_DIMENSIONS, dimension),
      p?.score === undefined ? '—' : String(p.score),
      text(p?.note),
    ]),
    '暂无诊断',
  );
  if (step) {
    section.fields = [
      { label: '诊断人', value: personLine(step.actorName, step.actorDepartment) },
      { label: '诊断时间', value: time(step.at) },
    ];
  }
  return section;
}

function problemsSection(problems: DossierFacts['problems']): PrintSection {
  return tableSection(
    '问题台账',
    [
      ['问题', 2.4],
      ['类别', 1.4],
      [PROBLEM_MEASURES_LABEL.zh, 2.6],
      [PROBLEM_OWNER_LABEL.zh, 1.4],
      ['期限', 1.3],
      ['状态', 1],
    ],
    problems.map((p) => [
      p.title,
      optionLabel(PROBLEM_CATEGORIES, p.category),
      text(p.measures),
      responsibleDepartment(p.ownerDepartment, p.leadDivision).zh,
      p.dueAt,
      optionLabel(PROBLEM_STATUSES, p.status),
    ]),
    '暂无问题',
  );
}

function quarterlySection(reports: DossierFacts['quarterlyReports']): PrintSection {
  return tableSection(
    '季度数据',
    [
      ['季度', 1],
      ['营业收入', 1.6],
      ['研发投入', 1.6],
      ['从业人数', 1],
      ['新增Ⅰ类知识产权', 1.2],
      ['融资额', 1.6],
      ['上市进展', 1.2],
      ['营收为基期', 1],
    ],
    reports.map((r) => [
      r.quarter,
      yuanText(r.revenue),
      yuanText(r.rdExpense),
      `${r.headcount}人`,
      `${r.newClassOneIp}项`,
      yuanText(r.financing),
      optionLabel(LISTING_PROGRESS, r.listingProgress),
      times(r.doubling?.growth),
    ]),
    '暂无季度数据',
  );
}

function membershipSection(membership: DossierFacts['membership']): PrintSection {
  return tableSection(
    '在库记录',
    [
      ['第几次推荐', 1],
      ['入库日期', 1],
      ['移出日期', 1],
      ['原因', 2],
    ],
    membership.map((m) => [
      `第${m.lifecycleNo}次`,
      m.from,
      m.to ?? '在库',
      m.reason ? optionLabel(END_REASONS, m.reason) : '—',
    ]),
    '尚未入库',
  );
}
