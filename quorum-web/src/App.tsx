import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiClient, ApiError, type FetchLike } from './api/http';
import { followTokenOfOtherTabs, forgetToken, keepToken, takeToken } from './api/auth';
import type { AutoTradingConfig, OrderTicketRequest, Session, StopsChange } from './api/types';
import { AccountPanel } from './components/AccountPanel';
import { AgentChatPanel } from './components/AgentChatPanel';
import { AlertCenter } from './components/AlertCenter';
import { AutoTradingControl } from './components/AutoTradingControl';
import { BrokerBadge, BrokerBanner } from './components/BrokerBanner';
import { BacktestsPanel } from './components/BacktestsPanel';
import { ConnectionIndicator } from './components/ConnectionIndicator';
import { DecisionLog } from './components/DecisionLog';
import { OrderTicket } from './components/OrderTicket';
import { WatchlistPanel } from './components/WatchlistPanel';
import { PerformancePanel } from './components/PerformancePanel';
import { PositionsDashboard } from './components/PositionsDashboard';
import { PriceChart } from './components/PriceChart';
import { RiskPanel } from './components/RiskPanel';
import { SessionFlow } from './components/SessionFlow';
import { TokenPrompt } from './components/TokenPrompt';
import { TradeConfirmation } from './components/TradeConfirmation';
import { TradeHistory } from './components/TradeHistory';
import { useBrokerAccount } from './state/useBrokerAccount';
import { useDeskClock } from './state/deskClock';
import { useOnNewDeskDay } from './state/deskDay';
import { DEFAULT_TIME_ZONE, sessionStateLabel } from './format';
import { DeskTimeZone } from './state/deskTimeZone';
import { useDesk } from './state/useDesk';
import { useSessionList } from './state/useSessionList';
import { rememberSession, rememberedSession } from './state/rememberedSession';
import { DeskErrorBoundary } from './components/DeskErrorBoundary';
import { ConfirmDialog } from './components/ConfirmDialog';
import { PhoneTabs, type PhoneTab } from './components/PhoneTabs';
import { SHORTCUTS, listenForShortcuts } from './state/shortcuts';
import { ThemeContext, useTheme, type ThemeChoice } from './state/theme';

type Centre = 'chat' | 'log' | 'trades' | 'performance' | 'risk' | 'account' | 'backtests';
type View = Centre | 'flow' | 'positions' | 'chart' | 'control';
const CENTRE_TABS: { view: Centre; label: string }[] = [
  { view: 'chat', label: 'Conversation' },
  { view: 'log', label: 'Decision log' },
  { view: 'trades', label: 'Trade history' },
  { view: 'performance', label: 'Performance' },
  { view: 'risk', label: 'Risk' },
  { view: 'account', label: 'Account' },
  { view: 'backtests', label: 'Backtests' },
];
const PHONE_TABS: PhoneTab<View>[] = [
  { view: 'flow', label: 'Session' },
  { view: 'chat', label: 'Desk' },
  { view: 'positions', label: 'Positions' },
  { view: 'chart', label: 'Chart' },
  { view: 'control', label: 'Auto' },
  { view: 'log', label: 'Log' },
  { view: 'trades', label: 'Trades' },
  { view: 'performance', label: 'Stats' },
  { view: 'risk', label: 'Risk' },
  { view: 'account', label: 'Account' },
  { view: 'backtests', label: 'Backtests' },
];

export function App() {
  const theme = useTheme();
  return (
    <ThemeContext.Provider value={theme.theme}>
      <SignedIn themeChoice={theme.choice} onThemeChoice={theme.choose} />
    </ThemeContext.Provider>
  );
}

interface ThemePicker {
  themeChoice: ThemeChoice;
  onThemeChoice: (choice: ThemeChoice) => void;
}

function SignedIn(themePicker: ThemePicker) {
  const [token, setToken] = useState<string | null>(() => takeToken());
  const [refused, setRefused] = useState(false);
  // A new key mounts a new desk, which opens the session the tab remembers (none once forgotten).
  const [deskKey, setDeskKey] = useState(0);

  const signOut = useCallback(() => {
    forgetToken();
    setRefused(true);
    setToken(null);
  }, []);

  // Signing in or out in one tab signs every tab of the browser in or out.
  useEffect(
    () =>
      followTokenOfOtherTabs((shared) => {
        setRefused(false);
        setToken(shared);
      }),
    [],
  );

  const api = useMemo(() => {
    if (!token) return null;
    const fetcher: FetchLike = async (input, init) => {
      const response = await fetch(input, init);
      if (response.status === 401) signOut();
      return response;
    };
    return new ApiClient(token, fetcher);
  }, [token, signOut]);

  if (!token || !api) {
    return (
      <TokenPrompt
        refused={refused}
        onToken={(value) => {
          keepToken(value);
          setRefused(false);
          setToken(value);
        }}
      />
    );
  }
  return (
    <DeskErrorBoundary
      remembered={rememberedSession}
      onForgetSession={() => {
        rememberSession(null);
        setDeskKey((key) => key + 1);
      }}
      onSignOut={signOut}
    >
      <Desk key={deskKey} api={api} onUnauthorized={signOut} {...themePicker} />
    </DeskErrorBoundary>
  );
}

function Desk({ api, onUnauthorized, themeChoice, onThemeChoice }: { api: ApiClient; onUnauthorized: () => void } & ThemePicker) {
  const [listingShortcuts, setListingShortcuts] = useState(false);
  const [sessionId, setSessionId] = useState<string | null>(() => rememberedSession());
  // On a phone, one panel shows at a time: without a session, the one with the ticker box.
  const [view, setView] = useState<View>(() => (rememberedSession() ? 'chat' : 'flow'));
  const [centre, setCentre] = useState<Centre>('chat');
  const [chartTicker, setChartTicker] = useState<string | null>(null);
  // The decision a chart marker asked the log to open; `at` tells a second click on the same marker from the first.
  const [decisionShown, setDecisionShown] = useState<{ proposalId: string; at: number } | null>(null);
  const desk = useDesk(api, sessionId, undefined, onUnauthorized);
  const broker = useBrokerAccount(api);
  const { state, connection, setSession, setPortfolio, refreshPortfolio } = desk;
  const session = state.session;

  const { sessions, announce: announceSessions } = useSessionList(api, session ? `${session.id}:${session.state}:${session.autoTrading.enabled}` : null);

  const choose = useCallback((id: string | null) => {
    rememberSession(id);
    setSessionId(id);
    // A session chosen shows its conversation; none, the ticker box.
    setView(id ? 'chat' : 'flow');
    setChartTicker(null);
  }, []);

  // What this tab changed, the other tabs' session lists show too.
  const adopt = useCallback(
    (updated: Session) => {
      setSession(updated);
      void announceSessions();
    },
    [setSession, announceSessions],
  );
  const id = sessionId ?? '';

  const handlers = useMemo(
    () => ({
      create: async (ticker: string) => {
        const created = await api.createSession(ticker);
        choose(created.id);
        setView('flow');
        void announceSessions();
      },
      approve: async (proposalId: string) => adopt(await api.approve(id, proposalId)),
      reject: async (proposalId: string, reason: string) => adopt(await api.reject(id, proposalId, reason)),
      stop: async () => adopt(await api.stop(id)),
      archive: async () => {
        await api.archive(id);
        choose(null);
        void announceSessions();
      },
      loadDisclosure: () => api.riskDisclosure(),
      saveConfig: async (config: AutoTradingConfig) => {
        await api.putConfig(id, config);
        adopt(await api.getSession(id));
      },
      enable: async (version: string) => adopt(await api.enableAutoTrading(id, version)),
      disable: async () => adopt(await api.disableAutoTrading(id)),
      flatten: async () => setPortfolio(await api.flatten(id)),
      watch: async (ticker: string) => adopt(await api.watch(id, ticker)),
      unwatch: async (ticker: string) => adopt(await api.unwatch(id, ticker)),
      closePosition: async (ticker: string) => setPortfolio(await api.closePosition(id, ticker)),
      changeStops: async (ticker: string, stops: StopsChange) => {
        await api.changeStops(id, ticker, stops);
        await refreshPortfolio();
      },
      placeOrder: async (ticket: OrderTicketRequest) => {
        const receipt = await api.placeOrder(id, ticket);
        void broker.refresh();
        void refreshPortfolio();
        return receipt;
      },
      confirmLiveAccount: async (accountNumber: string) => broker.setAccount(await api.confirmLiveAccount(accountNumber)),
      confirmations: () => api.confirmations(id),
      approveConfirmation: (cid: string) => api.approveConfirmation(id, cid),
      denyConfirmation: (cid: string) => api.denyConfirmation(id, cid),
    }),
    [api, id, choose, adopt, setPortfolio, refreshPortfolio, announceSessions, broker.refresh, broker.setAccount],
  );

  // A session id kept from an earlier visit may be gone (e.g. a fresh database): forget it.
  useEffect(() => {
    if (!sessionId) return;
    api.getSession(sessionId).catch((e) => e instanceof ApiError && e.status === 404 && choose(null));
  }, [api, sessionId, choose]);

  const showDecision = useCallback((proposalId: string) => {
    setDecisionShown({ proposalId, at: Date.now() });
    setCentre('log');
    setView('log');
  }, []);

  const ticker = chartTicker ?? session?.ticker ?? null;
  const sessionPosition = state.portfolio?.positions.find((p) => p.ticker === session?.ticker);
  const position = state.portfolio?.positions.find((p) => p.ticker === ticker);
  const latestDecisionSeq = state.lastDecisionSeq;
  const deskNow = useDeskClock(state.deskTime);
  // A new trading day resets the trades counted today, which only the session's snapshot says.
  useOnNewDeskDay(deskNow, session?.config.timeZone ?? null, () => {
    if (sessionId) api.getSession(sessionId).then(setSession, () => undefined);
  });
  useEffect(
    () =>
      listenForShortcuts((shortcut, event) => {
        if (shortcut === 'listShortcuts') setListingShortcuts(true);
        if (shortcut !== 'focusTicker') return;
        // The key would otherwise be typed into the box it focuses.
        event.preventDefault();
        setView('flow');
        // On a phone the box shows only once its panel is drawn.
        requestAnimationFrame(() => document.getElementById('ticker-input')?.focus());
      }),
    [],
  );

  const area = (name: View) => ({ className: `area area-${name}`, 'data-active': view === name });
  // The centre column shows one of its panels at a time on a desk-sized screen.
  // The history panels ask the server for the account's trades and figures: only while one shows them.
  const showing = (name: Centre) => centre === name || view === name;
  const centreArea = (name: Centre) => ({ className: `area area-centre area-${name}`, 'data-active': view === name, 'data-centre-shown': centre === name });

  return (
    <DeskTimeZone.Provider value={session?.config.timeZone ?? DEFAULT_TIME_ZONE}>
      <div className="app" data-live={broker.account?.live ? 'true' : undefined}>
        <BrokerBanner account={broker.account} onConfirm={handlers.confirmLiveAccount} />
        <header className="topbar">
          <span className="brand">Quorum</span>
          <BrokerBadge account={broker.account} />
          <label className="session-picker">
            <span className="visually-hidden">Session</span>
            <select value={sessionId ?? ''} onChange={(e) => choose(e.target.value || null)} aria-label="Session">
              <option value="">— choose a session —</option>
              {sessions.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.ticker} · {sessionStateLabel(s)} · {s.id.slice(0, 8)}
                </option>
              ))}
            </select>
          </label>
          <span className="spacer" />
          {sessionId && <ConnectionIndicator state={connection} />}
          {sessionId && <AlertCenter alerts={state.alerts} sessionId={sessionId} />}
          <label className="theme-picker">
            <span className="visually-hidden">Theme</span>
            <select value={themeChoice} onChange={(e) => onThemeChoice(e.target.value as ThemeChoice)} aria-label="Theme">
              <option value="system">System</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </label>
          <button type="button" className="btn btn-small" onClick={() => setListingShortcuts(true)} aria-label="Keyboard shortcuts">
            ?
          </button>
          <button type="button" className="btn btn-small" onClick={onUnauthorized} aria-label="Sign out: forget the access token">
            Sign out
          </button>
        </header>

        <PhoneTabs tabs={PHONE_TABS} view={view} onView={setView} />

        <main className="grid">
          <div {...area('flow')}>
            <SessionFlow
              session={session}
              position={sessionPosition}
              reasoning={state.reasoning}
              verdict={session?.proposal ? state.verdicts[session.proposal.id] : undefined}
              onCreate={handlers.create}
              searchTickers={api.searchTickers}
              onApprove={handlers.approve}
              onReject={handlers.reject}
              onStop={handlers.stop}
              onArchive={handlers.archive}
            />
          </div>
          <div {...area('control')}>
            {session ? (
              <>
              <AutoTradingControl
                session={session}
                loadDisclosure={handlers.loadDisclosure}
                onConfigChange={handlers.saveConfig}
                onEnable={handlers.enable}
                onDisable={handlers.disable}
                onFlatten={handlers.flatten}
                heldQuantity={sessionPosition ? Math.abs(Number(sessionPosition.quantity)) : 0}
                now={deskNow}
              />
              <WatchlistPanel
                session={session}
                charted={ticker}
                onAdd={handlers.watch}
                onRemove={handlers.unwatch}
                onChart={(t) => {
                  setChartTicker(t);
                  setView('chart');
                }}
              />
              <OrderTicket key={session.id} tickers={session.watchlist ?? [session.ticker]} onSend={handlers.placeOrder} />
              </>
            ) : (
              <section className="panel">
                <p className="empty">Open a session to set its limits.</p>
              </section>
            )}
          </div>
          <div className="centre-tabs" role="tablist" aria-label="Centre panel">
            {CENTRE_TABS.map((tab) => (
              <button key={tab.view} type="button" role="tab" aria-selected={centre === tab.view} onClick={() => setCentre(tab.view)}>
                {tab.label}
              </button>
            ))}
          </div>
          <div {...centreArea('chat')}>
            <AgentChatPanel
              messages={state.messages}
              isAutoTradingEnabled={session?.autoTrading.enabled ?? false}
              agents={state.agents}
              modelBudgetSpent={state.modelBudgetSpent}
            />
          </div>
          <div {...centreArea('log')}>
            {sessionId ? (
              <DecisionLog api={api} sessionId={sessionId} changedAtSeq={state.decisionLogSeq} shown={decisionShown} />
            ) : (
              <section className="panel">
                <p className="empty">No session.</p>
              </section>
            )}
          </div>
          <div {...centreArea('trades')}>
            {showing('trades') && <TradeHistory api={api} sessionId={sessionId} changedAt={state.trades.length} />}
          </div>
          <div {...centreArea('performance')}>
            {showing('performance') && <PerformancePanel api={api} sessionId={sessionId} changedAt={state.trades.length} />}
          </div>
          <div {...centreArea('risk')}>
            {showing('risk') && <RiskPanel api={api} pushed={state.accountRisk} live={sessionId !== null} />}
          </div>
          <div {...centreArea('account')}>
            {showing('account') && <AccountPanel account={broker.account} error={broker.error} />}
          </div>
          <div {...centreArea('backtests')}>{showing('backtests') && <BacktestsPanel api={api} />}</div>
          <div {...area('chart')}>
            {ticker ? (
              <PriceChart
                api={api}
                ticker={ticker}
                trades={state.trades}
                position={position}
                proposal={session?.proposal ?? undefined}
                onChangeStops={handlers.changeStops}
                onShowDecision={showDecision}
              />
            ) : (
              <section className="panel">
                <p className="empty">The chart shows the session’s ticker.</p>
              </section>
            )}
          </div>
          <div {...area('positions')}>
            <PositionsDashboard
              portfolio={state.portfolio}
              priceHistory={state.priceHistory}
              onClose={handlers.closePosition}
              onChangeStops={handlers.changeStops}
              onSelect={(t) => {
                setChartTicker(t);
                setView('chart');
              }}
            />
          </div>
        </main>

        {listingShortcuts && (
          <ConfirmDialog title="Keyboard shortcuts" cancelLabel="Close" onCancel={() => setListingShortcuts(false)}>
            <dl className="shortcut-list">
              {SHORTCUTS.map((shortcut) => (
                <div key={shortcut.keys}>
                  <dt>
                    <kbd>{shortcut.keys}</kbd>
                  </dt>
                  <dd>{shortcut.what}</dd>
                </div>
              ))}
            </dl>
          </ConfirmDialog>
        )}
        {sessionId && session && (
          <TradeConfirmation
            load={handlers.confirmations}
            onApprove={handlers.approveConfirmation}
            onDeny={handlers.denyConfirmation}
            refreshKey={`${latestDecisionSeq}:${session.state}`}
            active={session.state === 'AUTO_TRADING'}
          />
        )}
      </div>
    </DeskTimeZone.Provider>
  );
}
