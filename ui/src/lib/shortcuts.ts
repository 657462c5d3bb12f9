// Application-wide keys: Ctrl+N new activity, Ctrl+K or "/" search, Ctrl+S save the open form,
// Ctrl+L lock the window.
export type ShortcutAction = 'new' | 'search' | 'save' | 'lock';

function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The action a key press asks for, or null. "/" only counts outside text fields. */
export function shortcutFor(event: KeyboardEvent): ShortcutAction | null {
  const ctrl = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (ctrl && !event.altKey && !event.shiftKey) {
    if (key === 'n') return 'new';
    if (key === 'k') return 'search';
    if (key === 's') return 'save';
    if (key === 'l') return 'lock';
  }
  if (!ctrl && !event.altKey && key === '/' && !typingInField(event.target)) return 'search';
  return null;
}
