import { FieldError, InvalidInput } from './errors';
import { Field } from './forms/schema';
import { validateFields } from './forms/validate';
import { t } from './text';

/** A list's `cluster` filter, as a saved view holds it (VIEW_FILTER_FIELDS): a taxonomy code. */
export const CLUSTER_FILTER_FIELD: Field = {
  name: 'cluster',
  kind: 'ref',
  ref: 'cluster',
  label: t('产业集群', 'Cluster'),
};

/**
 * The `cluster` filter of every list that takes one (enterprises, tasks, the ledger, the KPI, and
 * their exports): any code of the taxonomy, a retired one too, whose enterprises stay listed. An
 * unknown code is a 400 VALIDATION_FAILED naming `cluster`, as a saved view with it is refused:
 * an empty list would read as "no enterprise of that cluster" when the code is a typo.
 * `clusters`: every code of the taxonomy (ClustersRepository.allCodes).
 */
export function clusterFilterProblems(cluster: unknown, clusters: ReadonlySet<string>): FieldError[] {
  return validateFields([CLUSTER_FILTER_FIELD], cluster === undefined ? {} : { cluster }, { clusters });
}

/** clusterFilterProblems as the 400 the API answers. */
export function assertClusterFilter(cluster: unknown, clusters: ReadonlySet<string>): void {
  const errors = clusterFilterProblems(cluster, clusters);
  if (errors.length) throw new InvalidInput(errors);
}
