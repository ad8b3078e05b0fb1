// The workflow bundle's entry: only workflow functions are exported from here.
export { enterpriseLifecycle } from './lifecycle/lifecycle.workflow';
