// Small helpers the Data screen's panels share.
import { isCommandError } from '../../api';
import { i18n, pick } from '../../i18n/index.svelte';


/** "1.2 MB", "840 kB" in the current language's number format. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(i18n.locale, { maximumFractionDigits: digits })} ${units[unit]}`;
}
