// Tells the shell, once, that the first screen is on the glass with its data: the startup
// benchmark (scripts/bench-startup.sh) measures the time to this moment.
import { api } from './api';

let told = false;

export function firstScreenShown(): void {
  if (told) return;
  told = true;
  // Two frames: the first lets Svelte's changes reach the DOM, the second sees them painted.
  requestAnimationFrame(() => requestAnimationFrame(() => void api.startupReady().catch(() => {})));
}
