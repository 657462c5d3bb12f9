// Files dropped on the window go to the screen that takes them: attachments to the activity
// open, a bundle to Sincronización, a sheet to Datos. The shell reports a drop with the files'
// paths (the webview itself never reads them); each screen says what it does with a drop while
// it is shown, and the window shows where the files would go while they are dragged over it.
import { getCurrentWebview } from '@tauri-apps/api/webview';

type Target = { what: string; take: (paths: string[]) => void | Promise<void> };

let target = $state.raw<Target | null>(null);
let over = $state(false);

export const drops = {
  /** What dropping now would do ("Soltar para adjuntar"), while files are dragged over. */
  get hint(): string | null {
    return over && target ? target.what : null;
  },
};

/** Makes the calling screen take dropped files while it is shown; returns the undo. */
export function takeDrops(what: () => string, take: Target['take']): () => void {
  const mine: Target = {
    get what() {
      return what();
    },
    take,
  };
  target = mine;
  return () => {
    if (target === mine) target = null;
  };
}

/** Listens to the shell's drag-and-drop events, once, for the life of the window. */
export async function listenForDrops(): Promise<void> {
  await getCurrentWebview().onDragDropEvent(({ payload }) => {
    if (payload.type === 'enter' || payload.type === 'over') over = true;
    else if (payload.type === 'leave') over = false;
    else if (payload.type === 'drop') {
      over = false;
      if (target && payload.paths.length) void target.take(payload.paths);
    }
  });
}
