import { describe, expect, it } from 'vitest';
import { messagesEn } from './messages-en';
import { messagesFr } from './messages-fr';
import { createTranslate, placeholdersOf } from './translate';

describe('dictionaries', () => {
  it('have exactly the same keys in French and English', () => {
    expect(Object.keys(messagesEn).sort()).toEqual(Object.keys(messagesFr).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, fr] of Object.entries(messagesFr)) {
      const en = messagesEn[key as keyof typeof messagesFr];
      expect({ key, placeholders: placeholdersOf(en) }).toEqual({ key, placeholders: placeholdersOf(fr) });
    }
  });

  it('have no empty message', () => {
    for (const dictionary of [messagesFr, messagesEn]) {
      for (const [key, message] of Object.entries(dictionary)) {
        expect({ key, empty: message.trim() === '' }).toEqual({ key, empty: false });
      }
    }
  });
});

describe('createTranslate', () => {
  it('fills placeholders', () => {
    expect(createTranslate('fr')('users.noMatch', { search: 'dupont' })).toBe(
      'Aucun utilisateur ne correspond à « dupont ».',
    );
    expect(createTranslate('en')('common.page', { page: 3 })).toBe('Page 3');
  });

  it('returns the message of the requested language', () => {
    expect(createTranslate('fr')('nav.tasks')).toBe('Tâches récurrentes');
    expect(createTranslate('en')('nav.tasks')).toBe('Recurring tasks');
  });
});
