import { Component, type ErrorInfo, type ReactNode } from 'react';

interface DeskErrorBoundaryProps {
  children: ReactNode;
  /** The session the tab remembers, which a reload would open again. */
  remembered: () => string | null;
  onForgetSession: () => void;
  onSignOut: () => void;
}

/**
 * What the page shows when a panel fails to render, instead of a blank page: what failed, and a
 * way out that a reload alone would not give (the tab remembers the session that failed).
 */
export class DeskErrorBoundary extends Component<DeskErrorBoundaryProps, { error: Error | null }> {
  state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.warn('The desk failed to render', error, info.componentStack);
  }

  private retry = (then: () => void) => () => {
    then();
    this.setState({ error: null });
  };

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const sessionId = this.props.remembered();
    return (
      <main className="token-prompt">
        <section className="panel" role="alert" aria-label="The desk failed">
          <h1>The desk could not show this page</h1>
          <p>Something failed while the page was drawn{sessionId ? ` for session ${sessionId.slice(0, 8)}` : ''}:</p>
          <pre className="error-detail">{error.message}</pre>
          <p className="muted">The desk itself keeps running on the server; nothing was traded or cancelled by this.</p>
          <div className="row gap wrap">
            {sessionId && (
              <button type="button" className="btn btn-primary" onClick={this.retry(this.props.onForgetSession)}>
                Forget this session
              </button>
            )}
            <button type="button" className="btn" onClick={this.retry(() => undefined)}>
              Try again
            </button>
            <button type="button" className="btn" onClick={this.retry(this.props.onSignOut)}>
              Sign out
            </button>
          </div>
        </section>
      </main>
    );
  }
}
