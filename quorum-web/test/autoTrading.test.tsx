import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../src/api/http';
import type { AutoTradingConfig } from '../src/api/types';
import { AutoTradingControl, LimitsForm, isWithinHours } from '../src/components/AutoTradingControl';
import { toForm, validateConfig } from '../src/state/validation';
import { CONFIG, session } from './fixtures';

describe('limits validation', () => {
  it('accepts the default limits', () => {
    expect(validateConfig(toForm(CONFIG))).toEqual({});
  });

  it.each([
    ['maxPositionPct', '0'],
    ['maxPositionPct', '101'],
    ['maxPositionPct', '-5'],
    ['maxDailyLossPct', 'abc'],
    ['maxTradesPerDay', '0'],
    ['maxTradesPerDay', '2.5'],
    ['quorum', '6'],
    ['decisionTimeoutSeconds', '0'],
    ['tradingHoursStart', '9:30'],
    ['tradingHoursEnd', '25:00'],
    ['timeZone', 'Mars/Olympus'],
    ['requireConfirmationAbove', '-1'],
    ['trailingStopPct', '100'],
  ])('refuses %s = %s', (field, value) => {
    const errors = validateConfig({ ...toForm(CONFIG), [field]: value });
    expect(Object.keys(errors)).toEqual([field]);
  });

  it('refuses a session that ends before it starts', () => {
    expect(validateConfig({ ...toForm(CONFIG), tradingHoursStart: '16:00', tradingHoursEnd: '09:30' })).toEqual({ tradingHoursEnd: 'The session must end after it starts.' });
  });

  it('knows whether the exchange is open in its own time zone', () => {
    expect(isWithinHours('09:30', '16:00', 'America/New_York', new Date('2025-03-03T15:00:00Z'))).toBe(true);
    expect(isWithinHours('09:30', '16:00', 'America/New_York', new Date('2025-03-03T22:00:00Z'))).toBe(false);
  });
});

describe('LimitsForm', () => {
  it('shows a field error as the user types and sends nothing while a limit is invalid', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn(async () => undefined);
    render(<LimitsForm config={CONFIG} onSave={onSave} />);

    const trades = screen.getByLabelText('Max trades per day');
    await user.clear(trades);
    await user.type(trades, '0');
    expect(trades).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Trades per day must be a whole number from 1 to 1000.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save limits' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByText('Fix the highlighted limits first.')).toBeInTheDocument();

    await user.clear(trades);
    await user.type(trades, '12');
    await user.click(screen.getByRole('button', { name: 'Save limits' }));
    expect(onSave).toHaveBeenCalledWith({ ...CONFIG, maxTradesPerDay: 12 } satisfies AutoTradingConfig);
    expect(await screen.findByText('Limits saved.')).toBeInTheDocument();
  });

  it('puts the server’s refusals on the fields they name', async () => {
    const user = userEvent.setup();
    const refusal = new ApiError(400, {
      status: 400,
      title: 'Invalid limits',
      errors: [{ field: 'maxPositionPct', message: 'exceeds the account maximum of 20%' }],
    });
    const onSave = vi.fn(async () => {
      throw refusal;
    });
    render(<LimitsForm config={CONFIG} onSave={onSave} />);
    await user.click(screen.getByRole('button', { name: 'Save limits' }));

    expect(await screen.findByText('exceeds the account maximum of 20%')).toBeInTheDocument();
    expect(screen.getByLabelText('Max position (% of portfolio)')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('The desk refused some limits.')).toBeInTheDocument();

    // Editing the refused field clears the server's complaint about it.
    await user.type(screen.getByLabelText('Max position (% of portfolio)'), '0');
    expect(screen.queryByText('exceeds the account maximum of 20%')).not.toBeInTheDocument();
  });
});

describe('sizing rule', () => {
  it.each([
    ['FIXED_FRACTIONAL', 'sizing.riskPct', '11'],
    ['ATR_MULTIPLE', 'sizing.atrMultiple', '0'],
    ['VOLATILITY_TARGET', 'sizing.targetDailyVolPct', 'lots'],
    ['FIXED_AMOUNT', 'sizing.amount', '10.005'],
  ] as const)('refuses %s with %s = %s', (rule, field, value) => {
    const errors = validateConfig({ ...toForm(CONFIG), 'sizing.rule': rule, [field]: value });
    expect(Object.keys(errors)).toEqual([field]);
  });

  it('shows the inputs of the chosen rule only and sends them, the others as null', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn(async () => undefined);
    render(<LimitsForm config={CONFIG} onSave={onSave} />);
    expect(screen.getByLabelText('Risk per trade (% of equity)')).toHaveValue('1');
    expect(screen.queryByLabelText('Stop distance (× ATR 14)')).not.toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Sizing rule'), 'ATR_MULTIPLE');
    const multiple = screen.getByLabelText('Stop distance (× ATR 14)');
    await user.clear(multiple);
    await user.type(multiple, '2.5');
    await user.click(screen.getByRole('button', { name: 'Save limits' }));
    expect(onSave).toHaveBeenCalledWith({
      ...CONFIG,
      sizing: { rule: 'ATR_MULTIPLE', riskPct: '1', atrMultiple: '2.5', targetDailyVolPct: null, amount: null },
    } satisfies AutoTradingConfig);

    await user.selectOptions(screen.getByLabelText('Sizing rule'), 'FIXED_AMOUNT');
    expect(screen.queryByLabelText('Risk per trade (% of equity)')).not.toBeInTheDocument();
    const amount = screen.getByLabelText('Amount per trade ($)');
    await user.clear(amount);
    await user.type(amount, '0');
    expect(screen.getByText('An amount in dollars above 0 and at most 1,000,000,000.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save limits' }));
    expect(onSave).toHaveBeenCalledTimes(1);
  });

  it('puts the server’s refusal of a sizing input on that input', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn(async () => {
      throw new ApiError(400, { status: 400, title: 'Invalid limits', errors: [{ field: 'sizing.riskPct', message: 'must be above 0 and at most 10 %, was 12' }] });
    });
    render(<LimitsForm config={CONFIG} onSave={onSave} />);
    await user.click(screen.getByRole('button', { name: 'Save limits' }));

    expect(await screen.findByText('must be above 0 and at most 10 %, was 12')).toBeInTheDocument();
    expect(screen.getByLabelText('Risk per trade (% of equity)')).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('AutoTradingControl', () => {
  beforeEach(() => sessionStorage.clear());

  async function renderControl(overrides: { enabled?: boolean; heldQuantity?: number } = {}) {
    const handlers = {
      loadDisclosure: vi.fn(async () => ({ version: '3', text: 'Trading involves risk.\n\nYou may lose money.' })),
      onConfigChange: vi.fn(async () => undefined),
      onEnable: vi.fn(async () => undefined),
      onDisable: vi.fn(async () => undefined),
      onFlatten: vi.fn(async () => undefined),
    };
    render(<AutoTradingControl session={session({ state: 'AUTO_TRADING', autoTrading: { enabled: overrides.enabled ?? false } })} heldQuantity={overrides.heldQuantity ?? 120} {...handlers} />);
    // Let the disclosure request settle before the test acts.
    await act(async () => undefined);
    return handlers;
  }

  it('enables auto-trading only after the risk disclosure is accepted, naming its version', async () => {
    const user = userEvent.setup();
    const handlers = await renderControl();
    const toggle = screen.getByRole('switch', { name: 'Auto-trading' });
    expect(toggle).toBeDisabled();

    await user.click(await screen.findByRole('checkbox', { name: /I have read the risk disclosure/ }));
    expect(toggle).toBeEnabled();
    await user.click(toggle);
    expect(handlers.onEnable).toHaveBeenCalledWith('3');
  });

  it('shows the limits in force and the trades left today', async () => {
    await renderControl({ enabled: true });
    const limits = screen.getByLabelText('Limits in force');
    expect(limits).toHaveTextContent('Trades left today7 / 10');
    expect(limits).toHaveTextContent('25% of portfolio');
    expect(limits).toHaveTextContent('5%, then flatten');
    expect(limits).toHaveTextContent('09:30–16:00 New York');
    expect(limits).toHaveTextContent('Sizing1% risked at the stop');
    expect(screen.getByText('ON — desk may trade')).toBeInTheDocument();
  });

  it('names the session’s sizing rule among the limits in force, with the figures it reads', () => {
    const byAtr = { ...CONFIG, sizing: { rule: 'ATR_MULTIPLE' as const, riskPct: '0.5', atrMultiple: '2', targetDailyVolPct: null, amount: null } };
    const handlers = { loadDisclosure: vi.fn(async () => ({ version: '3', text: 'Risk.' })), onConfigChange: vi.fn(), onEnable: vi.fn(), onDisable: vi.fn(), onFlatten: vi.fn() };
    render(<AutoTradingControl session={session({ state: 'AUTO_TRADING', autoTrading: { enabled: true }, config: byAtr })} heldQuantity={0} {...handlers} />);

    expect(screen.getByLabelText('Limits in force')).toHaveTextContent('Sizing0.5% risked at 2× ATR');
  });

  it('disables at once, and flattens only after confirmation', async () => {
    const user = userEvent.setup();
    const handlers = await renderControl({ enabled: true });
    await user.click(screen.getByRole('switch', { name: 'Auto-trading' }));
    expect(handlers.onDisable).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('button', { name: 'Flatten AAPL' }));
    expect(handlers.onFlatten).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(handlers.onFlatten).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Flatten AAPL' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('The 120 AAPL shares this session holds are closed at market now. Positions in other tickers stay open.');
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Flatten AAPL' }));
    await waitFor(() => expect(handlers.onFlatten).toHaveBeenCalledTimes(1));
  });

  it('names the ticker it flattens, and cannot be pressed with nothing to flatten', async () => {
    await renderControl({ enabled: true, heldQuantity: 0 });
    expect(screen.queryByRole('button', { name: /Flatten all/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Flatten AAPL' })).toBeDisabled();
    expect(screen.getByText('No AAPL position to flatten.')).toBeInTheDocument();
  });
});
