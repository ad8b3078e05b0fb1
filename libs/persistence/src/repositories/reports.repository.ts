import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '@hardtech/domain';
import { AccessService, Predicate } from '../access/access.service';
import { inClusterSql } from './in-cluster';
import { ledgerStatus, lifecycleRunning } from './lifecycle-running';
import { admittedInSql, endedInSql, inPoolOnSql, latestReportJoin } from './pool-members';
import { stageOnSql } from './stage-on';

export interface MembershipRow {
  creditCode: string;
  name: string;
  district: string;
  /** The lead cluster once admitted. */
  cluster: string;
  stage: string;
  commissioner: string | null;
  districtLiaison: string | null;
  lifecycleNo: number;
  admittedOn: string;
  leftOn: string | null;
  baselineRevenue: number | null;
  quarter: string | null;
  annualizedRevenue: number | null;
  growth: number | null;
  expected: number | null;
  onTrack: boolean | null;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function membershipRow(r: any): MembershipRow {
  return {
    creditCode: r.credit_code,
    name: r.name,
    district: r.district,
    cluster: r.cluster,
    stage: r.stage,
    commissioner: r.commissioner,
    districtLiaison: r.district_liaison,
    lifecycleNo: r.lifecycle_no,
    admittedOn: r.admitted_on,
    leftOn: r.left_on,
    baselineRevenue: num(r.baseline_revenue),
    quarter: r.quarter,
    annualizedRevenue: num(r.annualized_revenue),
    growth: num(r.growth_ratio),
    expected: num(r.expected_ratio),
    onTrack: r.on_track,
  };
}

/** A ledger problem past its due date, not 销号, its lifecycle running: the KPI's overdue count and the briefing's list. */
const OVERDUE_PROBLEM = `p.status <> 'resolved' AND p.due_at < :today::date AND ${lifecycleRunning('p', 'e')}`;

export interface OverdueProblemRow {
  enterpriseName: string;
  district: string;
  title: string;
  category: string;
  ownerDepartment: string;
  /** The lead cluster, whose 行业处室 answers for an industry-owned problem. */
  cluster: string;
  dueAt: string;
}

/**
 * The figures of GET /api/reports/kpi, each query joined to the enterprise and within the
 * caller's scope (AccessService), so a district officer's report is their district's.
 */
@Injectable()
export class ReportsRepository {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessService,
  ) {}

  /** Members on a day (the one definition, `inPoolOnSql`). */
  async poolSize(actor: Actor, date: string, cluster?: string): Promise<number> {
    const [{ n }] = await this.query(
      actor,
      `SELECT count(*)::int AS n FROM membership_periods m JOIN enterprises e ON e.credit_code = m.credit_code
       WHERE ${inPoolOnSql('m', ':poolDate')} AND :scope`,
      { poolDate: date },
      cluster,
    );
    return n;
  }

  /** Whether the caller's scope is the whole city: its figures are then the city's. */
  seesWholeCity(actor: Actor): boolean {
    return this.access.seesEverything(actor);
  }

  /**
   * The city's figures whatever the caller's scope: members on `date` and admissions in `year`, as
   * poolSize and admittedByYear count them. The policy's capacity and annual target are the city's
   * (the work plan sets no district quota): a narrower scope reads them beside these, never beside
   * its own counts.
   */
  async cityFigures(date: string, year: number): Promise<{ poolSize: number; admitted: number }> {
    const [row] = await this.run(
      `SELECT
         (SELECT count(*)::int FROM membership_periods m JOIN enterprises e ON e.credit_code = m.credit_code
           WHERE ${inPoolOnSql('m', ':poolDate')}) AS "poolSize",
         (SELECT count(*)::int FROM membership_periods m JOIN enterprises e ON e.credit_code = m.credit_code
           WHERE ${admittedInSql('m', ':year::int')}) AS admitted`,
      { poolDate: date, year },
    );
    return row;
  }

  /** Members on the last day of each month of the year (`asOf` for its month), up to `asOf`. */
  poolOverTime(
    actor: Actor,
    p: { year: number; asOf: string },
    cluster?: string,
  ): Promise<{ month: string; members: number }[]> {
    return this.query(
      actor,
      `SELECT to_char(x.day, 'YYYY-MM') AS month, count(m.credit_code)::int AS members
       FROM generate_series(make_date(:year, 1, 1), make_date(:year, 12, 1), interval '1 month') AS g(first)
       CROSS JOIN LATERAL (SELECT least((g.first + interval '1 month - 1 day')::date, :asOf::date) AS day) x
       LEFT JOIN (membership_periods m JOIN enterprises e ON e.credit_code = m.credit_code)
         ON ${inPoolOnSql('m', 'x.day')} AND :scope
       WHERE g.first <= :asOf::date
       GROUP BY x.day ORDER BY x.day`,
      { year: p.year, asOf: p.asOf },
      cluster,
    );
  }

  /** Admissions (membership periods that began) in the year. */
  async admitted(actor: Actor, p: { year: number }): Promise<number> {
    const [{ n }] = await this.query(
      actor,
      `SELECT count(*)::int AS n FROM membership_periods m JOIN enterprises e ON e.credit_code = m.credit_code
       WHERE ${admittedInSql('m', ':year')} AND :scope`,
      { year: p.year },
    );
    return n;
  }

  /** Admissions per year from `from` to `to`, every year present (0 when none). */
  admittedByYear(
    actor: Actor,
    from: number,
    to: number,
    cluster?: string,
  ): Promise<{ year: number; admitted: number }[]> {
    return this.query(
      actor,
      `SELECT y.year::int AS year, count(m.credit_code)::int AS admitted
       FROM generate_series(:from::int, :to::int) AS y(year)
       LEFT JOIN (membership_periods m JOIN enterprises e ON e.credit_code = m.credit_code)
         ON ${admittedInSql('m', 'y.year')} AND :scope
       GROUP BY y.year ORDER BY y.year`,
      { from, to },
      cluster,
    );
  }

  /**
   * Enterprises by stage: now (their row) when `day` is today, else as the day ended, from the
   * stage history (stageOnSql, as the list's `stage` with `stageOn` filters).
   */
  stages(
    actor: Actor,
    day: string,
    today: string,
    cluster?: string,
  ): Promise<{ stage: string; n: number }[]> {
    if (day >= today) {
      return this.query(
        actor,
        `SELECT e.stage, count(*)::int AS n FROM enterprises e WHERE :scope GROUP BY e.stage`,
        {},
        cluster,
      );
    }
    return this.query(
      actor,
      `SELECT s.stage, count(*)::int AS n
       FROM enterprises e CROSS JOIN LATERAL (SELECT ${stageOnSql('e', ':stageOn')} AS stage) s
       WHERE s.stage IS NOT NULL AND :scope GROUP BY s.stage`,
      { stageOn: day },
      cluster,
    );
  }

  /**
   * The members on a day with their 三年倍增: the latest quarterly report up to the fourth quarter
   * of that day's year. Growth is against the admission baseline, as the workflow computed it.
   */
  async memberships(actor: Actor, date: string, cluster?: string): Promise<MembershipRow[]> {
    const rows = await this.query(
      actor,
      `SELECT m.credit_code, e.name, e.district, COALESCE(e.lead_cluster, e.cluster) AS cluster, e.stage,
         e.commissioner, e.district_liaison, m.lifecycle_no,
         to_char(m.from_date, 'YYYY-MM-DD') AS admitted_on, to_char(m.to_date, 'YYYY-MM-DD') AS left_on,
         CASE WHEN m.lifecycle_no = e.lifecycle_no THEN e.baseline_revenue END AS baseline_revenue,
         r.quarter, r.annualized_revenue, r.growth_ratio, r.expected_ratio, r.on_track
       FROM membership_periods m
       JOIN enterprises e ON e.credit_code = m.credit_code
       ${latestReportJoin('m', ':lastQuarter')}
       WHERE ${inPoolOnSql('m', ':poolDate')} AND :scope
       ORDER BY m.from_date, m.credit_code`,
      { poolDate: date, lastQuarter: `${date.slice(0, 4)}Q4` },
      cluster,
    );
    return rows.map(membershipRow);
  }

  /** Admissions of a year, by district: the meeting pack's table per district. */
  admissions(
    actor: Actor,
    year: number,
    cluster?: string,
  ): Promise<{ creditCode: string; district: string }[]> {
    return this.query(
      actor,
      `SELECT m.credit_code AS "creditCode", e.district FROM membership_periods m
       JOIN enterprises e ON e.credit_code = m.credit_code
       WHERE ${admittedInSql('m', ':year')} AND :scope ORDER BY m.from_date, m.credit_code`,
      { year },
      cluster,
    );
  }

  /** 化解问题台账 of the current lifecycles, counted by one column; owner departments see their own. */
  async problemsBy(
    actor: Actor,
    column: 'category' | 'status' | 'owner_department',
    today: string,
    cluster?: string,
  ): Promise<{ key: string; n: number; overdue: number }[]> {
    const scope = this.access.problems(actor, 'p', 'e');
    // The ledger's `cluster` filter (ProblemsRepository.list), so a figure and its list agree.
    const narrowed = cluster ? ` AND ${inClusterSql('p.nomination_cluster', 'p.cluster')}` : '';
    // By status as the ledger filters it: an ended lifecycle's unresolved problems are not 待化解.
    const key = column === 'status' ? ledgerStatus('p', 'e') : `p.${column}`;
    return this.run(
      `SELECT ${key} AS key, count(*)::int AS n,
         count(*) FILTER (WHERE ${OVERDUE_PROBLEM})::int AS overdue
       FROM problems p JOIN enterprises e ON e.credit_code = p.credit_code AND e.lifecycle_no = p.lifecycle_no
       WHERE ${scope.sql}${narrowed}
       GROUP BY 1 ORDER BY 1`,
      { ...scope.params, today, ...(cluster ? { cluster } : {}) },
    );
  }

  /** The overdue problems behind problemsBy's `overdue` counts: same scope, same predicate, same cluster. */
  async overdueProblems(actor: Actor, today: string, cluster?: string): Promise<OverdueProblemRow[]> {
    const scope = this.access.problems(actor, 'p', 'e');
    const narrowed = cluster ? ` AND ${inClusterSql('p.nomination_cluster', 'p.cluster')}` : '';
    const rows = await this.run(
      `SELECT e.name AS enterprise_name, e.district, p.title, p.category, p.owner_department, p.cluster,
         to_char(p.due_at, 'YYYY-MM-DD') AS due_at
       FROM problems p JOIN enterprises e ON e.credit_code = p.credit_code AND e.lifecycle_no = p.lifecycle_no
       WHERE ${scope.sql}${narrowed} AND ${OVERDUE_PROBLEM}
       ORDER BY p.due_at, e.name, p.id`,
      { ...scope.params, today, ...(cluster ? { cluster } : {}) },
    );
    return rows.map((r: any) => ({
      enterpriseName: r.enterprise_name,
      district: r.district,
      title: r.title,
      category: r.category,
      ownerDepartment: r.owner_department,
      cluster: r.cluster,
      dueAt: r.due_at,
    }));
  }

  /**
   * A quarter's 企业吹哨 (WHISTLE_RESPONSE tasks opened in it) and escalations (tasks escalated in it,
   * by type), as the caller may see tasks. Dates are Asia/Shanghai days, `from`..`to` inclusive.
   * `cluster`: the task's, as the inbox's `cluster` filter and the KPI's overdue tasks read it.
   */
  async quarterTasks(actor: Actor, span: { from: string; to: string }, cluster?: string) {
    const visible = this.access.visibleTasks(actor, 't', 'e');
    const scope = { sql: `(${visible.sql}${cluster ? ' AND t.cluster = :cluster' : ''})` };
    const day = (column: string) =>
      `(t.${column} AT TIME ZONE 'Asia/Shanghai')::date BETWEEN :from::date AND :to::date`;
    const params = { ...visible.params, from: span.from, to: span.to, ...(cluster ? { cluster } : {}) };
    const [whistles, escalations] = await Promise.all([
      this.run(
        `SELECT t.enterprise_name, t.district, t.department, t.status,
           to_char(t.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS raised_on
         FROM tasks t JOIN enterprises e ON e.credit_code = t.credit_code
         WHERE t.type = 'WHISTLE_RESPONSE' AND ${day('created_at')} AND ${scope.sql}
         ORDER BY t.created_at, t.id`,
        params,
      ),
      this.run(
        `SELECT t.type, count(*)::int AS n FROM tasks t JOIN enterprises e ON e.credit_code = t.credit_code
         WHERE t.escalated_at IS NOT NULL AND ${day('escalated_at')} AND ${scope.sql}
         GROUP BY t.type ORDER BY t.type`,
        params,
      ),
    ]);
    return {
      whistles: whistles.map((r: any) => ({
        enterpriseName: r.enterprise_name as string,
        district: r.district as string,
        department: r.department as string | null,
        status: r.status as string,
        raisedOn: r.raised_on as string,
      })),
      escalations: escalations as { type: string; n: number }[],
    };
  }

  /**
   * Enterprises whose lifecycle ended in the year: graduated and exited with their reasons
   * (the list's leftIn, leftAs and leftFor: leftPoolOf), rejections counted.
   */
  endings(
    actor: Actor,
    p: { year: number },
    cluster?: string,
  ): Promise<{ stage: string; reason: string | null; n: number }[]> {
    return this.query(
      actor,
      `SELECT l.final_stage AS stage, CASE WHEN l.final_stage = 'rejected' THEN NULL ELSE l.reason END AS reason,
         count(DISTINCT l.credit_code)::int AS n
       FROM lifecycles l JOIN enterprises e ON e.credit_code = l.credit_code
       WHERE l.final_stage IS NOT NULL AND :scope AND ${endedInSql('l', ':year')}
       GROUP BY 1, 2 ORDER BY 1, 2`,
      { year: p.year },
      cluster,
    );
  }

  /**
   * Runs SQL whose `:scope` stands for the caller's enterprise predicate on alias `e`, narrowed to
   * one cluster when the dashboard filters by one (the enterprise list's `cluster`: its figures
   * open that list). The scope still bounds it: a cluster outside it counts nothing.
   */
  private query(
    actor: Actor,
    sql: string,
    params: Record<string, unknown>,
    cluster?: string,
  ): Promise<any[]> {
    const scope: Predicate = this.access.enterprises(actor, 'e');
    const narrowed = cluster ? ` AND ${inClusterSql('e.cluster', 'e.lead_cluster', ':filterCluster')}` : '';
    return this.run(sql.replace(':scope', `(${scope.sql}${narrowed})`), {
      ...scope.params,
      ...params,
      ...(cluster ? { filterCluster: cluster } : {}),
    });
  }

  private run(sql: string, params: Record<string, unknown>): Promise<any[]> {
    const [text, values] = this.ds.driver.escapeQueryWithParameters(sql, params, {});
    return this.ds.query(text, values);
  }
}
