import { execFileSync } from 'node:child_process';
import { temporalClient } from './temporal';

export interface ListedWorkflow {
  workflowId: string;
  runId: string;
  /** Running, Completed, ContinuedAsNew… */
  status: string;
}

/**
 * Workflows matching a visibility query, the way operators ask: `temporal workflow list --query`
 * when the CLI is at hand (scripts/test.mjs sets TEMPORAL_CLI), else the client's list.
 */
export async function workflowsMatching(query: string): Promise<ListedWorkflow[]> {
  const cli = process.env.TEMPORAL_CLI;
  if (!cli) {
    const found: ListedWorkflow[] = [];
    for await (const w of (await temporalClient()).workflow.list({ query })) {
      found.push({ workflowId: w.workflowId, runId: w.runId, status: pascal(w.status.name) });
    }
    return found;
  }
  const out = execFileSync(
    cli,
    ['workflow', 'list', '--query', query, '--address', process.env.TEMPORAL_ADDRESS!, '--output', 'json'],
    { encoding: 'utf8' },
  ).trim();
  if (!out) return [];
  const parsed = out.startsWith('[') ? JSON.parse(out) : out.split('\n').map((line) => JSON.parse(line));
  return parsed.map((w: any) => ({
    workflowId: w.execution.workflowId,
    runId: w.execution.runId,
    status: pascal(String(w.status).replace('WORKFLOW_EXECUTION_STATUS_', '')),
  }));
}

function pascal(name: string): string {
  return name
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}
