import { RuleViolation } from './errors';
import { t } from './text';

/** 适度保持入库企业数量: the pool admits while its members are fewer than the policy's capacity. */
export function poolHasRoom(members: number, capacity: number): boolean {
  return members < capacity;
}

export function poolFull(members: number, capacity: number): RuleViolation {
  return new RuleViolation(
    'POOL_FULL',
    t(
      `帮扶库已满：在库企业 ${members} 家，容量 ${capacity} 家`,
      `the pool is full: ${members} members, capacity ${capacity}`,
    ),
  );
}
