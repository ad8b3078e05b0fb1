import { PURPOSE_LABELS } from '../attachments';
import {
  type CaseAttachment,
  type CaseEnterprise,
  type CaseFile,
  type CaseOpinion,
  confirmedLabel,
} from '../case-file';
import { stepOutcomeLabel } from '../visibility/step-outcomes';
import { ACHIEVEMENT_KINDS, SRDI_OPTIONS, TECH_CENTER_KINDS, TECH_CENTER_LEVELS } from '../nomination';
import { shanghaiTime } from '../calendar';
import { CRITERIA, criterionDetail, type CriterionOutcome } from '../screening';
import { STAGE_LABELS } from '../stages';
import { TASK_LABELS } from '../task-types';
import { optionLabel, percent, personLine, text, yuanText, yesNo } from './print-format';
import { type PrintSection, tableSection } from './printout';

const CRITERION_OUTCOMES: Record<CriterionOutcome, string> = {
  pass: '符合',
  fail: '不符合',
  judgment: '需人工研判',
};

/** A task's outcome in words, as its form names it (通过筛选, 同意, …), or 退回. */
export function outcomeLabel(opinion: Pick<CaseOpinion, 'taskType' | 'outcome'>): string {
  return stepOutcomeLabel(opinion.taskType, opinion.outcome)?.zh ?? opinion.outcome;
}

export function time(at: string | null | undefined): string {
  return at ? shanghaiTime(at) : '—';
}

/** The nomination as the lifecycle holds it now, and once admitted who looks after the enterprise. */
export function enterpriseSection(e: CaseEnterprise): PrintSection {
  const center =
    e.techCenter.kind === 'none'
      ? optionLabel(TECH_CENTER_KINDS, 'none')
      : `${optionLabel(TECH_CENTER_KINDS, e.techCenter.kind)}（${optionLabel(TECH_CENTER_LEVELS, e.techCenter.level)}）`;
  const fields = [
    { label: '企业名称', value: e.name },
    { label: '统一社会信用代码', value: e.creditCode },
    { label: '所在区县', value: text(e.districtName ?? e.district) },
    // A cluster by its name, as every screen names it (新一代电子信息制造业, not T2 新一代…).
    { label: '所属产业集群', value: e.clusterName ?? e.cluster },
    { label: '企业当前阶段', value: STAGE_LABELS[e.stage]?.zh ?? e.stage },
    { label: '第几次推荐', value: `第${e.lifecycleNo}次` },
    { label: '上年度营业收入', value: yuanText(e.revenuePrevYear) },
    { label: '上年度研发投入', value: yuanText(e.rdExpensePrevYear) },
    { label: '研发投入强度', value: percent(e.rdIntensity) },
    { label: '企业技术中心 / 技术创新示范企业', value: center },
    { label: '与主导产品相关的Ⅰ类知识产权', value: `${e.classOneIpCount}项` },
    { label: '是否上市', value: yesNo(e.listed) },
    { label: '专精特新资质', value: optionLabel(SRDI_OPTIONS, e.srdi) },
    { label: '硬科技说明', value: text(e.hardTechDescription) },
    { label: '联系人', value: `${e.contact.name} ${e.contact.phone}` },
  ];
  if (e.leadCluster !== null) {
    fields.push(
      {
        label: '牵头产业集群',
        value: e.leadClusterName ?? e.leadCluster,
      },
      { label: '服务专员', value: text(e.commissionerName ?? e.commissioner) },
      { label: '区县联络员', value: text(e.districtLiaisonName ?? e.districtLiaison) },
      { label: '基期营业收入', value: yuanText(e.baselineRevenue) },
    );
  }
  return { heading: '企业基本情况', fields };
}

export function achievementsSection(e: CaseEnterprise): PrintSection {
  return tableSection(
    '主导产品“补短板”“锻长板”“填空白”成效',
    [
      ['类别', 1],
      ['说明', 5],
    ],
    e.achievements.map((a) => [optionLabel(ACHIEVEMENT_KINDS, a.kind), text(a.description)]),
    '无',
  );
}

/** The criteria of 二(一) as the screening found them; null when the reader may not see them. */
export function screeningSection(screening: CaseFile['screening']): PrintSection | null {
  if (!screening) return null;
  return tableSection(
    `入库条件筛选（政策版本 ${screening.policyVersion}）`,
    [
      ['条件', 3],
      ['结果', 1],
      ['说明', 3],
    ],
    screening.criteria.map((c) => [
      CRITERIA[c.id]?.label.zh ?? c.id,
      confirmedLabel(c)?.zh ?? CRITERION_OUTCOMES[c.outcome] ?? c.outcome,
      c.confirmed?.note
        ? `${text(criterionDetail(c, 'zh'))}\n意见：${c.confirmed.note}`
        : text(criterionDetail(c, 'zh')),
    ]),
  );
}

/** 流转意见: every completed step the reader may see, oldest first, by whom as far as it may know. */
export function opinionsSection(opinions: readonly CaseOpinion[]): PrintSection {
  return tableSection(
    '流转意见',
    [
      ['环节', 1.8],
      ['结果', 1.2],
      ['意见', 3.4],
      ['办理人', 2.6],
      // Wide enough for 2026-12-05 10:00 on one line.
      ['时间', 2.2],
    ],
    opinions.map((o) => [
      TASK_LABELS[o.taskType]?.zh ?? o.taskType,
      outcomeLabel(o),
      text(o.opinion),
      personLine(o.actorName, o.actorDepartment),
      time(o.at),
    ]),
    '暂无流转意见',
  );
}

export function attachmentsSection(attachments: readonly CaseAttachment[]): PrintSection {
  return tableSection(
    '附件',
    [
      ['材料', 2.8],
      ['文件名', 2.8],
      ['上传人', 1.7],
      ['上传时间', 2],
    ],
    attachments.map((a) => [
      PURPOSE_LABELS[a.purpose]?.zh ?? a.purpose,
      a.fileName,
      text(a.uploadedByName),
      time(a.uploadedAt),
    ]),
    '暂无附件',
  );
}
