export * from './access';
export * from './annual-review';
export * from './calendar-coverage';
export * from './attachments';
export * from './audit-actions';
export * from './audit-transition';
export * from './transition-causes';

export * from './calendar';
export * from './credit-code';
export * from './deadlines';
export * from './overdue';
export * from './departments';

export * from './doubling';
export * from './durations';
export * from './errors';
export * from './forms/schema';
export * from './forms/validate';
export * from './ledger';
export * from './nomination';
export * from './nomination-sheet';
export * from './notification-preferences';
export * from './notifications';

export * from './password';
export * from './security-policy';
export * from './policy';
export * from './policy-form';

export * from './pool';
export * from './pool-membership';
export * from './quarters';
export * from './reference';
export * from './roles';
export * from './samples';
export * from './saved-views';

export * from './scope-rules';
export * from './screening';
export * from './stages';
export * from './task-notices';
export * from './task-permissions';
export * from './task-types';
export * from './tasks/forms';
export * from './tasks/submission';
export * from './text';
export * from './whistle';
export * from './problem-work';
export * from './working-days';
export * from './views';
export * from './visibility';
export * from './case-file';
export * from './outbound';
export * from './zip-archive';
export * from './printouts';
export * from './import-certificates';
export * from './approval-actions';
