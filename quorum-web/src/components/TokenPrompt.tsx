import { useState } from 'react';

/** Asks for the access token the server printed at start-up, when the page was opened without one. */
export function TokenPrompt({ onToken, refused }: { onToken: (token: string) => void; refused: boolean }) {
  const [token, setToken] = useState('');
  return (
    <main className="token-prompt">
      <form
        className="panel"
        onSubmit={(event) => {
          event.preventDefault();
          if (token.trim()) onToken(token.trim());
        }}
        aria-label="Access token"
      >
        <h1>Quorum desk</h1>
        <p className="muted">Paste the access token the server printed at start-up (or open the link it printed).</p>
        {refused && (
          <p className="error" role="alert">
            The server refused that token.
          </p>
        )}
        <label htmlFor="token-input">Access token</label>
        <input id="token-input" type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" autoFocus />
        <button type="submit" className="btn btn-primary" disabled={!token.trim()}>
          Open the desk
        </button>
      </form>
    </main>
  );
}
