import { Injectable } from '@nestjs/common';
import { heartbeat } from '@temporalio/activity';
import { BRIEFING_AUDIENCE, briefingText, tickedForQuarter } from '@hardtech/domain';
import {
  ActivePolicyRepository,
  EnterprisesRepository,
  MembershipRepository,
  NotificationsRepository,
} from '@hardtech/persistence';
import { DispatchActivities, LifecycleClient } from '@hardtech/temporal';

/** Signals in flight at once: enough to tick 1,000 members in seconds, gentle on the server. */
const CONCURRENCY = 32;

@Injectable()
export class DispatchActivitiesService implements DispatchActivities {
  constructor(
    private readonly enterprises: EnterprisesRepository,
    private readonly lifecycles: LifecycleClient,
    private readonly policies: ActivePolicyRepository,
    private readonly notifications: NotificationsRepository,
    private readonly membership: MembershipRepository,
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
    // A member admitted after the quarter a dispatch on its admission day would report is not asked
    // for an earlier one (a lifecycle never ticked would take any quarter): it is reached, not ticked.
    const admittedOn = await this.membership.admittedOn(creditCodes);
    const due = creditCodes.filter((code) => {
      const day = admittedOn.get(code);
      return day === undefined || tickedForQuarter(quarter, day);
    });
    let next = 0;
    let ticked = 0;
    const lane = async () => {
      while (next < due.length) {
        const creditCode = due[next++];
        // A lifecycle that ended since the page was read has nothing to report.
        if (await this.lifecycles.tickQuarter(creditCode, { quarter, dispatchId, policy })) ticked++;
        if (ticked % 100 === 0) heartbeat(ticked);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, lane));
    await this.announceBriefing(quarter);
    return { ticked };
  }

  /**
   * 调度会材料 of the quarter, announced to coordinators and leaders (issue 19 item 2). Done here
   * because the dispatch workflow calls only this activity with the quarter (workflows/ unchanged);
   * the id is the quarter's, so every page, retry and repeated dispatch records it once. A dispatch
   * with no member in `supporting` never calls this, and then there is no meeting to prepare.
   *
   * The document is not stored: GET /api/reports/dispatch-briefing.docx?quarter= makes it on demand.
   * Its figures must equal GET /api/reports/kpi of the day it is read, and each reader gets it within
   * their own scope (the redaction and scope rules apply per request); a file written at dispatch
   * time would be one reader's view, frozen, and a second copy of the figures to keep true.
   */
  private announceBriefing(quarter: string): Promise<void> {
    return this.notifications.record(
      {
        id: `briefing:${quarter}`,
        kind: 'briefing',
        audienceGroups: BRIEFING_AUDIENCE,
        at: new Date().toISOString(),
        data: { quarter, text: briefingText(quarter) },
      },
      [],
    );
  }
}
