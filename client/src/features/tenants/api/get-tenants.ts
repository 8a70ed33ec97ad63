import { maxPageSize, tenantSchema } from '@vigie/shared';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';

export const tenantsQueryKey = ['tenants'] as const;

// Composed from the shared tenant schema; only `items` is needed here.
const tenantListSchema = z.object({ items: z.array(tenantSchema) });

export function getTenants(signal?: AbortSignal) {
  return apiRequest('/api/tenants', tenantListSchema, { signal, query: { limit: maxPageSize } });
}

export function useTenants() {
  return useQuery({
    queryKey: tenantsQueryKey,
    queryFn: ({ signal }) => getTenants(signal),
    staleTime: 5 * 60_000,
  });
}
