import { ValueTransformer } from 'typeorm';

/** bigint columns hold integer yuan; every amount the policy deals in is far below 2^53. */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? null : Number(value)),
};

/** numeric columns (ratios) come back from pg as strings. */
export const numericNumber: ValueTransformer = bigintNumber;
