import { RecordedStep, visibleSupplementRequest } from './supplement-request';

const ASKED = '研发投入强度低于5%，请补充说明近三年研发费用归集口径';
const screen = (outcome: string, data: Record<string, unknown>, at: string): RecordedStep => ({
  taskType: 'SCREEN',
  outcome,
  data,
  at,
});
const steps: RecordedStep[] = [
  screen('request_info', { questions: '请核对所属集群' }, '2026-11-02T08:00:00Z'),
  { taskType: 'SUPPLEMENT', outcome: 'submit', data: { note: '已核对' }, at: '2026-11-03T08:00:00Z' },
  // A screening's criteria and note ride on no request; a stray field on one stays hidden all the same.
  screen('request_info', { questions: ASKED, note: 'MARK-officer-note' }, '2026-11-05T08:00:00Z'),
];

// From the enterprise's home in 补充材料: it read that its nominator would supplement, not what for.
describe('what the screening asked to supplement', () => {
  it('gives the enterprise the latest request and when, nothing else of the screening', () => {
    const view = visibleSupplementRequest('enterprise_user', 'supplement', steps);
    expect(view).toEqual({ asked: ASKED, at: '2026-11-05T08:00:00Z' });
    expect(JSON.stringify(view)).not.toContain('MARK');
  });

  it('gives an officer the same request', () => {
    for (const role of ['city_coordinator', 'district_officer', 'industry_officer'] as const) {
      expect(visibleSupplementRequest(role, 'supplement', steps)).toEqual({
        asked: ASKED,
        at: '2026-11-05T08:00:00Z',
      });
    }
  });

  it('is null outside 补充材料, and when no request is recorded', () => {
    expect(visibleSupplementRequest('enterprise_user', 'screening', steps)).toBeNull();
    expect(visibleSupplementRequest('enterprise_user', 'supplement', [])).toBeNull();
    expect(
      visibleSupplementRequest('enterprise_user', 'supplement', [
        screen('pass', { note: 'MARK' }, '2026-11-05T08:00:00Z'),
      ]),
    ).toBeNull();
  });
});
