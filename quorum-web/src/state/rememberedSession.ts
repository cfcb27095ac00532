const SESSION_KEY = 'quorum.sessionId';

/** The session this tab last opened, which a reload opens again. */
export function rememberedSession(storage: Storage = window.sessionStorage): string | null {
  return storage.getItem(SESSION_KEY);
}

export function rememberSession(id: string | null, storage: Storage = window.sessionStorage): void {
  if (id) storage.setItem(SESSION_KEY, id);
  else storage.removeItem(SESSION_KEY);
}
