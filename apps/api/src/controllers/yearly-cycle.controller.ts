import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, InvalidInput, t } from '@hardtech/domain';
import { CurrentActor, Roles } from '../auth/decorators';
import {
  AnnualReviewBodyDto,
  AnnualReviewQueryDto,
  AnnualReviewResultDto,
  CalendarCoverageDto,
  CalendarYearConfirmedDto,
} from '../dtos/yearly-cycle.dto';
import { ApiDoc } from '../openapi/api-doc';
import { YearlyCycleService } from '../services/yearly-cycle.service';

const badYear = () =>
  new InvalidInput([{ field: 'year', text: t('应为年份，如 2027', 'must be a year such as 2027') }]);

/** The yearly cycle (issue 19): 动态管理 run by hand, and the working-day calendar's years. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('system_admin', 'city_coordinator')
@Controller('admin')
export class YearlyCycleController {
  constructor(private readonly yearly: YearlyCycleService) {}

  @Post('annual-review/trigger')
  @HttpCode(200)
  @ApiDoc({
    summary: '立即执行年度动态管理 Run the annual review now',
    description:
      'Every member of the pool gets the year’s ANNUAL_UPDATE; a member that had the year is left alone (idempotent per member and year). The year is `?year=` or the body’s `year`: this year or last, as the policy page offers (422 REVIEW_YEAR_NOT_OFFERED for another four-digit year).',
    ok: AnnualReviewResultDto,
    errors: [400, 401, 403, 413, 422],
  })
  trigger(@Query() q: AnnualReviewQueryDto, @Body() body: AnnualReviewBodyDto) {
    return this.yearly.triggerAnnualReview(q.year, body.year);
  }

  @Get('calendar/coverage')
  @ApiDoc({
    summary: '工作日历覆盖年份 Which years the working-day calendar covers',
    ok: CalendarCoverageDto,
    errors: [401, 403],
  })
  coverage() {
    return this.yearly.coverage();
  }

  @Put('calendar/years/:year')
  @ApiDoc({
    summary: '确认已录入全年节假日安排 Confirm a year’s schedule as entered',
    description:
      'Enter the year’s holidays and make-up days first (PUT /api/admin/calendar/:date). Deadlines marked provisional are then recomputed in their lifecycles.',
    ok: CalendarYearConfirmedDto,
    errors: [400, 401, 403, 404, 422],
  })
  confirmYear(
    @CurrentActor() actor: Actor,
    @Param('year', new ParseIntPipe({ exceptionFactory: badYear })) year: number,
  ) {
    if (year < 2004 || year > 2100) throw badYear();
    return this.yearly.confirmYear(actor, year);
  }
}
