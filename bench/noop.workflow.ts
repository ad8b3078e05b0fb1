// The engine's floor (issue 9): a workflow whose Update does nothing, registered only by the
// bench's own worker (bench/floor.ts), never in the product's bundle. Issue 21.4: variants that add
// one kind of command each, so the floor phase can price what a completion's Update adds to it.
import {
  condition,
  defineSignal,
  defineUpdate,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import { STAGE } from '../libs/temporal/src/search-attributes';

/** The floor worker's one activity: answers its argument. */
export interface NoopActivities {
  noopActivity(n: number): Promise<number>;
}

const { noopActivity } = proxyLocalActivities<NoopActivities>({ startToCloseTimeout: '10s' });

export const noopUpdate = defineUpdate<number, [number]>('noop');
/** One upsertSearchAttributes command: a new Stage value each time, as a stage change sets it. */
export const upsertUpdate = defineUpdate<number, [number]>('noopUpsert');
/** One local activity (its marker), like the projection's. */
export const localActivityUpdate = defineUpdate<number, [number]>('noopLocalActivity');
/** Nothing but an argument of a completion's size, which Temporal stores in UpdateAccepted. */
export const payloadUpdate = defineUpdate<number, [string]>('noopPayload');
export const stopSignal = defineSignal('stop');

export async function benchNoop(): Promise<void> {
  let stopped = false;
  setHandler(noopUpdate, (n) => n);
  setHandler(upsertUpdate, (n) => {
    upsertSearchAttributes([{ key: STAGE, value: `floor-${n}` }]);
    return n;
  });
  setHandler(localActivityUpdate, (n) => noopActivity(n));
  setHandler(payloadUpdate, (s) => s.length);
  setHandler(stopSignal, () => void (stopped = true));
  await condition(() => stopped);
}
