import { type Countersign, countersignWaitingOn } from '@hardtech/domain/approval-actions/countersign';

/** Why the 加签 picker offers nobody: none may be asked, or all who may are still to answer. */
export type NoCountersignerReason = 'noneEligible' | 'allAsked';

export interface CountersignChoice {
  username: string;
  /** Asked in a round still waiting for their answer: asking again would only ask twice. */
  asked: boolean;
}

/**
 * Whom the 加签 picker offers: the server's list (officers who may see the enterprise, not the
 * caller), those still to answer an earlier round marked, and, when nobody can be picked, why.
 */
export function countersignChoices<P extends { username: string }>(
  people: readonly P[],
  rounds: readonly Pick<Countersign, 'mode' | 'users' | 'answers'>[] | null | undefined,
): { choices: (P & CountersignChoice)[]; empty: NoCountersignerReason | null } {
  const waiting = countersignWaitingOn(rounds);
  const choices = people.map((p) => ({ ...p, asked: waiting.has(p.username) }));
  const empty = !choices.length ? 'noneEligible' : choices.every((c) => c.asked) ? 'allAsked' : null;
  return { choices, empty };
}
