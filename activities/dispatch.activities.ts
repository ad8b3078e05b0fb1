import { Injectable } from '@nestjs/common';
import { heartbeat } from '@temporalio/activity';
import { ActivePolicyRepository, EnterprisesRepository } from '@hardtech/persistence';
import { DispatchActivities, LifecycleClient } from '@hardtech/temporal';

/** Signals in flight at once: enough to tick 1,000 members in seconds, gentle on the server. */
const CONCURRENCY = 32;

@Injectable()
export class DispatchActivitiesService implements DispatchActivities {
  constructor(
    private readonly enterprises: EnterprisesRepository,
    private readonly lifecycles: LifecycleClient,
    private readonly policies: ActivePolicyRepository,
  ) {}

  supportingMembers({ after, limit }: { after: string | null; limit: number }): Promise<string[]> {
    return this.enterprises.supportingAfter(after, limit);
  }

  async tickMembers({
    creditCodes,
    quarter,
    dispatchId,
  }: {
    creditCodes: string[];
    quarter: string;
    dispatchId: string;
  }) {
    // Read once for the page and carried by every tick: the members read none (issue 9).
    const policy = await this.policies.current();
    let next = 0;
    let ticked = 0;
    const lane = async () => {
      while (next < creditCodes.length) {
        const creditCode = creditCodes[next++];
        // A lifecycle that ended since the page was read has nothing to report.
        if (await this.lifecycles.tickQuarter(creditCode, { quarter, dispatchId, policy })) ticked++;
        if (ticked % 100 === 0) heartbeat(ticked);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, lane));
    return { ticked };
  }
}
