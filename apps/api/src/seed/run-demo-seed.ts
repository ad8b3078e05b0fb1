import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@hardtech/config';
import { AppModule } from '../app.module';
import { DemoSeed } from './demo-seed';

/** `node dist/apps/api/src/seed/run-demo-seed.js`: demo users and enterprises (demo mode only). */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.demoMode) {
    console.log('seed: demo mode is off, nothing to do');
    return;
  }
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  try {
    await app.get(DemoSeed).run();
  } finally {
    await app.close();
  }
}

main().catch((e) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
