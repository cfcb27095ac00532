import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ProposalCard } from '../src/components/SessionFlow';
import { shortcutOf } from '../src/state/shortcuts';
import { resolveTheme, storedThemeChoice } from '../src/state/theme';
import { proposal } from './fixtures';

function press(key: string, init: KeyboardEventInit = {}, target: HTMLElement = document.body): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, ...init });
  Object.defineProperty(event, 'target', { value: target });
  return event;
}

describe('keyboard shortcuts', () => {
  it('are heard on the page but not while the user types in a field or holds a modifier', () => {
    expect(shortcutOf(press('/'))).toBe('focusTicker');
    expect(shortcutOf(press('?'))).toBe('listShortcuts');
    expect(shortcutOf(press('a', {}, document.createElement('input')))).toBeNull();
    expect(shortcutOf(press('r', {}, document.createElement('textarea')))).toBeNull();
    expect(shortcutOf(press('a', { ctrlKey: true }))).toBeNull();
    expect(shortcutOf(press('x'))).toBeNull();
  });

  it('approve the proposal shown only once the approval is confirmed, and Esc backs out', async () => {
    const onApprove = vi.fn(async () => undefined);
    render(<ProposalCard proposal={proposal} onApprove={onApprove} onReject={async () => undefined} />);

    await userEvent.keyboard('a');
    expect(screen.getByRole('alertdialog', { name: 'Approve: Open Long AAPL?' })).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onApprove).not.toHaveBeenCalled();

    await userEvent.keyboard('a');
    await userEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Approve' }));
    expect(onApprove).toHaveBeenCalledWith('p1');
  });

  it('open the reason to reject with, and reject nothing until it is sent', async () => {
    const onReject = vi.fn(async () => undefined);
    render(<ProposalCard proposal={proposal} onApprove={async () => undefined} onReject={onReject} />);

    await userEvent.keyboard('r');
    const reason = screen.getByLabelText(/Why reject/);
    expect(reason).toHaveFocus();
    expect(reason).toHaveValue('');
    expect(onReject).not.toHaveBeenCalled();
  });
});

describe('themes', () => {
  it('follow the system until the user picks one', () => {
    expect(resolveTheme('system', true)).toBe('light');
    expect(resolveTheme('system', false)).toBe('dark');
    expect(resolveTheme('dark', true)).toBe('dark');
    expect(resolveTheme('light', false)).toBe('light');
  });

  it('keep the choice for the browser, and the system for anything else stored', () => {
    localStorage.setItem('quorum.theme', 'light');
    expect(storedThemeChoice()).toBe('light');
    localStorage.setItem('quorum.theme', 'purple');
    expect(storedThemeChoice()).toBe('system');
    localStorage.removeItem('quorum.theme');
  });
});
