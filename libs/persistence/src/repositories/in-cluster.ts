/**
 * The `cluster` filter (the lists, the ledger, the KPI) on a row that keeps a nomination cluster
 * and a lead cluster: either matches, as an industry officer's scope reads an enterprise
 * (AccessService), so an officer's cluster filter shows what their scope does. `param`: the named
 * parameter, `:cluster` unless the query uses that name for something else.
 */
export function inClusterSql(nomination: string, lead: string, param = ':cluster'): string {
  return `(${nomination} = ${param} OR ${lead} = ${param})`;
}
