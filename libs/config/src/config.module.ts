import { Global, Module } from '@nestjs/common';
import { loadConfig } from './config';

/** Injection token of the validated AppConfig. */
export const CONFIG = Symbol('CONFIG');

@Global()
@Module({
  providers: [{ provide: CONFIG, useFactory: () => loadConfig() }],
  exports: [CONFIG],
})
export class ConfigModule {}
