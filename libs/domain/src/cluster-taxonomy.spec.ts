import { BUILTIN_CLUSTERS } from './reference';
import {
  byTier,
  CLUSTER_CODE,
  clusterRename,
  newCluster,
  retiredClusterRefusal,
  retiredClustersRefusal,
} from './cluster-taxonomy';

const taken = new Set(['T1', 'N1']);
const n2 = { code: 'N2', tier: 'new_star', name: '  生物医药 ', en: 'Biomedicine' };

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e: any) {
    return { status: e.status, code: e.code, fields: e.details.map((d: any) => d.field) };
  }
  throw new Error('accepted');
};

describe('newCluster', () => {
  it('takes a new-star cluster with its names trimmed and its 行业处室', () => {
    expect(newCluster({ ...n2, divisionName: ' 生物医药处 ', divisionEn: '' }, taken)).toEqual({
      code: 'N2',
      tier: 'new_star',
      name: '生物医药',
      en: 'Biomedicine',
      divisionName: '生物医药处',
      divisionEn: null,
    });
  });

  it('refuses a bad code shape, an unknown tier and missing names, each by its field (422)', () => {
    expect(refusal(() => newCluster({ code: 'n-2', tier: 'galactic', name: ' ' }, taken))).toEqual({
      status: 422,
      code: 'CLUSTER_INVALID',
      fields: ['code', 'tier', 'name', 'en'],
    });
    expect(refusal(() => newCluster({ ...n2, code: 'industry_officer:cluster:N2' }, taken)).fields).toEqual([
      'code',
    ]);
    expect(refusal(() => newCluster({ ...n2, en: 'x'.repeat(201) }, taken)).fields).toEqual(['en']);
  });

  it('refuses a code already used, also by a retired cluster (CLUSTER_CODE_TAKEN)', () => {
    expect(refusal(() => newCluster({ ...n2, code: 'N1' }, taken))).toEqual({
      status: 422,
      code: 'CLUSTER_CODE_TAKEN',
      fields: ['code'],
    });
  });

  it('shapes codes as the built-in clusters are', () => {
    expect(BUILTIN_CLUSTERS.every((c) => CLUSTER_CODE.test(c.code))).toBe(true);
  });
});

describe('clusterRename', () => {
  it('takes both names trimmed and refuses either missing', () => {
    expect(clusterRename({ name: ' 新材料 ', en: 'New materials ' })).toEqual({
      name: '新材料',
      en: 'New materials',
    });
    expect(refusal(() => clusterRename({ name: '新材料' })).fields).toEqual(['en']);
  });
});

describe('names another cluster has', () => {
  // Officers pick clusters by name: two alike could not be told apart (the walk added N1 生物医药 beside F5).
  const others = BUILTIN_CLUSTERS.map(({ code, name, en }) => ({ code, name, en }));

  it('refuses a new cluster named as another, in either language (English without case)', () => {
    expect(refusal(() => newCluster({ ...n2, name: '生物医药', en: 'BIOMEDICINE' }, taken, others))).toEqual({
      status: 422,
      code: 'CLUSTER_INVALID',
      fields: ['name', 'en'],
    });
    expect(
      newCluster({ ...n2, name: '细胞与基因治疗', en: 'Cell and gene therapy' }, taken, others).name,
    ).toBe('细胞与基因治疗');
  });

  it('refuses a rename to another cluster’s name, not to the cluster’s own', () => {
    expect(refusal(() => clusterRename({ name: '先进材料', en: 'Materials' }, others)).fields).toEqual([
      'name',
    ]);
    const othersOfT3 = others.filter((c) => c.code !== 'T3');
    expect(clusterRename({ name: '先进材料', en: 'Advanced materials' }, othersOfT3)).toEqual({
      name: '先进材料',
      en: 'Advanced materials',
    });
  });
});

describe('retiredClusterRefusal', () => {
  it('refuses a retired code 422 by its field, and leaves others to the form', () => {
    const retired = new Set(['N1']);
    expect(
      refusal(() => {
        throw retiredClusterRefusal('cluster', 'N1', retired);
      }),
    ).toEqual({ status: 422, code: 'CLUSTER_RETIRED', fields: ['cluster'] });
    expect(retiredClusterRefusal('cluster', 'T1', retired)).toBeNull();
    expect(retiredClusterRefusal('cluster', 42, retired)).toBeNull();
  });

  it('names each retired field of several, beside the field in zh-CN, and passes when none is', () => {
    const retired = new Set(['N1', 'N2']);
    const chosen = [
      ['scope.clusters[0]', 'T1'],
      ['scope.clusters[1]', 'N1'],
      ['scope.clusters[2]', 'N2'],
    ] as const;
    const e = retiredClustersRefusal(chosen, retired)!;
    expect([e.status, e.code, e.text.zh]).toEqual([
      422,
      'CLUSTER_RETIRED',
      '产业集群 N1、N2 已停用，不能再选用',
    ]);
    expect(e.details).toEqual([
      {
        field: 'scope.clusters[1]',
        text: { zh: '产业集群 N1 已停用，请选择在用的集群', en: 'N1 is retired: choose an active cluster' },
      },
      {
        field: 'scope.clusters[2]',
        text: { zh: '产业集群 N2 已停用，请选择在用的集群', en: 'N2 is retired: choose an active cluster' },
      },
    ]);
    expect(retiredClustersRefusal([['scope.clusters[0]', 'T1']], retired)).toBeNull();
  });
});

describe('byTier', () => {
  it('orders leading, pillar, featured, then new-star clusters, each by code', () => {
    const codes = [{ code: 'N1', tier: 'new_star' }, ...BUILTIN_CLUSTERS].sort(byTier).map((c) => c.code);
    expect(codes).toEqual(['T1', 'T2', 'T3', 'P1', 'P2', 'P3', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'N1']);
  });
});
