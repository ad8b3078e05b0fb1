/** A cluster as 调度会材料 names it: its code and Chinese name. */
export interface BriefingCluster {
  code: string;
  name: string;
}

/**
 * （先进制造·T2） after 调度会材料 narrowed to one cluster, in the title and the file's name, so a
 * cluster's pack is never read, or filed, as the whole scope's. Empty for the whole scope.
 */
export function briefingClusterSuffix(cluster?: BriefingCluster | null): string {
  return cluster ? `（${cluster.name}·${cluster.code}）` : '';
}

/** The file's Chinese name: 调度会材料（先进制造·T2）-2026Q4.docx. */
export const briefingFileName = (quarter: string, cluster?: BriefingCluster | null) =>
  `调度会材料${briefingClusterSuffix(cluster)}-${quarter}.docx`;
