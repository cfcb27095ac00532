const STORAGE_KEY = 'quorum.token';

/**
 * Finds the access token: a `#token=...` fragment wins (the server prints such a link at start-up),
 * and is then removed from the address bar so it does not linger in history or screenshots; otherwise
 * the token this browser keeps. It is kept in localStorage, so every tab of the browser is signed in
 * with it until one of them signs out. Null means the user must type it.
 */
export function takeToken(location: Location = window.location, history: History = window.history, storage: Storage = window.localStorage): string | null {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fromUrl = fragment.get('token');
  if (fromUrl) {
    storage.setItem(STORAGE_KEY, fromUrl);
    fragment.delete('token');
    const rest = fragment.toString();
    history.replaceState(history.state, '', location.pathname + location.search + (rest ? `#${rest}` : ''));
    return fromUrl;
  }
  return storage.getItem(STORAGE_KEY);
}

export function keepToken(token: string, storage: Storage = window.localStorage): void {
  storage.setItem(STORAGE_KEY, token);
}

export function forgetToken(storage: Storage = window.localStorage): void {
  storage.removeItem(STORAGE_KEY);
}

/**
 * Calls {@code onChange} with the token another tab of this browser signed in with, or null when
 * it signed out; returns the unsubscribe. A tab never hears its own changes (the storage event's rule).
 */
export function followTokenOfOtherTabs(onChange: (token: string | null) => void, target: Window = window): () => void {
  const listener = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY || event.key === null) onChange(event.newValue);
  };
  target.addEventListener('storage', listener);
  return () => target.removeEventListener('storage', listener);
}
