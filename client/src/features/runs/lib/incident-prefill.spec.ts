import { describe, expect, it } from 'vitest';
import { createTranslate } from '../../../lib/i18n/translate';
import { incidentPrefillHref } from './incident-prefill';

const run = {
  id: 42,
  procedure: {
    id: 'ups-on-battery',
    version: 'a'.repeat(64),
    title: { fr: 'Onduleur sur batterie', en: 'UPS on battery' },
    kind: 'EOP' as const,
    risk: 'critical' as const,
  },
};
const step = {
  text: { fr: 'Relever la charge.', en: 'Read the load.' },
  reading: { label: { fr: 'Charge onduleur', en: 'UPS load' }, unit: '%' as const, min: 0, max: 80 },
};

describe('incidentPrefillHref', () => {
  it('opens the incident form with a title, a description, the origin and the run', () => {
    const href = new URL(incidentPrefillHref(run, step, 4, 92.5, 'fr', createTranslate('fr')), 'http://x');
    expect(href.pathname).toBe('/incidents/new');
    expect(href.searchParams.get('title')).toBe(
      'Relevé hors plage : Charge onduleur = 92,5 % (plage 0 – 80 %)',
    );
    expect(href.searchParams.get('description')).toBe(
      'Procédure « Onduleur sur batterie », exécution n° 42, étape 4 : Relever la charge.\nRelevé : 92,5 % (plage acceptable 0 – 80 %).',
    );
    expect(href.searchParams.get('origin')).toBe('staff');
    expect(href.searchParams.get('runId')).toBe('42');
  });

  it('writes in the reader’s language', () => {
    const href = new URL(incidentPrefillHref(run, step, 4, 92.5, 'en', createTranslate('en')), 'http://x');
    expect(href.searchParams.get('title')).toBe('Reading out of range: UPS load = 92.5 % (range 0 – 80 %)');
  });
});
