import { describe, expect, it } from 'vitest';
import { fold, matchOptions, wrapLabel } from '../src/lib/text';
import { shortcutFor } from '../src/lib/shortcuts';

describe('accent-insensitive matching', () => {
  const countries = ['Perú', 'Paraguay', 'Países Bajos', 'Francia', 'Nueva Zelandia'];

  it('folds accents and case', () => {
    expect(fold('  PERÚ ')).toBe('peru');
    expect(fold('São Paulo')).toBe('sao paulo');
  });

  it('finds "Perú" from "peru" and puts prefix matches first', () => {
    expect(matchOptions(countries, 'peru')).toEqual(['Perú']);
    expect(matchOptions(countries, 'pa')).toEqual(['Países Bajos', 'Paraguay']);
    expect(matchOptions(['Emiratos Árabes Unidos', 'Estados Unidos', 'Unión Europea'], 'uni')).toEqual([
      'Unión Europea',
      'Emiratos Árabes Unidos',
      'Estados Unidos',
    ]);
    expect(matchOptions(countries, 'zel')).toEqual(['Nueva Zelandia']);
    expect(matchOptions(countries, '')).toEqual([]);
  });
});

describe('keyboard shortcuts', () => {
  const key = (init: KeyboardEventInit, target?: HTMLElement) => {
    const e = new KeyboardEvent('keydown', init);
    if (target) Object.defineProperty(e, 'target', { value: target });
    return e;
  };

  it('maps Ctrl+N, Ctrl+K, Ctrl+S and Ctrl+L', () => {
    expect(shortcutFor(key({ key: 'l', ctrlKey: true }))).toBe('lock');
    expect(shortcutFor(key({ key: 'n', ctrlKey: true }))).toBe('new');
    expect(shortcutFor(key({ key: 'K', ctrlKey: true }))).toBe('search');
    expect(shortcutFor(key({ key: 's', ctrlKey: true }))).toBe('save');
    expect(shortcutFor(key({ key: 's' }))).toBeNull();
  });

  it('treats "/" as search only outside text fields', () => {
    expect(shortcutFor(key({ key: '/' }, document.body))).toBe('search');
    expect(shortcutFor(key({ key: '/' }, document.createElement('input')))).toBeNull();
  });
});

describe('chart labels', () => {
  it('wrap at spaces so no word is cut, and a very long label ends in an ellipsis', () => {
    expect(wrapLabel('Monument illumination')).toEqual(['Monument', 'illumination']);
    expect(wrapLabel('Iluminación de monumentos')).toEqual(['Iluminación de', 'monumentos']);
    expect(wrapLabel('Reunión')).toEqual(['Reunión']);
    const long = wrapLabel('Cooperación técnica internacional descentralizada entre gobiernos locales');
    expect(long).toHaveLength(3);
    expect(long[2]!.endsWith('…')).toBe(true);
    expect(long.every((l) => l.length <= 15 || !l.slice(0, -1).includes(' '))).toBe(true);
  });
});
