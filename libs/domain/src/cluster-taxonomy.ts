import { divisionNames } from './divisions';
import { FieldError, RuleViolation } from './errors';
import type { Cluster } from './reference';
import { t, Text } from './text';

/**
 * The "33618" taxonomy as the system administrator edits it: 3 leading, 3 pillar and 6 featured
 * clusters are built in; the 18 新星 clusters are added here. A code is never changed nor reused
 * (tasks, problems, search attributes and user scopes keep it), so a cluster is retired, not deleted.
 */
export type ClusterTier = Cluster['tier'];

export const CLUSTER_TIERS: readonly ClusterTier[] = ['leading', 'pillar', 'featured', 'new_star'];

/** Short enough for a table cell; the hint on 产业集群 says what each tier's scale is. */
export const CLUSTER_TIER_LABELS: Record<ClusterTier, Text> = {
  leading: t('主导产业集群', 'Leading cluster'),
  pillar: t('支柱产业集群', 'Pillar cluster'),
  featured: t('特色优势产业集群', 'Featured cluster'),
  new_star: t('新星产业集群', 'New-star cluster'),
};

/** The taxonomy in its own order: leading, pillar, featured, new-star, each by code. */
export function byTier<C extends { tier: string; code: string }>(a: C, b: C): number {
  const rank = (c: C) => CLUSTER_TIERS.indexOf(c.tier as ClusterTier);
  return rank(a) - rank(b) || a.code.localeCompare(b.code);
}

/**
 * A code as the built-in ones are (T1, P3, F6): a capital letter, then capitals or digits. It goes
 * into candidate groups (industry_officer:cluster:N1) and search attributes, so nothing else.
 */
export const CLUSTER_CODE = /^[A-Z][A-Z0-9]{1,15}$/;
export const CLUSTER_NAME_MAX = 100;
export const CLUSTER_EN_MAX = 200;

export interface ClusterNames {
  name: string;
  en: string;
}

export interface NewCluster extends ClusterNames {
  code: string;
  tier: ClusterTier;
  divisionName: string | null;
  divisionEn: string | null;
}

const required = (field: string): FieldError => ({ field, text: t('必填', 'is required') });
const tooLong = (field: string, max: number): FieldError => ({
  field,
  text: t(`不超过 ${max} 个字符`, `at most ${max} characters`),
});

function trimmed(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function nameProblems(name: string, en: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!name) errors.push(required('name'));
  else if (name.length > CLUSTER_NAME_MAX) errors.push(tooLong('name', CLUSTER_NAME_MAX));
  if (!en) errors.push(required('en'));
  else if (en.length > CLUSTER_EN_MAX) errors.push(tooLong('en', CLUSTER_EN_MAX));
  return errors;
}

/** A cluster of the taxonomy by its names, as a new or renamed one is compared with. */
export interface NamedCluster {
  code: string;
  name: string;
  en: string;
}

/**
 * Names another cluster already has: officers pick clusters by name (the nomination form, the
 * filters, the scopes), so two clusters named alike could not be told apart. English compares
 * without case.
 */
function namesTaken(name: string, en: string, others: readonly NamedCluster[]): FieldError[] {
  const errors: FieldError[] = [];
  const zh = others.find((c) => c.name.trim() === name);
  if (zh)
    errors.push({ field: 'name', text: t(`与 ${zh.code} ${zh.name} 重名`, `${zh.code} has this name`) });
  const same = others.find((c) => c.en.trim().toLowerCase() === en.toLowerCase());
  if (same)
    errors.push({ field: 'en', text: t(`与 ${same.code} 英文名称相同`, `${same.code} has this name`) });
  return errors;
}

function refuse(errors: FieldError[]): never {
  throw new RuleViolation(
    'CLUSTER_INVALID',
    t('产业集群信息不完整或有误', 'the cluster is not valid'),
    errors,
  );
}

/**
 * A cluster to add: its code of the right shape and not taken (also by a retired cluster), a tier,
 * both names (the zh-CN UI and the English one read them), neither another cluster's, and
 * optionally its 行业处室. 422 naming
 * every field at fault; a taken code is CLUSTER_CODE_TAKEN.
 */
export function newCluster(
  input: Record<string, unknown>,
  taken: ReadonlySet<string>,
  others: readonly NamedCluster[] = [],
): NewCluster {
  const code = trimmed(input.code);
  const tier = input.tier as ClusterTier;
  const name = trimmed(input.name);
  const en = trimmed(input.en);
  const errors: FieldError[] = [];
  if (!code) errors.push(required('code'));
  else if (!CLUSTER_CODE.test(code))
    errors.push({
      field: 'code',
      text: t(
        '代码应为大写字母开头的 2–16 位大写字母或数字，如 N1',
        '2–16 capitals or digits, a capital first (N1)',
      ),
    });
  if (!CLUSTER_TIERS.includes(tier))
    errors.push({ field: 'tier', text: t('未知的集群层级', 'unknown cluster tier') });
  const names = nameProblems(name, en);
  errors.push(...(names.length ? names : namesTaken(name, en, others)));
  if (errors.length) refuse(errors);
  if (taken.has(code)) throw clusterCodeTaken(code);
  const division = divisionNames(
    input.divisionName as string | null | undefined,
    input.divisionEn as string | null | undefined,
  );
  return { code, tier, name, en, divisionName: division.name, divisionEn: division.en };
}

/** 422 CLUSTER_CODE_TAKEN: a code is never given to a second cluster, a retired one's included. */
export function clusterCodeTaken(code: string): RuleViolation {
  return new RuleViolation(
    'CLUSTER_CODE_TAKEN',
    t(`集群代码 ${code} 已被使用`, `the cluster code ${code} is already used`),
    [{ field: 'code', text: t('代码已存在（含已停用的集群）', 'taken, also by a retired cluster') }],
  );
}

/** A cluster's new names (更名): both, trimmed, neither another cluster's; the code stays. */
export function clusterRename(
  input: Record<string, unknown>,
  others: readonly NamedCluster[] = [],
): ClusterNames {
  const name = trimmed(input.name);
  const en = trimmed(input.en);
  const problems = nameProblems(name, en);
  const errors = problems.length ? problems : namesTaken(name, en, others);
  if (errors.length) refuse(errors);
  return { name, en };
}

/**
 * A retired cluster chosen where a cluster is chosen anew (a nomination, ADMIT's lead cluster, a
 * supplement's corrected cluster, an industry officer's scope): 422 CLUSTER_RETIRED naming the
 * field, rather than the form's 400 for a code that never existed.
 */
export function retiredClusterRefusal(
  field: string,
  code: unknown,
  retired: ReadonlySet<string>,
): RuleViolation | null {
  return retiredClustersRefusal([[field, code]], retired);
}

/** As retiredClusterRefusal, for several fields at once ([field, code] pairs): one 422 naming each. */
export function retiredClustersRefusal(
  chosen: readonly (readonly [string, unknown])[],
  retired: ReadonlySet<string>,
): RuleViolation | null {
  const refused = chosen.filter(
    (pair): pair is readonly [string, string] => typeof pair[1] === 'string' && retired.has(pair[1]),
  );
  if (!refused.length) return null;
  const codes = [...new Set(refused.map(([, code]) => code))];
  return new RuleViolation(
    'CLUSTER_RETIRED',
    t(
      `产业集群 ${codes.join('、')} 已停用，不能再选用`,
      `the cluster ${codes.join(', ')} is retired: it cannot be chosen anew`,
    ),
    refused.map(([field, code]) => ({
      field,
      text: t(`产业集群 ${code} 已停用，请选择在用的集群`, `${code} is retired: choose an active cluster`),
    })),
  );
}
