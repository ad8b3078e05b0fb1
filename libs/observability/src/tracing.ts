import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

/** What the Temporal plugin of the worker and the client interceptor of the API need. */
export interface Tracing {
  readonly resource: Resource;
  readonly spanProcessor: SpanProcessor;
  /** Exports what is buffered and stops (on shutdown, so the last spans are not lost). */
  shutdown(): Promise<void>;
}

/**
 * Where traces go, from the standard OpenTelemetry variables; null (off, the default) when no OTLP
 * endpoint is set or OTEL_SDK_DISABLED is true.
 */
export function tracingEndpoint(env: NodeJS.ProcessEnv): string | null {
  if (env.OTEL_SDK_DISABLED?.toLowerCase() === 'true') return null;
  return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT || null;
}

/** Health probes and metrics scrapes would bury the traces that matter. */
const UNTRACED = /^\/(metrics|health|api\/health)(\/|\?|$)/;

let active: Tracing | null | undefined;

/**
 * Starts tracing for this process once: HTTP in and out, every SQL statement (pg), exported over
 * OTLP/HTTP. It must run before `pg` is loaded (each main imports ./tracing first), since the
 * instrumentation patches modules as they are required. The Temporal side (client, workflow and
 * activity spans) is added where the client and the worker are made, from activeTracing().
 */
export function startTracing(
  service: 'api' | 'worker',
  env: NodeJS.ProcessEnv = process.env,
): Tracing | null {
  if (active !== undefined) return active;
  if (!tracingEndpoint(env)) return (active = null);
  const resource = new Resource({ [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME || `hardtech-${service}` });
  // The exporter reads the endpoint, headers and timeout from the OTEL_EXPORTER_OTLP_* variables.
  const spanProcessor = new BatchSpanProcessor(new OTLPTraceExporter(), { scheduledDelayMillis: 1000 });
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => UNTRACED.test(req.url ?? '') }),
      new PgInstrumentation(),
    ],
  });
  active = { resource, spanProcessor, shutdown: () => provider.shutdown() };
  return active;
}

/** This process's tracing, or null when it is off. */
export const activeTracing = (): Tracing | null => active ?? null;
