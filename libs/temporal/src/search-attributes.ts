import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Typed search attributes kept current by the lifecycle workflow, so that operators can run
 * `temporal workflow list --query "Stage='supporting' AND District='500112'"`. The dev server
 * registers them at start (scripts/lib/temporal.mjs); a cluster registers them once.
 */
export const STAGE = defineSearchAttributeKey('Stage', SearchAttributeType.KEYWORD);
export const DISTRICT = defineSearchAttributeKey('District', SearchAttributeType.KEYWORD);
export const CLUSTER = defineSearchAttributeKey('Cluster', SearchAttributeType.KEYWORD);
export const CREDIT_CODE = defineSearchAttributeKey('CreditCode', SearchAttributeType.KEYWORD);

export const SEARCH_ATTRIBUTES = [STAGE, DISTRICT, CLUSTER, CREDIT_CODE];
