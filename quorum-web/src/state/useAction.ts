import { useCallback, useState } from 'react';
import { messageOf } from '../api/http';

/**
 * A user action against the desk: busy while it runs, its error shown in words when it fails.
 * `act` resolves to true when the action succeeded, so a caller can follow up only then.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = useCallback(async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (e) {
      setError(messageOf(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, act };
}
