import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { Me, Permission, Role } from '@vigie/shared';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MemoryRouter } from 'react-router';
import { meQueryKey } from '../../auth/api/get-me';
import { I18nProvider } from '../../../lib/i18n/i18n-provider';
import { sampleSteeringReport } from '../lib/sample-report';
import { SteeringReportView } from './steering-report-view';

beforeAll(() => {
  // jsdom has no layout: charts only need the observer to exist.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
afterEach(cleanup);

function renderAs(role: Role, permissions: Permission[], report = sampleSteeringReport()) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const me: Me = {
    user: {
      id: 9,
      username: role,
      displayName: role,
      role,
      tenantId: role === 'client_viewer' ? 1 : null,
      locale: 'fr',
      active: true,
      version: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
    },
    permissions,
    session: { idleExpiresAt: '2030-01-01T00:00:00.000Z', absoluteExpiresAt: '2030-01-01T00:00:00.000Z' },
  };
  client.setQueryData(meQueryKey, me);
  return render(
    <QueryClientProvider client={client}>
      <I18nProvider>
        <MemoryRouter>
          <SteeringReportView report={report} scope={{ tenant: 1, from: '2026-10-01', to: '2026-10-31' }} />
        </MemoryRouter>
      </I18nProvider>
    </QueryClientProvider>,
  );
}

describe('SteeringReportView', () => {
  it('shows every figure with the previous period and a worded trend', () => {
    renderAs('manager', ['report.read', 'incident.read', 'run.read', 'task.read']);
    const sla = screen.getByTestId('sla-table');
    const cells = within(sla).getAllByRole('cell');
    expect(cells).toHaveLength(6 * 3);
    for (const cell of cells) {
      expect(cell.textContent).toContain('Préc. :');
      expect(cell.textContent).toMatch(/\((en hausse|en baisse|stable|sans comparaison)/);
    }
    // P1 adherence fell from 100 % to 87.5 %: down, and bad news.
    const p1 = within(sla).getByRole('row', { name: /P1 critique/ });
    expect(
      within(p1)
        .getAllByText(/−12,5 pt/)[0]
        ?.closest('[data-assessment]')
        ?.getAttribute('data-assessment'),
    ).toBe('worse');
  });

  it('links runs for staff, and shows them as text to a client viewer (incidents stay links)', () => {
    renderAs('manager', ['report.read', 'incident.read', 'run.read', 'task.read']);
    expect(
      within(screen.getByTestId('planned-work-list')).getByRole('link', { name: 'Maintenance onduleur' }),
    ).toHaveProperty('pathname', '/runs/3');
    cleanup();
    renderAs('client_viewer', ['report.read', 'incident.read']);
    expect(within(screen.getByTestId('planned-work-list')).queryByRole('link')).toBeNull();
    expect(within(screen.getByTestId('planned-work-list')).getByText('Maintenance onduleur')).toBeTruthy();
    expect(
      within(screen.getByTestId('breaches-list')).getByRole('link', { name: /INC-2026-0007/ }),
    ).toHaveProperty('pathname', '/incidents/7');
  });

  it('says so when nothing was recorded in the period', () => {
    const report = sampleSteeringReport();
    const quiet = sampleSteeringReport(0);
    renderAs('manager', ['report.read'], { ...report, current: quiet.previous });
    expect(screen.getByRole('heading', { name: 'Aucune donnée sur la période' })).toBeTruthy();
    expect(screen.queryByTestId('sla-table')).toBeNull();
  });
});
