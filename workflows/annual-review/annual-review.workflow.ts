import * as wf from '@temporalio/workflow';
import { shanghaiDate } from '@hardtech/domain';
import type {
  AnnualReviewActivities,
  AnnualReviewInput,
  AnnualReviewResult,
} from '@hardtech/temporal/yearly.contract';

const activities = wf.proxyActivities<AnnualReviewActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '30s' },
});

/** Members are read and reviewed in pages, as the quarterly dispatch does. */
export const ANNUAL_REVIEW_PAGE = 200;

/**
 * The yearly cycle's morning run. 动态管理 (issue 19.3): every member's enterprise users get the year's ANNUAL_UPDATE. The schedule
 * starts this each morning and it does nothing unless today is the policy's `opensOn` (the date is
 * policy, not schedule); an administrator starts it with the year. A member reviewed for the year
 * is left alone, so a retried or repeated run opens nothing twice.
 */
export async function annualReview(input: AnnualReviewInput = {}): Promise<AnnualReviewResult> {
  const date = shanghaiDate(wf.workflowInfo().startTime);
  // The scheduled morning run also tells administrators when next year's calendar is missing.
  if (input.year === undefined) await activities.calendarNotice({ date });
  const year = input.year ?? (await activities.annualReviewOpening({ date }));
  if (year === null) return { year: null, members: 0, opened: 0 };
  let after: string | null = null;
  let members = 0;
  let opened = 0;
  for (;;) {
    const page: string[] = await activities.poolMembers({ after, limit: ANNUAL_REVIEW_PAGE });
    if (!page.length) break;
    opened += (await activities.openAnnualReviews({ creditCodes: page, year })).opened;
    members += page.length;
    after = page[page.length - 1];
    if (page.length < ANNUAL_REVIEW_PAGE) break;
  }
  return { year, members, opened };
}
