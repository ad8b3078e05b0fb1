import { STAGE_LABELS } from '@hardtech/domain/stages';
import type { Reference } from '../api/types';

/** A small GET /api/reference for component tests: one district, one cluster, the stages. */
export const REFERENCE: Reference = {
  districts: [{ code: '500112', name: '渝北区', en: 'Yubei District', kind: 'district' }],
  clusters: [
    {
      code: 'T2',
      tier: 'T',
      name: '功率半导体',
      en: 'Power semiconductors',
      active: true,
      divisionName: null,
      divisionEn: null,
    },
  ],
  stages: STAGE_LABELS,
  taskTypes: {} as Reference['taskTypes'],
  roles: {
    city_coordinator: { zh: '科技处（统筹）', en: 'City coordinator' },
    enterprise_user: { zh: '企业用户', en: 'Enterprise user' },
    district_officer: { zh: '区县经信部门', en: 'District officer' },
  } as Reference['roles'],
};
