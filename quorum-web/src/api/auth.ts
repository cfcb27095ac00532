const STORAGE_KEY = 'quorum.token';

/**
 * Finds the access token: a `#token=...` fragment wins (the server prints such a link at start-up),
 * and is then removed from the address bar so it does not linger in history or screenshots; otherwise
 * the token kept in this tab's sessionStorage. Null means the user must type it.
 */
export function takeToken(location: Location = window.location, history: History = window.history, storage: Storage = window.sessionStorage): string | null {
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

export function keepToken(token: string, storage: Storage = window.sessionStorage): void {
  storage.setItem(STORAGE_KEY, token);
}

export function forgetToken(storage: Storage = window.sessionStorage): void {
  storage.removeItem(STORAGE_KEY);
}
