// `node scripts/identity-service.mjs '<json options>'`: the local OIDC identity service (Hydra and its
// login page, scripts/lib/identity-service.mjs) as a process of its own, for tests and demos. Prints
// one line `identity service ready <json>` when it answers, and runs until SIGTERM or Ctrl-C.
import { startIdentityService } from './lib/identity-service.mjs';

const service = await startIdentityService(JSON.parse(process.argv[2] ?? '{}'));
const { stop, ...info } = service;
console.log(`identity service ready ${JSON.stringify(info)}`);
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => stop().then(() => process.exit(0)));
