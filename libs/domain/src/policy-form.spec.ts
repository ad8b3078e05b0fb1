import { DomainError } from './errors';
import { DEFAULT_POLICY } from './policy';
import { parsePolicy } from './policy-form';

const fields = (input: unknown) => {
  try {
    parsePolicy(input);
    return [];
  } catch (e) {
    return (e as DomainError).details.map((d) => d.field);
  }
};

describe('policy validation', () => {
  it('accepts the default policy and drops the version', () => {
    expect(parsePolicy({ ...DEFAULT_POLICY, version: 9 })).not.toHaveProperty('version');
  });

  it('holds the annual target to the policy’s 不少于50家', () => {
    expect(fields({ ...DEFAULT_POLICY, annualTarget: 49 })).toEqual(['annualTarget']);
  });

  it('needs an SLA entry of ISO durations for every task type', () => {
    const { SCREEN: _, ...sla } = DEFAULT_POLICY.sla;
    expect(fields({ ...DEFAULT_POLICY, sla })).toEqual(['sla.SCREEN']);
    expect(
      fields({
        ...DEFAULT_POLICY,
        sla: { ...DEFAULT_POLICY.sla, ADMIT: { due: '10 days', remindBefore: 'P1D', escalateAfter: 'P1D' } },
      }),
    ).toEqual(['sla.ADMIT.due']);
    expect(
      fields({
        ...DEFAULT_POLICY,
        sla: { ...DEFAULT_POLICY.sla, ADMIT: { due: 'PT0S', remindBefore: 'P1D', escalateAfter: 'P1D' } },
      }),
    ).toEqual(['sla.ADMIT.due']);
  });

  it('keeps thresholds in range', () => {
    expect(
      fields({ ...DEFAULT_POLICY, thresholds: { maxRevenue: -1, minRdIntensity: 5, minClassOneIp: 1 } }),
    ).toEqual(['thresholds.maxRevenue', 'thresholds.minRdIntensity']);
  });
});

describe('working-day SLAs', () => {
  const withDue = (due: unknown) => ({
    ...DEFAULT_POLICY,
    sla: { ...DEFAULT_POLICY.sla, DISTRICT_FEEDBACK: { due, remindBefore: 'P2D', escalateAfter: 'P1D' } },
  });
  it('accepts {workingDays: n} for due', () => {
    expect(parsePolicy(withDue({ workingDays: 10 })).sla.DISTRICT_FEEDBACK.due).toEqual({ workingDays: 10 });
  });
  it.each([{ workingDays: 0 }, { workingDays: 2.5 }, { workingDays: 10, hours: 1 }, { days: 3 }])(
    'refuses %j',
    (due) => {
      expect(fields(withDue(due))).toEqual(['sla.DISTRICT_FEEDBACK.due']);
    },
  );
});
