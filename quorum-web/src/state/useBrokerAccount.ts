import { useCallback, useEffect, useState } from 'react';
import { messageOf, type ApiClient } from '../api/http';
import type { BrokerAccount } from '../api/types';

/** How often the page reads the account panel's figures: the server answers them from its own cache. */
export const BROKER_ACCOUNT_EVERY_MS = 5_000;

/**
 * The broker's account as the server's read model has it, read again every few seconds and
 * after {@link refresh}; the last one read stands while a read fails.
 */
export function useBrokerAccount(api: ApiClient, every = BROKER_ACCOUNT_EVERY_MS) {
  const [account, setAccount] = useState<BrokerAccount | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(
    () =>
      api.brokerAccount().then(
        (read) => {
          setAccount(read);
          setError(null);
        },
        (e) => setError(messageOf(e)),
      ),
    [api],
  );
  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), every);
    return () => window.clearInterval(timer);
  }, [refresh, every]);
  return { account, error, refresh, setAccount };
}
