import { useEffect, useState } from 'react';
import { messageOf } from '../api/http';

/**
 * What {@code load} answers, loaded again whenever {@code load} changes (memoise it on what it
 * depends on); an answer that comes after a newer load began is dropped.
 */
export function useLoaded<T>(load: () => Promise<T>, initial: T): { value: T; error: string | null } {
  const [value, setValue] = useState<T>(initial);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    load().then(
      (loaded) => {
        if (!current) return;
        setValue(loaded);
        setError(null);
      },
      (e) => current && setError(messageOf(e)),
    );
    return () => {
      current = false;
    };
  }, [load]);
  return { value, error };
}
