import type { EnterpriseItem } from './types';

/**
 * A member between quarters: 帮扶中 with no step open waits for the next quarterly dispatch, which
 * asks for its report (一季一调度), not for anyone's hand.
 */
export function betweenQuarters(row: Pick<EnterpriseItem, 'stage' | 'currentStep'>): boolean {
  return row.stage === 'supporting' && !row.currentStep;
}
