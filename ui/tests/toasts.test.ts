import { afterEach, describe, expect, it } from 'vitest';
import { MAX_TOASTS, dismiss, notify, toasts } from '../src/lib/toasts.svelte';

describe('toasts', () => {
  afterEach(() => toasts.items.slice().forEach((t) => dismiss(t.id)));

  it('show a few notices at once, the oldest giving way, and keep errors over notices', () => {
    notify('No se pudo guardar: el disco está lleno.', { kind: 'error' });
    for (const n of [1, 2, 3, 4]) notify(`Guardado: actividad ${n}`);
    expect(toasts.items).toHaveLength(MAX_TOASTS);
    expect(toasts.items.map((t) => t.text)).toEqual(['No se pudo guardar: el disco está lleno.', 'Guardado: actividad 3', 'Guardado: actividad 4']);
  });
});
