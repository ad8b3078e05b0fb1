import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Keeps a workflow's history as an artifact under data/test/histories/, in the format operators
 * export (`temporal workflow show --output json`): copy it into test/histories/ to guard it in
 * later versions. Null without the CLI (scripts/test.mjs sets TEMPORAL_CLI).
 */
export function exportHistory(workflowId: string, file: string, runId?: string): Buffer | null {
  if (!process.env.TEMPORAL_CLI) return null;
  const json = execFileSync(process.env.TEMPORAL_CLI, [
    'workflow',
    'show',
    '--workflow-id',
    workflowId,
    // A run that continued as new (without: the latest run).
    ...(runId ? ['--run-id', runId] : []),
    '--output',
    'json',
    '--address',
    process.env.TEMPORAL_ADDRESS!,
  ]);
  const out = join(process.env.TEST_DATA_DIR ?? 'data/test', 'histories');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, file), json);
  return json;
}

/** The patch ids an exported history's markers record (a marker's payload is base64 in the export). */
export function patchMarkersOf(json: Buffer): string[] {
  return JSON.parse(json.toString())
    .events.filter((e: any) => e.markerRecordedEventAttributes?.markerName === 'core_patch')
    .flatMap((e: any) =>
      Object.values(e.markerRecordedEventAttributes.details).flatMap((d: any) =>
        d.payloads.map((p: any) => Buffer.from(p.data, 'base64').toString()),
      ),
    );
}
