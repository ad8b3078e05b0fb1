import * as wf from '@temporalio/workflow';
import { reportingQuarterAt } from '@hardtech/domain';
import type { DispatchActivities, DispatchInput, DispatchResult } from '@hardtech/temporal/dispatch.contract';

const activities = wf.proxyActivities<DispatchActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '30s' },
});

/** Members are read and ticked in pages: bounded work per activity, a short history per dispatch. */
export const DISPATCH_PAGE = 500;

/**
 * 一季一调度: every member in `supporting` gets the quarter's tick (a QUARTERLY_REPORT task).
 * Started by the schedule at 09:00 on the first day of each quarter, or by an administrator.
 * A retried or repeated dispatch ticks nobody twice: lifecycles ignore a quarter they have had.
 */
export async function quarterlyDispatch(input: DispatchInput = {}): Promise<DispatchResult> {
  const info = wf.workflowInfo();
  const quarter = input.quarter ?? reportingQuarterAt(info.startTime);
  const dispatchId = `${info.workflowId}/${info.runId}`;
  let after: string | null = null;
  let members = 0;
  for (;;) {
    const page: string[] = await activities.supportingMembers({ after, limit: DISPATCH_PAGE });
    if (!page.length) break;
    await activities.tickMembers({ creditCodes: page, quarter, dispatchId });
    members += page.length;
    after = page[page.length - 1];
    if (page.length < DISPATCH_PAGE) break;
  }
  return { quarter, members };
}
