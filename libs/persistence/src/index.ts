export * from './data-source';
export * from './entities';
export * from './persistence.module';
export * from './reference-data';
export * from './repositories/policy.repository';
export * from './repositories/projection.repository';
export * from './repositories/membership.repository';
export * from './repositories/notifications.repository';
