import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import type { History } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { nominatorGroups, sampleNomination } from '@hardtech/domain';
import { createActivities } from '@hardtech/activities';
import {
  awaitOpenedUpdate,
  LifecycleInput,
  lifecycleStateQuery,
  LIFECYCLE_WORKFLOW_TYPE,
} from '@hardtech/temporal/lifecycle.contract';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { freshCreditCode, tag } from '../support/cast';
import { eventually } from '../support/lifecycle';
import { closeTemporal, temporalClient } from '../support/temporal';

// How a changed workflow is deployed while lifecycles that last years are running (README,
// "Deploying workflow changes"), shown on the real lifecycle with one demo change (a timer before
// it opens) and on the histories recorded from earlier versions in test/histories:
// - without patched(), the change breaks the replay of every recorded lifecycle: CI stops it;
// - behind patched(), old lifecycles replay unchanged and new ones record a marker;
// - deprecatePatch() may replace patched() only once no lifecycle without the marker runs.
const ROOT = join(__dirname, '../..');
const ALIASES = Object.fromEntries(
  ['domain', 'temporal', 'persistence', 'config'].map((lib) => [
    `@hardtech/${lib}`,
    join(ROOT, 'libs', lib, 'src'),
  ]),
);
const bundles: Record<string, { code: string }> = {};

async function bundle(name: string): Promise<{ workflowBundle: { code: string } }> {
  bundles[name] ??= await bundleWorkflowCode({
    workflowsPath: join(__dirname, 'fixtures', `${name}.workflow.ts`),
    logger: new DefaultLogger('WARN'),
    webpackConfigHook: (config) => {
      config.resolve = { ...config.resolve, alias: { ...(config.resolve?.alias as object), ...ALIASES } };
      return config;
    },
  });
  return { workflowBundle: bundles[name] };
}
const CURRENT = { workflowBundle: { codePath: join(ROOT, 'dist/workflow-bundle.js') } };

const recorded: [string, History][] = readdirSync(join(ROOT, 'test/histories'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, historyFromJSON(JSON.parse(readFileSync(join(ROOT, 'test/histories', f), 'utf8')))]);

async function replays(options: object, history: History): Promise<'replays' | string> {
  try {
    await Worker.runReplayHistory(options as any, history);
    return 'replays';
  } catch (e) {
    return (e as Error).name;
  }
}

jest.setTimeout(180_000);

beforeAll(() => {
  try {
    // Core reports each expected nondeterminism at WARN; the assertions say what matters.
    Runtime.install({
      logger: new DefaultLogger('WARN'),
      telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } },
    });
  } catch {
    // already installed in this process
  }
});
afterAll(closeTemporal);

describe('deploying a changed lifecycle while old ones run', () => {
  it('has recorded production-like histories to check against', () => {
    expect(recorded.length).toBeGreaterThan(0);
  });

  it('without patched(), the change fails the replay of recorded lifecycles (CI stops it)', async () => {
    const unpatched = await bundle('lifecycle-unpatched');
    for (const [file, history] of recorded) {
      expect([file, await replays(unpatched, history)]).toEqual([file, 'DeterminismViolationError']);
    }
  });

  it('behind patched(), recorded lifecycles replay unchanged; deprecatePatch() would be too early', async () => {
    const [patched, deprecated] = [await bundle('lifecycle-patched'), await bundle('lifecycle-deprecated')];
    for (const [file, history] of recorded) {
      expect([file, await replays(CURRENT, history)]).toEqual([file, 'replays']);
      expect([file, await replays(patched, history)]).toEqual([file, 'replays']);
      expect([file, await replays(deprecated, history)]).toEqual([file, 'DeterminismViolationError']);
    }
  });

  it('a lifecycle started on the patched code records the marker and replays on the deprecated code', async () => {
    const patched = await bundle('lifecycle-patched');
    const app = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
    const taskQueue = `ops-versioning-${tag()}`;
    const worker = await Worker.create({
      connection,
      namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
      taskQueue,
      ...patched,
      activities: createActivities(app),
    });
    const client = await temporalClient();
    const nomination = sampleNomination({ creditCode: freshCreditCode(), district: '500112', cluster: 'T2' });
    const actor = {
      username: `ops-${tag()}`,
      role: 'district_officer' as const,
      scope: { districts: ['500112'] },
    };
    const input: LifecycleInput = {
      nomination,
      nominatedBy: actor,
      nominatorGroups: nominatorGroups(actor, nomination.district, nomination.creditCode),
      lifecycleNo: 1,
    };
    let history: History | undefined;
    try {
      await worker.runUntil(async () => {
        const handle = await client.workflow.start(LIFECYCLE_WORKFLOW_TYPE, {
          workflowId: `ops-versioning/${nomination.creditCode}`,
          taskQueue,
          args: [input],
        });
        // The lifecycle registers its handlers after the new first step: ask once it has run.
        await eventually(() => handle.query(lifecycleStateQuery).catch(() => undefined), 30_000);
        // Opened: the lifecycle's first task is projected.
        expect((await handle.executeUpdate(awaitOpenedUpdate)).stage).toBe('screening');
        await handle.terminate('versioning demo done');
        history = await handle.fetchHistory();
      });
    } finally {
      await connection.close();
      await app.close();
    }
    const events = history!.events ?? [];
    expect(events.some((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch')).toBe(true);
    expect(events.some((e) => e.timerStartedEventAttributes)).toBe(true);

    expect(await replays(patched, history!)).toBe('replays');
    expect(await replays(await bundle('lifecycle-deprecated'), history!)).toBe('replays');
    // …and the code of before the change cannot take it over: roll back only with the patch in.
    expect(await replays(CURRENT, history!)).toBe('DeterminismViolationError');
  });
});
