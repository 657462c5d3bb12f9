import { describe, expect, it } from 'vitest';
import { i18n, plural, pluralCategory, t } from '../src/lib/i18n/index.svelte';
import { es } from '../src/lib/i18n/es';
import { en } from '../src/lib/i18n/en';

describe('plurals', () => {
  it('follow each language’s rules through Intl.PluralRules', () => {
    expect(pluralCategory(1, 'es-MX')).toBe('one');
    expect(pluralCategory(0, 'es-MX')).toBe('other');
    expect(pluralCategory(1, 'en')).toBe('one');
    expect(pluralCategory(2, 'en')).toBe('other');
    expect(plural('{n, plural, =0 {ninguna} one {# fila} other {# filas}}', { n: 0 }, 'es-MX')).toBe('ninguna');
    expect(plural('{n, plural, one {# row} other {# rows}}', { n: 12345n }, 'en')).toBe('12,345 rows');
  });

  it('never read "1 resultados" or "2 resultado", in Spanish or English', () => {
    expect(t('common.results', { count: 1 })).toBe('1 resultado');
    expect(t('common.results', { count: 0 })).toBe('0 resultados');
    expect(t('common.results', { count: 1234 })).toBe('1,234 resultados');
    expect(t('dashboard.activitiesFigure', { count: 1 })).toBe('actividad');
    expect(t('reports.yearOption', { year: 2021, count: 1 })).toBe('2021 (1 actividad)');
    expect(t('data.import.file', { name: 'a.xlsx', rows: 1, readAs: 'Excel' })).toBe('Archivo: a.xlsx · 1 fila · leído como Excel');
    i18n.locale = 'en';
    expect(t('common.results', { count: 1 })).toBe('1 result');
    expect(t('common.results', { count: 2 })).toBe('2 results');
    expect(t('sync.badge', { count: 1 })).toBe('1 change not acknowledged');
    expect(t('reports.count', { count: 1 })).toBe('1 activity in the period with these filters.');
  });

  it('are written with a plural form wherever a message shows a count', () => {
    for (const table of [es, en] as Record<string, string>[]) {
      for (const [key, text] of Object.entries(table)) {
        // A bare {count}, {rows} or {total} next to a noun would read "1 resultados".
        for (const name of ['count', 'rows', 'total']) {
          if (text.includes(`{${name}}`) && !/\(\{count\}\)$/.test(text)) throw new Error(`${key}: "${text}" shows {${name}} without a plural form`);
        }
      }
    }
  });
});
