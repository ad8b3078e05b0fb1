// The workflow bundle's entry: only workflow functions are exported from here.
export { quarterlyDispatch } from './dispatch/quarterly-dispatch.workflow';
export { enterpriseLifecycle } from './lifecycle/lifecycle.workflow';
