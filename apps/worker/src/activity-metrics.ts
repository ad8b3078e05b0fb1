import type { Context } from '@temporalio/activity';
import type { ActivityInterceptors } from '@temporalio/worker';
import {
  countingStatements,
  DbStatementMetrics,
  Histogram,
  newStatementTally,
  Registry,
} from '@hardtech/observability';

/**
 * Our own activity metric beside the SDK's: how long each activity (the read-model projection,
 * the policy lookup) takes in this process, and whether it completed or failed; and the SQL
 * statements each execution sent (hardtech_db_statements_per_activity).
 */
export function activityMetrics(registry: Registry): (ctx: Context) => ActivityInterceptors {
  const duration = new Histogram({
    name: 'hardtech_activity_duration_seconds',
    help: 'Activity executions in this worker, by activity type and outcome',
    labelNames: ['activity', 'outcome'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const statements = new DbStatementMetrics(registry);
  return (ctx) => ({
    inbound: {
      async execute(input, next) {
        const end = duration.startTimer({ activity: ctx.info.activityType });
        const tally = newStatementTally();
        try {
          const result = await countingStatements(tally, () => next(input));
          statements.observeActivity(ctx.info.activityType, tally);
          end({ outcome: 'completed' });
          return result;
        } catch (e) {
          end({ outcome: 'failed' });
          throw e;
        }
      },
    },
  });
}
