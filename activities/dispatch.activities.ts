import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { heartbeat } from '@temporalio/activity';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { ActivePolicyRepository } from '@hardtech/persistence';
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
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly policies: ActivePolicyRepository,
  ) {}

  async supportingMembers({ after, limit }: { after: string | null; limit: number }): Promise<string[]> {
    const rows: { credit_code: string }[] = await this.ds.query(
      `SELECT credit_code FROM enterprises WHERE stage = 'supporting' AND ($1::text IS NULL OR credit_code > $1)
       ORDER BY credit_code LIMIT $2`,
      [after, limit],
    );
    return rows.map((r) => r.credit_code);
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
