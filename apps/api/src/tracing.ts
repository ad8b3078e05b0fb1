// Imported first by main.ts: tracing (off unless OTEL_EXPORTER_OTLP_ENDPOINT is set) must patch
// `pg` and `http` before anything loads them.
import { startTracing } from '@hardtech/observability';

startTracing('api');
