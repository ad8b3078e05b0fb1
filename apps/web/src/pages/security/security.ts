// Shapes of GET /api/security/* (docs/api.md, "Security administration and sessions").
import type { SecurityPolicy } from '@hardtech/domain/security-policy';
import type { Role } from '../../api/types';

export type { SecurityPolicy };

export interface Session {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  clientAddress: string | null;
  createdAt: string;
  lastSeenAt: string;
  endsAt: string;
}

export interface Lockout {
  username: string;
  displayName: string;
  role: Role;
  lockedUntil: string;
}
