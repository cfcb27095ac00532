import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../src/api/http';
import { WatchlistPanel } from '../src/components/WatchlistPanel';
import { session } from './fixtures';

const watching = session({ state: 'AUTO_TRADING', watchlist: ['AAPL', 'MSFT'] });

function panel(overrides: Partial<Parameters<typeof WatchlistPanel>[0]> = {}) {
  const props = {
    session: watching,
    charted: 'AAPL',
    onAdd: vi.fn(async () => undefined),
    onRemove: vi.fn(async () => undefined),
    onChart: vi.fn(),
    ...overrides,
  };
  render(<WatchlistPanel {...props} />);
  return props;
}

describe('watchlist', () => {
  it('lists every ticker the session watches, its own marked and without a remove button, the charted one pressed', () => {
    panel();

    const items = screen.getAllByRole('listitem');
    expect(items.map((item) => within(item).getAllByRole('button')[0].textContent)).toEqual(['AAPL · own', 'MSFT']);
    expect(within(items[0]).queryByRole('button', { name: /Take AAPL off/ })).toBeNull();
    expect(within(items[0]).getAllByRole('button')[0]).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText('2 tickers, each with its five agents')).toBeInTheDocument();
  });

  it('adds the ticker typed, upper-cased, and clears the box', async () => {
    const props = panel();

    await userEvent.type(screen.getByLabelText('Add a ticker'), 'nvda');
    await userEvent.click(screen.getByRole('button', { name: 'Watch' }));

    expect(props.onAdd).toHaveBeenCalledWith('NVDA');
    expect(screen.getByLabelText('Add a ticker')).toHaveValue('');
  });

  it('refuses what is not a ticker symbol before asking the desk', async () => {
    const props = panel();

    await userEvent.type(screen.getByLabelText('Add a ticker'), '12 ab');
    await userEvent.click(screen.getByRole('button', { name: 'Watch' }));

    expect(props.onAdd).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('a ticker symbol such as MSFT');
  });

  it('says in the desk’s words why a ticker stays, and keeps the list as it was', async () => {
    const refusal = 'the session holds 40 shares of MSFT; close the position before taking it off the watchlist';
    const props = panel({ onRemove: vi.fn(async () => Promise.reject(new ApiError(409, { title: 'Conflict', status: 409, detail: refusal }))) });

    await userEvent.click(screen.getByRole('button', { name: 'Take MSFT off the watchlist' }));

    expect(props.onRemove).toHaveBeenCalledWith('MSFT');
    expect(await screen.findByRole('alert')).toHaveTextContent(refusal);
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });

  it('shows a ticker’s chart when its chip is chosen', async () => {
    const props = panel();

    await userEvent.click(screen.getByRole('button', { name: 'MSFT' }));

    expect(props.onChart).toHaveBeenCalledWith('MSFT');
  });

  it('offers no box to add to a stopped session', () => {
    panel({ session: session({ state: 'STOPPED', watchlist: ['AAPL'] }) });

    expect(screen.queryByLabelText('Add a ticker')).toBeNull();
  });
});
