export * from './config';
export * from './config.module';
export * from './corp-apps';
export * from './oidc';
