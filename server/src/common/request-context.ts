import { AsyncLocalStorage } from 'node:async_hooks';
import type { Role } from '@vigie/shared';

/** Who is acting, as the audit trail and the tenant scoping need to know. */
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  tenantId: number | null;
}

export interface RequestContextData {
  requestId: string;
  ip: string;
  actor?: Actor;
  sessionId?: string;
}

const storage = new AsyncLocalStorage<RequestContextData>();

export const requestContext = {
  run<T>(data: RequestContextData, fn: () => T): T {
    return storage.run(data, fn);
  },
  current(): RequestContextData | undefined {
    return storage.getStore();
  },
};
