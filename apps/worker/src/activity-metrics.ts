import type { Context } from '@temporalio/activity';
import type { ActivityInterceptors } from '@temporalio/worker';
import { Histogram, Registry } from '@hardtech/observability';

/**
 * Our own activity metric beside the SDK's: how long each activity (the read-model projection,
 * the policy lookup) takes in this process, and whether it completed or failed.
 */
export function activityMetrics(registry: Registry): (ctx: Context) => ActivityInterceptors {
  const duration = new Histogram({
    name: 'hardtech_activity_duration_seconds',
    help: 'Activity executions in this worker, by activity type and outcome',
    labelNames: ['activity', 'outcome'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return (ctx) => ({
    inbound: {
      async execute(input, next) {
        const end = duration.startTimer({ activity: ctx.info.activityType });
        try {
          const result = await next(input);
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
