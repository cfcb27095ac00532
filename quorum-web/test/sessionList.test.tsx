import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../src/api/http';
import type { Session } from '../src/api/types';
import { useSessionList, type SessionList } from '../src/state/useSessionList';
import { session } from './fixtures';

function Tab({ name, api, expose }: { name: string; api: ApiClient; expose?: (list: SessionList) => void }) {
  const list = useSessionList(api, null);
  expose?.(list);
  return <p aria-label={name}>{list.sessions.map((s) => s.ticker).join(',') || 'none'}</p>;
}

describe('useSessionList', () => {
  it('lists in a second tab the session another tab created, without a reload', async () => {
    const server: Session[] = [];
    const api = () => new ApiClient('t', async () => new Response(JSON.stringify(server), { status: 200 }));
    let first: SessionList | undefined;
    render(
      <>
        <Tab name="first tab" api={api()} expose={(list) => (first = list)} />
        <Tab name="second tab" api={api()} />
      </>,
    );
    await waitFor(() => expect(screen.getByLabelText('second tab')).toHaveTextContent('none'));

    server.push(session({ id: 's2', ticker: 'NVDA' }));
    await act(async () => first!.announce());

    expect(screen.getByLabelText('first tab')).toHaveTextContent('NVDA');
    await waitFor(() => expect(screen.getByLabelText('second tab')).toHaveTextContent('NVDA'), { timeout: 1000 });
  });
});
