// Client-side entry. Workflows import only './lifecycle.contract' and './search-attributes'.
export * from './connection-options';
export * from './digest.contract';
export * from './dispatch.contract';

export * from './failures';
export * from './lifecycle.contract';
export * from './lifecycle-client';
export * from './operations-client';
export * from './proto-time';
export * from './schedules';
export * from './search-attributes';

export * from './task-queues';
export * from './withdrawn-outcomes';
export * from './yearly.contract';
export * from './update-ids';
export * from './temporal-client.module';
export * from './answered-within';
export * from './grpc-codes';
