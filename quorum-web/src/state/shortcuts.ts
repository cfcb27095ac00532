/** The desk's keyboard shortcuts, as the `?` list shows them. */
export const SHORTCUTS: readonly { keys: string; what: string }[] = [
  { keys: '/', what: 'Focus the ticker box' },
  { keys: '?', what: 'List the keyboard shortcuts' },
  { keys: 'Esc', what: 'Close a dialog or the alerts' },
  { keys: 'a', what: 'Approve the proposal shown (asks to confirm)' },
  { keys: 'r', what: 'Reject the proposal shown (asks for the reason)' },
];

export type Shortcut = 'focusTicker' | 'listShortcuts' | 'approve' | 'reject';

const KEYS: Record<string, Shortcut> = { '/': 'focusTicker', '?': 'listShortcuts', a: 'approve', r: 'reject' };

/**
 * The shortcut a key press asks for, or null: never while the user types in a field or holds a
 * modifier (Ctrl, Alt or Meta: the browser's own shortcuts), never once something else handled it.
 */
export function shortcutOf(event: KeyboardEvent): Shortcut | null {
  if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return null;
  const target = event.target as HTMLElement | null;
  if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return null;
  return KEYS[event.key] ?? null;
}

/** Calls {@code onShortcut} with each shortcut pressed anywhere on the page; returns the unsubscribe. */
export function listenForShortcuts(onShortcut: (shortcut: Shortcut, event: KeyboardEvent) => void, target: Window = window): () => void {
  const listener = (event: KeyboardEvent) => {
    const shortcut = shortcutOf(event);
    if (shortcut) onShortcut(shortcut, event);
  };
  target.addEventListener('keydown', listener);
  return () => target.removeEventListener('keydown', listener);
}
