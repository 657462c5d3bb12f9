// Short notices at the corner of the window, some with an action (e.g. "Deshacer").
export type Toast = { id: number; text: string; kind: 'info' | 'error'; action?: { label: string; run: () => void } };

/** Notices shown at once: more would climb over the form a person is working in. */
export const MAX_TOASTS = 3;

let next = 0;
export const toasts = $state<{ items: Toast[] }>({ items: [] });

/** Shows a notice; past MAX_TOASTS the oldest notice gives way, an error only to errors. */
export function notify(text: string, options: { kind?: 'info' | 'error'; action?: Toast['action']; ms?: number } = {}): void {
  const id = ++next;
  toasts.items.push({ id, text, kind: options.kind ?? 'info', action: options.action });
  while (toasts.items.length > MAX_TOASTS) {
    const oldest = toasts.items.find((t) => t.kind === 'info') ?? toasts.items[0]!;
    dismiss(oldest.id);
  }
  setTimeout(() => dismiss(id), options.ms ?? 8000);
}

export function dismiss(id: number): void {
  toasts.items = toasts.items.filter((t) => t.id !== id);
}
