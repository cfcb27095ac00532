import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeskErrorBoundary } from '../src/components/DeskErrorBoundary';
import { rememberSession, rememberedSession } from '../src/state/rememberedSession';

function Failing({ fail }: { fail: () => boolean }) {
  if (fail()) throw new Error('Maximum update depth exceeded');
  return <p>the desk</p>;
}

describe('DeskErrorBoundary', () => {
  afterEach(() => {
    sessionStorage.clear();
    vi.restoreAllMocks();
  });

  it('shows what failed and forgets the remembered session, so that the desk opens again without it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    rememberSession('0c3eb51a-430e-4ed6');
    const signOut = vi.fn();
    render(
      <DeskErrorBoundary remembered={rememberedSession} onForgetSession={() => rememberSession(null)} onSignOut={signOut}>
        <Failing fail={() => rememberedSession() !== null} />
      </DeskErrorBoundary>,
    );

    const alert = screen.getByRole('alert', { name: 'The desk failed' });
    expect(alert).toHaveTextContent('Maximum update depth exceeded');
    expect(alert).toHaveTextContent('session 0c3eb51a');
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeEnabled();

    await userEvent.click(screen.getByRole('button', { name: 'Forget this session' }));
    expect(rememberedSession()).toBeNull();
    expect(screen.getByText('the desk')).toBeInTheDocument();
    expect(signOut).not.toHaveBeenCalled();
  });

  it('signs out from the failed page', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let failing = true;
    const signOut = vi.fn(() => {
      failing = false;
    });
    render(
      <DeskErrorBoundary remembered={rememberedSession} onForgetSession={() => undefined} onSignOut={signOut}>
        <Failing fail={() => failing} />
      </DeskErrorBoundary>,
    );
    expect(screen.queryByRole('button', { name: 'Forget this session' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(signOut).toHaveBeenCalledOnce();
  });
});
