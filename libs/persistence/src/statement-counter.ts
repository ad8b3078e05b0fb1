import { AfterQueryEvent, EntitySubscriberInterface, EventSubscriber } from 'typeorm';
import { countStatement } from '@hardtech/observability';

/** Rows a statement wrote, from the driver's result (`rowCount` of pg; several for a multi-statement). */
function rowsOf(raw: unknown): number {
  if (Array.isArray(raw)) return raw.reduce((sum: number, r) => sum + rowsOf(r), 0);
  const count = (raw as { rowCount?: unknown } | null)?.rowCount;
  return typeof count === 'number' ? count : 0;
}

/**
 * Every statement TypeORM sends, counted for /metrics and for the request or activity that sent
 * it (libs/observability db-statements): the figures issue 21 asks of a completion's cost.
 */
@EventSubscriber()
export class StatementCounter implements EntitySubscriberInterface {
  afterQuery(event: AfterQueryEvent<unknown>): void {
    countStatement(event.query, event.success ? rowsOf(event.rawResults) : 0);
  }
}
