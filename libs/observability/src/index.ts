export * from './http-observability';
export * from './log-context';
export * from './logger';
export * from './metrics';
export * from './nest-logger';
export * from './temporal-logger';
export * from './graceful-http';
export * from './tracing';
