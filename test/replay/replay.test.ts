import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { lifecycleWorkflowId } from '@hardtech/temporal/lifecycle.contract';
import { createCast } from '../support/cast';
import { driveToGraduation } from '../support/drive';
import { closeTemporal, temporalClient } from '../support/temporal';

// Determinism guard: the workflow bundle the worker runs must replay recorded histories exactly.
// test/histories/ holds histories recorded from earlier versions (production-like lifecycles);
// a change to workflow code that would break running lifecycles fails here, unless patched.
const BUNDLE = { workflowBundle: { codePath: join(__dirname, '../../dist/workflow-bundle.js') } };
const HISTORIES = join(__dirname, '../histories');

beforeAll(() => {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // already installed by another test in this process
  }
});
afterAll(closeTemporal);

describe('replay of recorded lifecycle histories', () => {
  it('replays the history of a lifecycle driven to graduation just now', async () => {
    const cast = await createCast('500113', 'T2');
    await driveToGraduation(cast);
    const history = await (
      await temporalClient()
    ).workflow
      .getHandle(lifecycleWorkflowId(cast.creditCode))
      .fetchHistory();
    expect(history.events!.length).toBeGreaterThan(20);
    // Kept as an artifact, in the format operators export: copy it into test/histories/ to guard
    // it in later versions.
    if (process.env.TEMPORAL_CLI) {
      const json = execFileSync(process.env.TEMPORAL_CLI, [
        'workflow',
        'show',
        '--workflow-id',
        lifecycleWorkflowId(cast.creditCode),
        '--output',
        'json',
        '--address',
        process.env.TEMPORAL_ADDRESS!,
      ]);
      const out = join(process.env.TEST_DATA_DIR ?? 'data/test', 'histories');
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, 'graduation.json'), json);
      expect(historyFromJSON(JSON.parse(json.toString())).events!.length).toBe(history.events!.length);
    }
    await expect(
      Worker.runReplayHistory(BUNDLE, history, lifecycleWorkflowId(cast.creditCode)),
    ).resolves.toBeUndefined();
  });

  const recorded = readdirSync(HISTORIES).filter((f) => f.endsWith('.json'));
  it('has recorded histories to guard', () => {
    expect(recorded.length).toBeGreaterThan(0);
  });

  it.each(recorded)('replays %s', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(join(HISTORIES, file), 'utf8')));
    await expect(Worker.runReplayHistory(BUNDLE, history, file)).resolves.toBeUndefined();
  });
});
