import { Injectable, Logger } from '@nestjs/common';
import {
  Actor,
  InvalidInput,
  isReviewYear,
  missingCalendarYear,
  reviewYearChoices,
  RuleViolation,
  shanghaiDate,
  t,
} from '@hardtech/domain';
import { CalendarRepository, PACKAGE_LAST_YEAR, YearlyCycleRepository } from '@hardtech/persistence';
import { AnnualReviewResult, LifecycleClient, OperationsClient } from '@hardtech/temporal';

/** Lifecycles recomputed at once when a calendar year is entered. */
const CONCURRENCY = 8;
const DAY_MS = 86_400_000;

/** The yearly cycle (issue 19): the annual review run by hand, and the calendar's coverage. */
@Injectable()
export class YearlyCycleService {
  private readonly log = new Logger(YearlyCycleService.name);

  constructor(
    private readonly operations: OperationsClient,
    private readonly lifecycles: LifecycleClient,
    private readonly calendar: CalendarRepository,
    private readonly yearly: YearlyCycleRepository,
  ) {}

  /** 动态管理 now: every member gets the year's ANNUAL_UPDATE (once per member and year). */
  triggerAnnualReview(
    query: string | undefined,
    body?: number,
  ): Promise<AnnualReviewResult & { workflowId: string }> {
    // `{year: 2026}` in the body read as no year at all and was refused as out of range.
    if (query && body !== undefined && Number(query) !== body) throw yearGivenTwice();
    const year = query || (body === undefined ? undefined : String(body));
    if (year === undefined) throw yearMissing();
    if (!/^\d{4}$/.test(year)) {
      throw new InvalidInput([{ field: 'year', text: t('应为四位数年份', 'must be a four-digit year') }]);
    }
    const n = Number(year);
    const today = shanghaiDate(new Date());
    if (!isReviewYear(n, today)) throw yearNotOffered(reviewYearChoices(today));
    return this.operations.runAnnualReview(n);
  }

  /** Which years the working-day calendar knows, and the year administrators must enter now. */
  async coverage() {
    const coveredThrough = await this.calendar.coveredThrough();
    return {
      coveredThrough,
      packageLastYear: PACKAGE_LAST_YEAR,
      missingYear: missingCalendarYear(shanghaiDate(new Date()), coveredThrough),
    };
  }

  /**
   * An administrator confirms that a year's schedule is entered (its holidays and 调休 days as
   * overrides): deadlines computed provisionally into it are recomputed in their lifecycles.
   * Confirming a covered year again only recomputes (nothing when nothing is provisional).
   */
  async confirmYear(actor: Actor, year: number) {
    const before = await this.calendar.coveredThrough();
    if (year > before + 1) {
      throw new RuleViolation(
        'CALENDAR_YEAR_GAP',
        t(`请先录入 ${before + 1} 年的节假日安排`, `enter the schedule of ${before + 1} first`),
        [{ field: 'year', text: t('日历年份须连续', 'calendar years must follow each other') }],
      );
    }
    if (year > PACKAGE_LAST_YEAR) await this.calendar.confirmYear(year, actor.username);
    const coveredThrough = await this.calendar.coveredThrough();
    return { year, coveredThrough, ...(await this.recomputeProvisional()) };
  }

  /** Every lifecycle with a provisional deadline recomputes it with the calendar as it is now. */
  private async recomputeProvisional() {
    const pending = await this.yearly.provisionalTasks();
    if (!pending.length) return { lifecycles: 0, recomputed: 0, stillProvisional: 0 };
    const slaByVersion = await this.yearly.slaByVersion([...new Set(pending.flatMap((p) => p.versions))]);
    // From a year back (the oldest open task's creation) to two years ahead, as deadlines count.
    const calendar = await this.calendar.calendar(
      shanghaiDate(new Date(Date.now() - 366 * DAY_MS)),
      shanghaiDate(new Date(Date.now() + 2 * 366 * DAY_MS)),
    );
    const totals = { lifecycles: 0, recomputed: 0, stillProvisional: 0 };
    let next = 0;
    const lane = async () => {
      while (next < pending.length) {
        const { creditCode } = pending[next++];
        try {
          const r = await this.lifecycles.recomputeDeadlines(creditCode, { calendar, slaByVersion });
          if (!r) continue;
          totals.lifecycles++;
          totals.recomputed += r.recomputed;
          totals.stillProvisional += r.stillProvisional;
        } catch (e) {
          // The others still go; the tasks stay provisional and the next confirmation retries them.
          this.log.error(`recomputing the deadlines of ${creditCode} failed: ${(e as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, lane));
    return totals;
  }
}

const yearMissing = () =>
  new InvalidInput([
    {
      field: 'year',
      text: t(
        '缺少年份：请用查询参数 ?year=2026 或请求体 {"year": 2026} 给出',
        'the year is missing: give it as ?year=2026 or in the body as {"year": 2026}',
      ),
    },
  ]);

/** 422: a year the policy page never offers (reviewYearChoices), named with the ones it does. */
const yearNotOffered = (choices: number[]) => {
  const years = choices.join('、');
  return new RuleViolation(
    'REVIEW_YEAR_NOT_OFFERED',
    t(`年度动态管理只能为 ${years} 年开启`, `the annual review runs only for ${choices.join(' or ')}`),
    [{ field: 'year', text: t(`应为 ${years} 年`, `must be ${choices.join(' or ')}`) }],
  );
};

const yearGivenTwice = () =>
  new InvalidInput([
    {
      field: 'year',
      text: t('查询参数与请求体中的年份不一致', 'the query and the body name different years'),
    },
  ]);
