import { Injectable } from '@nestjs/common';
import { activityInfo, heartbeat } from '@temporalio/activity';
import {
  CALENDAR_NOTICE_AUDIENCE,
  calendarNoticeText,
  DEFAULT_ANNUAL_REVIEW,
  missingCalendarYear,
} from '@hardtech/domain';
import {
  ActivePolicyRepository,
  CalendarRepository,
  NotificationsRepository,
  YearlyCycleRepository,
} from '@hardtech/persistence';
import { AnnualReviewActivities, LifecycleClient } from '@hardtech/temporal';

/** Updates in flight at once, as the quarterly dispatch's signals. */
const CONCURRENCY = 16;

/** The yearly cycle: the calendar notice, which year's review opens today, the members, their ANNUAL_UPDATE. */
@Injectable()
export class AnnualReviewActivitiesService implements AnnualReviewActivities {
  constructor(
    private readonly yearly: YearlyCycleRepository,
    private readonly lifecycles: LifecycleClient,
    private readonly policies: ActivePolicyRepository,
    private readonly calendar: CalendarRepository,
    private readonly notifications: NotificationsRepository,
  ) {}

  async calendarNotice({ date }: { date: string }): Promise<number | null> {
    const year = missingCalendarYear(date, await this.calendar.coveredThrough());
    if (year === null) return null;
    // Keyed by the day: a retried or repeated morning run records it once.
    await this.notifications.record(
      {
        id: `calendar-missing:${date}`,
        kind: 'calendar',
        audienceGroups: CALENDAR_NOTICE_AUDIENCE,
        at: new Date().toISOString(),
        data: { year, text: calendarNoticeText(year) },
      },
      [],
    );
    return year;
  }

  async annualReviewOpening({ date }: { date: string }): Promise<number | null> {
    const { opensOn } = (await this.policies.current()).annualReview ?? DEFAULT_ANNUAL_REVIEW;
    return date.slice(5) === opensOn ? Number(date.slice(0, 4)) : null;
  }

  poolMembers({ after, limit }: { after: string | null; limit: number }): Promise<string[]> {
    return this.yearly.membersAfter(after, limit);
  }

  async openAnnualReviews({ creditCodes, year }: { creditCodes: string[]; year: number }) {
    // Read once for the page and carried by every Update (its dates, SLA and calendar).
    const policy = await this.policies.current();
    // A retried page attaches to its first answers; another run of the review asks afresh.
    const updateId = `annual-review-${year}-${activityInfo().workflowExecution?.runId ?? 'manual'}`;
    let next = 0;
    let opened = 0;
    const lane = async () => {
      while (next < creditCodes.length) {
        const creditCode = creditCodes[next++];
        const answer = await this.lifecycles.openAnnualReview(creditCode, { year, policy }, updateId);
        if (answer?.opened) opened++;
        heartbeat(next);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, lane));
    return { opened };
  }
}
