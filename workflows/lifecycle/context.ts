// The context is part of the workflow's contract (query views, projections): defined there.
export type * from '@hardtech/temporal/lifecycle-context';
