import * as wf from '@temporalio/workflow';
import { shanghaiDate } from '@hardtech/domain';
import type { DigestActivities, DigestInput, DigestResult } from '@hardtech/temporal/digest.contract';

const activities = wf.proxyActivities<DigestActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5s', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Each morning: everyone who asked gets what is overdue or due soon — on working days only. */
export async function dailyDigest(input: DigestInput = {}): Promise<DigestResult> {
  return activities.sendDigests({ date: input.date ?? shanghaiDate(wf.workflowInfo().startTime) });
}
