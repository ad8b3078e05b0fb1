import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';

/** The compiled tree (dist/), which this file is part of. */
const DIST = join(__dirname, '..', '..', '..');
/** Where `npm run build` writes the prebuilt workflow bundle (the code replay tests check). */
export const WORKFLOW_BUNDLE_PATH = join(DIST, 'workflow-bundle.js');
export const WORKFLOWS_PATH = join(DIST, 'workflows', 'index.js');

/**
 * Modules every workflow shares instead of evaluating its own copy (issue 21 (e)): the lifecycle's
 * rules — the statechart, the Lifecycle class, the domain rules, the contracts — and xstate with
 * them. With the SDK's reused V8 context each workflow otherwise holds its own instance of every
 * module it imports (the worker held 0.88 MB per cached lifecycle), evaluated again on every start
 * and every cache miss. Only modules that keep no per-workflow state and do no I/O at load may be
 * shared: these are constants and functions (workflows/ imports only pure modules, and the
 * `*.workflow.ts` files, which call the workflow API, stay each workflow's own). xstate's one
 * module-level counter names the inert actors `transition()` creates and drops; nothing reads it.
 * The replay tests run the bundle built with them against every recorded history.
 */
export const PRELOADED_MODULES = [
  join(DIST, 'libs', 'domain', 'src', 'index.js'),
  join(DIST, 'libs', 'temporal', 'src', 'lifecycle.contract.js'),
  join(DIST, 'workflows', 'lifecycle', 'machine.js'),
  join(DIST, 'workflows', 'lifecycle', 'lifecycle.js'),
];

/** The prebuilt bundle when there is one (production, tests); otherwise bundle the sources now. */
export function workflowSource(): { workflowBundle: { codePath: string } } | { workflowsPath: string } {
  return existsSync(WORKFLOW_BUNDLE_PATH)
    ? { workflowBundle: { codePath: WORKFLOW_BUNDLE_PATH } }
    : { workflowsPath: WORKFLOWS_PATH };
}

/** Used by the build: one bundle, made once. */
export async function buildWorkflowBundle(): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    preloadModules: PRELOADED_MODULES,
    logger: new DefaultLogger('WARN'),
  });
  return code;
}
