// The workflow bundle's entry: only workflow functions are exported from here.
export { annualReview } from './annual-review/annual-review.workflow';
export { dailyDigest } from './digest/daily-digest.workflow';
export { quarterlyDispatch } from './dispatch/quarterly-dispatch.workflow';
export { enterpriseLifecycle } from './lifecycle/lifecycle.workflow';
