import type { LifecycleContext } from '@hardtech/temporal/lifecycle-context';
import { transitionActor } from './audit.writer';

const context = { nominatedBy: 'district-500112' } as LifecycleContext;
const closedTask = { id: 't1', status: 'done' as const, outcome: 'pass', data: {} } as never;

describe('who the audit log names for a transition', () => {
  it('the nominator for the lifecycle’s opening transition, which the API started for them', () => {
    expect(transitionActor({ seq: 1, closed: [], context, actor: null })).toBe('district-500112');
  });

  it('the user whose Update or Signal it was', () => {
    expect(transitionActor({ seq: 4, closed: [closedTask], context, actor: 'coordinator' })).toBe(
      'coordinator',
    );
  });

  it('the system for its own steps (timers, quarter ticks), also a later transition that closes nothing', () => {
    expect(transitionActor({ seq: 7, closed: [], context, actor: null })).toBe('system');
    expect(transitionActor({ seq: 1, closed: [closedTask], context, actor: null })).toBe('system');
  });
});
