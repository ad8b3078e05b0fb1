import { servedBy } from './served-by';

const nomination = { district: '500112', cluster: 'T3' } as Parameters<typeof servedBy>[0]['nomination'];

describe('servedBy', () => {
  it('is the nomination district and cluster, and no commissioner, before admission', () => {
    expect(servedBy({ nomination, admission: null })).toEqual({
      district: '500112',
      nominationCluster: 'T3',
      cluster: 'T3',
      commissioner: null,
    });
  });

  it('keeps the nomination cluster beside the lead cluster and commissioner admission named', () => {
    const admission = { leadCluster: 'T2', commissioner: 'zhang' } as NonNullable<
      Parameters<typeof servedBy>[0]['admission']
    >;
    expect(servedBy({ nomination, admission })).toEqual({
      district: '500112',
      nominationCluster: 'T3',
      cluster: 'T2',
      commissioner: 'zhang',
    });
  });
});
