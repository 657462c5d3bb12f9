// Short notices at the corner of the window, some with an action (e.g. "Deshacer").
export type Toast = { id: number; text: string; kind: 'info' | 'error'; action?: { label: string; run: () => void } };

let next = 0;
export const toasts = $state<{ items: Toast[] }>({ items: [] });

export function notify(text: string, options: { kind?: 'info' | 'error'; action?: Toast['action']; ms?: number } = {}): void {
  const id = ++next;
  toasts.items.push({ id, text, kind: options.kind ?? 'info', action: options.action });
  setTimeout(() => dismiss(id), options.ms ?? 8000);
}

export function dismiss(id: number): void {
  toasts.items = toasts.items.filter((t) => t.id !== id);
}
