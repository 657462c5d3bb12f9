import '@testing-library/jest-dom/vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { cleanup } from '@testing-library/svelte';
import { afterEach } from 'vitest';
import { i18n } from '../src/lib/i18n/index.svelte';

// jsdom lays nothing out, so it has no scrolling; the form brings errors into view with it.
Element.prototype.scrollIntoView ??= () => {};

afterEach(() => {
  cleanup();
  clearMocks();
  i18n.locale = 'es-MX';
});
