import type { BusinessHours, ContractContact, ServiceHours, SlaPolicy } from '@vigie/shared';
import type { DemoTenantCode } from './demo-tenant-profiles.js';

export interface DemoContract {
  reference: string;
  serviceHours: ServiceHours;
  businessHours: BusinessHours | null;
  slaPolicy: SlaPolicy;
  contacts: ContractContact[];
  startsOn: string;
  endsOn: string | null;
}

/** Round-the-clock targets, in minutes. */
const around24x7: SlaPolicy = {
  P0: { ackMinutes: 5, restoreMinutes: 60, resolveMinutes: 240 },
  P1: { ackMinutes: 15, restoreMinutes: 240, resolveMinutes: 480 },
  P2: { ackMinutes: 30, restoreMinutes: 480, resolveMinutes: 1440 },
  P3: { ackMinutes: 120, restoreMinutes: 1440, resolveMinutes: 4320 },
  P4: { ackMinutes: 480, restoreMinutes: 4320, resolveMinutes: 10080 },
};

/** Business-hours targets, in minutes of service time. */
const duringBusinessHours: SlaPolicy = {
  P0: { ackMinutes: 15, restoreMinutes: 120, resolveMinutes: 480 },
  P1: { ackMinutes: 30, restoreMinutes: 240, resolveMinutes: 600 },
  P2: { ackMinutes: 60, restoreMinutes: 600, resolveMinutes: 1200 },
  P3: { ackMinutes: 240, restoreMinutes: 1800, resolveMinutes: 3000 },
  P4: { ackMinutes: 600, restoreMinutes: 3000, resolveMinutes: 6000 },
};

// Phone numbers from the range ARCEP reserves for fiction (01 99 00 …); domains under .example.
export const demoContracts: Record<DemoTenantCode, DemoContract> = {
  NOVA: {
    reference: 'CTR-NOVA-2024-001',
    serviceHours: '24x7',
    businessHours: null,
    slaPolicy: around24x7,
    contacts: [
      {
        name: 'Hélène Marchand',
        email: 'h.marchand@novabank.example',
        phone: '+33 1 99 00 12 01',
        role: 'service_manager',
      },
      { name: 'NOC Novabank', email: 'noc@novabank.example', phone: '+33 1 99 00 12 99', role: 'technical' },
      {
        name: 'Karim Benali',
        email: 'k.benali@novabank.example',
        phone: '+33 1 99 00 12 07',
        role: 'escalation',
      },
    ],
    startsOn: '2024-01-01',
    endsOn: '2028-12-31',
  },
  HELIO: {
    reference: 'CTR-HELIO-2025-002',
    serviceHours: 'business_hours',
    businessHours: { days: [1, 2, 3, 4, 5, 6], start: '08:00', end: '20:00' },
    slaPolicy: duringBusinessHours,
    contacts: [
      {
        name: 'Julien Roussel',
        email: 'julien.roussel@helio-retail.example',
        phone: '+33 1 99 00 34 10',
        role: 'service_manager',
      },
      { name: 'Support IT Helio', email: 'support-it@helio-retail.example', role: 'technical' },
    ],
    startsOn: '2025-03-01',
    endsOn: '2027-02-28',
  },
  ATLAS: {
    reference: 'CTR-ATLAS-2023-004',
    serviceHours: '24x7',
    businessHours: null,
    slaPolicy: around24x7,
    contacts: [
      {
        name: 'Dr Claire Vasseur',
        email: 'c.vasseur@atlas-sante.example',
        phone: '+33 1 99 00 56 20',
        role: 'service_manager',
      },
      {
        name: 'Astreinte DSI Atlas',
        email: 'astreinte.dsi@atlas-sante.example',
        phone: '+33 1 99 00 56 99',
        role: 'escalation',
      },
      { name: 'Comptabilité fournisseurs', email: 'compta@atlas-sante.example', role: 'billing' },
    ],
    startsOn: '2023-07-01',
    endsOn: null,
  },
  KORE: {
    reference: 'CTR-KORE-2022-007',
    serviceHours: '24x7',
    businessHours: null,
    slaPolicy: around24x7,
    contacts: [
      {
        name: 'Samuel Okafor',
        email: 'samuel@korecloud.example',
        phone: '+33 1 99 00 78 31',
        role: 'technical',
      },
      {
        name: 'Kore Cloud SRE on-call',
        email: 'oncall@korecloud.example',
        phone: '+33 1 99 00 78 00',
        role: 'escalation',
      },
    ],
    startsOn: '2022-10-01',
    endsOn: '2027-09-30',
  },
  MERID: {
    reference: 'CTR-MERID-2025-003',
    serviceHours: 'business_hours',
    businessHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' },
    slaPolicy: duringBusinessHours,
    contacts: [
      {
        name: 'Léa Fontaine',
        email: 'lea.fontaine@meridien-medias.example',
        phone: '+33 1 99 00 90 44',
        role: 'service_manager',
      },
      {
        name: 'Régie technique',
        email: 'regie@meridien-medias.example',
        phone: '+33 1 99 00 90 45',
        role: 'technical',
      },
    ],
    startsOn: '2025-01-01',
    endsOn: '2026-12-31',
  },
};
