import { completionCost, eventName } from './cost';

describe('completionCost', () => {
  const cpu = {
    wallSeconds: 50,
    workersCpuSeconds: 28,
    apisCpuSeconds: 16,
    temporalCpuSeconds: 30,
    postgresCpuSeconds: 6,
    machineBusyPercent: 93,
  };
  const events = {
    enterpriseLifecycle: { workflowTaskScheduled: 2000, timerStarted: 1500, markerRecorded: 500 },
    quarterlyDispatch: { workflowTaskScheduled: 40 },
  };

  it('divides each process CPU by the completions, in ms, and adds them up', () => {
    const c = completionCost(cpu, events, 2000);
    expect(c.cpuMs).toEqual({ workers: 14, apis: 8, temporal: 15, postgres: 3, total: 40 });
  });

  it('ignores what is not a CPU figure (wall time, machine busy share)', () => {
    expect(Object.keys(completionCost(cpu, events, 2000).cpuMs)).not.toContain('wallSeconds');
    expect(Object.keys(completionCost(cpu, events, 2000).cpuMs)).not.toContain('machineBusyPercent');
  });

  it('counts history events per completion, in all, by event type (most first) and by workflow type', () => {
    const c = completionCost(cpu, events, 2000);
    expect(c.events).toBe(2.02);
    expect(Object.entries(c.eventsByType)).toEqual([
      ['workflowTaskScheduled', 1.02],
      ['timerStarted', 0.75],
      ['markerRecorded', 0.25],
    ]);
    expect(c.eventsByWorkflow).toEqual({ enterpriseLifecycle: 2, quarterlyDispatch: 0.02 });
    expect(c.completions).toBe(2000);
  });

  it('refuses a phase without completions rather than dividing by zero', () => {
    expect(() => completionCost(cpu, events, 0)).toThrow(/no completions/);
  });
});

describe('eventName', () => {
  it('names an event by its one attributes field', () => {
    expect(eventName({ eventId: 5, timerStartedEventAttributes: { timerId: '1' } })).toBe('timerStarted');
  });

  it('skips attributes fields that are unset', () => {
    expect(
      eventName({
        activityTaskScheduledEventAttributes: null,
        markerRecordedEventAttributes: { markerName: 'x' },
      }),
    ).toBe('markerRecorded');
    expect(eventName({ eventId: 1 })).toBe('unknown');
  });
});
