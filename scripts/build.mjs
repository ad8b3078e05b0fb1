// `npm run build`: always rebuilds.
import { ensureDependencies } from './lib/deps.mjs';
import { build } from './lib/build.mjs';

await ensureDependencies();
await build();
