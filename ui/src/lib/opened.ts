// A file the desktop hands to Enlace (a double-click, "Abrir con Enlace", a second launch while
// the window runs) opens where a drop of it would: a bundle at "Importar paquete", checked and
// summarised; a sheet in Datos › import. The shell keeps the file until the window is ready
// for it (unlocked, past the first start) and decides where it goes; a file it cannot open
// comes back as an error in both languages.
import { listen } from '@tauri-apps/api/event';
import { api, errorMessage } from './api';
import { router } from './router.svelte';
import { session } from './session.svelte';
import { notify } from './toasts.svelte';

const FILE_OPENED = 'enlace://file-opened';

const ready = () => !!session.info?.profile && !session.info.locked;

/** Shows the file handed to the app, if one waits and the window can take it. */
export async function showOpenedFile(): Promise<void> {
  if (!ready()) return;
  try {
    const file = await api.takeOpenedFile();
    if (file) router.go({ screen: file.destination === 'bundle' ? 'sync' : 'data', open: file.path });
  } catch (e) {
    notify(errorMessage(e), { kind: 'error' });
  }
}

/** Hears files handed over while the window runs, for the life of the window. */
export async function listenForOpenedFiles(): Promise<void> {
  await listen(FILE_OPENED, () => void showOpenedFile());
}
