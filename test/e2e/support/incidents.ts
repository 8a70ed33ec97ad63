import { expect, type APIRequestContext } from '@playwright/test';
import {
  incidentSchema,
  type CreateIncident,
  type Incident,
  type IncidentTransition,
  type UpdateIncident,
} from '@vigie/shared';

export function uniqueTitle(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/** Reports an incident through the API (impact 3 × urgency 3 unless told: P4, no client impact). */
export async function createIncident(
  api: APIRequestContext,
  body: Pick<CreateIncident, 'title'> & Partial<CreateIncident>,
): Promise<Incident> {
  const response = await api.post('/api/incidents', {
    data: { description: '', impact: 3, urgency: 3, ...body },
  });
  expect(response.status(), await response.text()).toBe(201);
  return incidentSchema.parse(await response.json());
}

export async function getIncident(api: APIRequestContext, id: number): Promise<Incident> {
  const response = await api.get(`/api/incidents/${id}`);
  expect(response.status(), await response.text()).toBe(200);
  return incidentSchema.parse(await response.json());
}

export async function transitionIncident(
  api: APIRequestContext,
  id: number,
  body: IncidentTransition,
): Promise<Incident> {
  const response = await api.post(`/api/incidents/${id}/transitions`, { data: body });
  expect(response.status(), await response.text()).toBe(200);
  return incidentSchema.parse(await response.json());
}

export async function updateIncident(
  api: APIRequestContext,
  id: number,
  body: UpdateIncident,
): Promise<Incident> {
  const response = await api.patch(`/api/incidents/${id}`, { data: body });
  expect(response.status(), await response.text()).toBe(200);
  return incidentSchema.parse(await response.json());
}
