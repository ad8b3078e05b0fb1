import { buildCaseFile } from '../case-file';
import { sampleNomination } from '../samples';
import { t } from '../text';
import { dispatchBriefing } from './dispatch-briefing';
import { dossier } from './dossier';

// The ledger's labels renamed here: a header spelled in a printout instead of taken from them would
// keep the old name, which is how the PDFs' 化解措施 / 责任部门 drifted from one place before.
jest.mock('../ledger', () => ({
  ...jest.requireActual('../ledger'),
  PROBLEM_MEASURES_LABEL: { zh: '〈措施〉', en: '<measures>' },
  PROBLEM_OWNER_LABEL: { zh: '〈部门〉', en: '<owner>' },
}));

const headers = (section: { table?: { columns: { header: string }[] } } | undefined) =>
  section?.table?.columns.map((c) => c.header);

describe('the printouts’ ledger headers', () => {
  it('name a problem’s measures and owner department as the ledger’s labels do (一企一档)', () => {
    const file = buildCaseFile(
      'city_coordinator',
      {
        nomination: sampleNomination(),
        stage: 'supporting',
        lifecycleNo: 1,
        screening: null,
        leadCluster: 'T2',
        commissioner: null,
        districtLiaison: null,
        baselineRevenue: null,
      },
      [],
      [],
      {
        district: () => '渝北区',
        cluster: () => '集成电路',
        person: () => ({ displayName: '', role: 'commissioner', department: t('', '') }),
      },
    );
    const printed = dossier(
      file,
      { diagnosis: null, problems: [], quarterlyReports: [], membership: [] },
      '2026-12-05T02:00:00.000Z',
    );
    expect(headers(printed.sections.find((s) => s.heading === '问题台账'))).toEqual(
      expect.arrayContaining(['〈措施〉', '〈部门〉']),
    );
  });

  it('name the owner department in the 调度会材料’s ledger tables', () => {
    const sections = dispatchBriefing({
      quarter: '2026Q4',
      asOf: '2026-12-05',
      year: 2026,
      poolSize: 0,
      poolCapacity: 200,
      admittedThisYear: 0,
      annualTarget: 50,
      doubling: { members: 0, reporting: 0, onTrack: 0, doubled: 0 },
      members: [],
      admissions: [],
      problems: { total: 0, overdue: 0, byCategory: [], byOwner: [] },
      overdueProblems: [],
      whistles: [],
      escalations: [],
      overdueTasks: [],
      readAt: '2026-12-05T10:30:00.000Z',
    }).sections;
    const byOwner = sections.find((s) => s.heading === '按〈部门〉');
    expect(headers(byOwner)?.[0]).toBe('〈部门〉');
    expect(headers(sections.find((s) => s.heading === '逾期问题'))).toContain('〈部门〉');
    expect(JSON.stringify(sections)).not.toContain('责任部门');
  });
});
