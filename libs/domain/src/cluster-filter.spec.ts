import { assertClusterFilter, clusterFilterProblems } from './cluster-filter';

describe('a list’s cluster filter', () => {
  const taxonomy = new Set(['T2', 'X9']); // X9: retired, still a code of the taxonomy

  it('takes any code of the taxonomy, a retired one too, and no filter at all', () => {
    expect(clusterFilterProblems('T2', taxonomy)).toEqual([]);
    expect(clusterFilterProblems('X9', taxonomy)).toEqual([]);
    expect(clusterFilterProblems(undefined, taxonomy)).toEqual([]);
    expect(clusterFilterProblems('', taxonomy)).toEqual([]);
  });

  it('refuses an unknown code with a 400 naming the field cluster', () => {
    expect(clusterFilterProblems('ZZ', taxonomy)).toEqual([
      { field: 'cluster', text: { zh: '未知的产业集群代码', en: 'unknown industry cluster code' } },
    ]);
    expect(() => assertClusterFilter('ZZ', taxonomy)).toThrow(
      expect.objectContaining({
        status: 400,
        code: 'VALIDATION_FAILED',
        details: [expect.objectContaining({ field: 'cluster' })],
      }),
    );
  });
});
