import { Injectable } from '@nestjs/common';
import { CalendarRepository, HealthRepository } from '@hardtech/persistence';
import { OperationsClient } from '@hardtech/temporal';

const within = <T>(ms: number, p: Promise<T>): Promise<T> =>
  Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);

export interface HealthReport {
  status: 'ok' | 'error';
  temporal: 'ok' | 'down';
  database: 'ok' | 'down';
  /** The last year the working-day calendar covers (null while the database does not answer). */
  calendar: { coveredThrough: number | null };
}

@Injectable()
export class HealthService {
  private draining = false;

  constructor(
    private readonly temporal: OperationsClient,
    private readonly database: HealthRepository,
    private readonly calendar: CalendarRepository,
  ) {}

  /** ok only when both Temporal and PostgreSQL answer within two seconds. */
  async check(): Promise<HealthReport> {
    const [temporal, database, coveredThrough] = await Promise.all([
      within(2000, this.temporal.ping())
        .then(() => 'ok' as const)
        .catch(() => 'down' as const),
      within(2000, this.database.ping())
        .then(() => 'ok' as const)
        .catch(() => 'down' as const),
      // Informational: a calendar running out is told to administrators, it does not fail health.
      within(2000, this.calendar.coveredThrough()).catch(() => null),
    ]);
    return {
      status: temporal === 'ok' && database === 'ok' ? 'ok' : 'error',
      temporal,
      database,
      calendar: { coveredThrough },
    };
  }

  /** Ready for traffic: Temporal and PostgreSQL answer and the process is not shutting down. */
  async readiness(): Promise<HealthReport & { draining: boolean }> {
    const report = await this.check();
    return {
      ...report,
      status: report.status === 'ok' && !this.draining ? 'ok' : 'error',
      draining: this.draining,
    };
  }

  /** On SIGTERM: readiness turns false so balancers stop sending new requests here. */
  beginDraining(): void {
    this.draining = true;
  }

  isDraining(): boolean {
    return this.draining;
  }
}
