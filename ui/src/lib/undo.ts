// After a change, a notice offers to reverse it ("Deshacer"); the backend keeps what to undo.
import { api } from './api';
import { t } from './i18n/index.svelte';
import { router } from './router.svelte';
import { notify } from './toasts.svelte';

export function offerUndo(text: string, after: () => void = () => {}): void {
  notify(text, {
    action: {
      label: t('action.undo'),
      run: async () => {
        const undone = await api.undoLast();
        if (undone) {
          notify(`${t('action.undo')}: ${undone.title}`);
          after();
          if (undone.action === 'created') router.go({ screen: 'activities' });
          else router.go({ screen: 'activity', id: undone.id });
        }
      },
    },
  });
}
