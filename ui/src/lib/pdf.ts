// Saved documents (PDF or Word): the document language that follows the window's, the notice
// after saving with its "Abrir" action, and the brief of one activity.
import { errorMessage, api } from './api';
import type { Format } from './bindings/Format';
import type { SavedPdf } from './bindings/SavedPdf';
import { formatNumber } from './format';
import { i18n, pick, t } from './i18n/index.svelte';
import { notify } from './toasts.svelte';


/** Whether a saved file is a Word document, by its extension. */
function isWord(saved: SavedPdf): boolean {
  return /\.docx$/i.test(saved.path);
}

/** "PDF guardado en /ruta/informe.pdf (212 KB)." / "Documento de Word guardado en …". */
export function savedText(saved: SavedPdf): string {
  const size = `${formatNumber(Math.max(1, Math.ceil(saved.bytes / 1024)), i18n.locale)} KB`;
  return t(isWord(saved) ? 'reports.savedWord' : 'reports.saved', { path: saved.path, size });
}

/** The label of the button that opens a saved file. */
export function openLabel(saved: SavedPdf): string {
  return t(isWord(saved) ? 'reports.openWord' : 'reports.open');
}

/** Opens a document this session saved with the system's viewer. */
export async function openPdf(path: string): Promise<void> {
  try {
    await api.openSavedPdf(path);
  } catch (e) {
    notify(errorMessage(e), { kind: 'error' });
  }
}

/** Makes an activity's brief as PDF or Word, asks where to save it, and offers to open it. */
export async function printBrief(id: string, format: Format = 'pdf'): Promise<void> {
  try {
    const saved = await api.saveBrief(id, i18n.lang, 'letter', format);
    if (!saved) {
      notify(t('reports.notSaved'));
      return;
    }
    notify(savedText(saved), { action: { label: t('reports.open.short'), run: () => openPdf(saved.path) } });
  } catch (e) {
    notify(errorMessage(e), { kind: 'error' });
  }
}
