import { Inject, Injectable } from '@nestjs/common';
import { heartbeat } from '@temporalio/activity';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { ActivePolicyRepository, EnterprisesRepository } from '@hardtech/persistence';
import {
  DispatchActivities,
  lifecycleWorkflowId,
  quarterTickSignal,
  TEMPORAL_CLIENT,
} from '@hardtech/temporal';

/** Signals in flight at once: enough to tick 1,000 members in seconds, gentle on the server. */
const CONCURRENCY = 32;

@Injectable()
export class DispatchActivitiesService implements DispatchActivities {
  constructor(
    private readonly enterprises: EnterprisesRepository,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
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
        try {
          await this.client.workflow
            .getHandle(lifecycleWorkflowId(creditCode))
            .signal(quarterTickSignal, { quarter, dispatchId, policy });
          ticked++;
        } catch (e) {
          // A lifecycle that ended since the page was read has nothing to report.
          if (!(e instanceof WorkflowNotFoundError)) throw e;
        }
        if (ticked % 100 === 0) heartbeat(ticked);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, lane));
    return { ticked };
  }
}
