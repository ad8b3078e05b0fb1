import type { LifecycleContext } from '@hardtech/temporal/lifecycle-context';

/** Where and by whom a lifecycle is served, as the rows of its scope keep it (lifecycles, problems, tasks). */
export interface ServedBy {
  district: string;
  /** The cluster it was nominated in: an industry officer sees the enterprise by it. */
  nominationCluster: string;
  /** The lead cluster once admitted, the nomination's until then: the other one it is seen by. */
  cluster: string;
  /** The service commissioner admission assigned (none before): they read that lifecycle too. */
  commissioner: string | null;
}

/**
 * The district and clusters serving the lifecycle now. An earlier lifecycle is read by what its
 * rows kept of them (AccessService `earlierLifecycleRule`), not by where the enterprise nominated
 * again is served.
 */
export function servedBy(ctx: Pick<LifecycleContext, 'nomination' | 'admission'>): ServedBy {
  return {
    district: ctx.nomination.district,
    nominationCluster: ctx.nomination.cluster,
    cluster: ctx.admission?.leadCluster ?? ctx.nomination.cluster,
    commissioner: ctx.admission?.commissioner ?? null,
  };
}
