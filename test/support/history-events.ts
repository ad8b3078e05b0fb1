import { temporal } from '@temporalio/proto';
import { lifecycleWorkflowId } from '@hardtech/temporal/lifecycle.contract';
import { Cast } from './cast';
import {
  complete,
  expectOk,
  JUDGMENTS,
  nominationFor,
  PORTRAIT,
  problem,
  quarterlyReport,
} from './lifecycle';
import { tickQuarter } from './drive';
import { temporalClient } from './temporal';

/** A history event's type as Temporal names it, without the EVENT_TYPE_ prefix. */
function typeName(e: temporal.api.history.v1.IHistoryEvent): string {
  return (temporal.api.enums.v1.EventType[e.eventType ?? 0] ?? String(e.eventType)).replace(
    /^EVENT_TYPE_/,
    '',
  );
}

/** The event types of a lifecycle's current run, in order. */
export async function historyEventTypes(creditCode: string): Promise<string[]> {
  const client = await temporalClient();
  const history = await client.workflow.getHandle(lifecycleWorkflowId(creditCode)).fetchHistory();
  return (history.events ?? []).map(typeName);
}

export function countByType(types: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of types) counts[t] = (counts[t] ?? 0) + 1;
  return counts;
}

export interface StepEvents {
  step: string;
  completion: boolean;
  events: number;
  byType: Record<string, number>;
}

/** What one lifecycle's standard path cost in history events, step by step. */
export interface PathEvents {
  steps: StepEvents[];
  /** All events of the run, nomination to graduated. */
  total: number;
  byType: Record<string, number>;
  completions: number;
  /** Events of the completions only, divided by their number. */
  perCompletion: number;
}

/**
 * Drives the cast's enterprise through the standard path (nomination → graduated, one quarter),
 * over HTTP as the people do, and attributes the history events that appeared after each step to
 * it: each API call answers once the workflow task that did the step has completed.
 */
export async function standardPathEvents(cast: Cast, quarter = '2026Q3'): Promise<PathEvents> {
  const steps: StepEvents[] = [];
  let seen = 0;
  const step = async (name: string, completion: boolean, run: () => Promise<unknown>) => {
    await run();
    const types = await historyEventTypes(cast.creditCode);
    const slice = types.slice(seen);
    seen = types.length;
    steps.push({ step: name, completion, events: slice.length, byType: countByType(slice) });
  };
  const { coordinator, districtOfficer, enterprise, commissioner, industry } = cast;
  const code = cast.creditCode;
  await step('nominate', false, () =>
    expectOk(districtOfficer.api.post('/api/nominations', nominationFor(cast)), 201),
  );
  await step('SCREEN', true, () =>
    expectOk(complete(coordinator.api, code, 'SCREEN', 'pass', { judgments: JUDGMENTS })),
  );
  await step('DISTRICT_FEEDBACK', true, () =>
    expectOk(complete(districtOfficer.api, code, 'DISTRICT_FEEDBACK', 'support', { opinion: '同意' })),
  );
  await step('ENTERPRISE_CONFIRM', true, () =>
    expectOk(complete(enterprise.api, code, 'ENTERPRISE_CONFIRM', 'confirm', {})),
  );
  await step('ADMIT', true, () =>
    expectOk(
      complete(coordinator.api, code, 'ADMIT', 'admit', {
        leadCluster: cast.cluster,
        commissioner: commissioner.username,
        districtLiaison: districtOfficer.username,
      }),
    ),
  );
  await step('DIAGNOSE', true, () =>
    expectOk(
      complete(commissioner.api, code, 'DIAGNOSE', 'submit', { portrait: PORTRAIT, problems: [problem()] }),
    ),
  );
  await step('quarter tick', false, () => tickQuarter(cast, quarter));
  await step('QUARTERLY_REPORT', true, () =>
    expectOk(complete(enterprise.api, code, 'QUARTERLY_REPORT', 'submit', quarterlyReport(quarter))),
  );
  await step('QUARTERLY_REVIEW', true, () =>
    expectOk(complete(industry.api, code, 'QUARTERLY_REVIEW', 'recommend_graduation', { comment: '倍增' })),
  );
  await step('GRADUATION_REVIEW', true, async () => {
    await expectOk(complete(coordinator.api, code, 'GRADUATION_REVIEW', 'graduate', { reason: 'doubled' }));
    // The run ends after the Update answered: its last events belong to this step.
    await (await temporalClient()).workflow.getHandle(lifecycleWorkflowId(code)).result();
  });
  const all = await historyEventTypes(code);
  const done = steps.filter((s) => s.completion);
  return {
    steps,
    total: all.length,
    byType: countByType(all),
    completions: done.length,
    perCompletion: done.reduce((n, s) => n + s.events, 0) / done.length,
  };
}
