import { useEffect, useMemo, useRef, useState } from 'react';
import { groupDigits } from '../format';
import { useDeskTimeFormat } from '../state/deskTimeZone';
import type { AlertItem } from '../state/desk';

interface AlertCenterProps {
  alerts: readonly AlertItem[];
  sessionId: string;
}

const TOAST_MS = 6000;
const CATEGORY_LABEL = { market: 'Market', trade: 'Trade', limit: 'Limit' } as const;

/** Toasts for what just happened, and the list of everything, with what is unread counted. */
export function AlertCenter({ alerts, sessionId }: AlertCenterProps) {
  const readKey = `quorum.alertsRead.${sessionId}`;
  const [readUpTo, setReadUpTo] = useState(() => Number(sessionStorage.getItem(readKey) ?? 0));
  const [open, setOpen] = useState(false);
  const deskTime = useDeskTimeFormat();
  const [toasts, setToasts] = useState<AlertItem[]>([]);
  const [notify, setNotify] = useState(() => typeof Notification !== 'undefined' && Notification.permission === 'granted');
  const shown = useRef(new Set<string>());
  const fading = useRef(new Set<number>());

  const unread = useMemo(() => alerts.filter((alert) => alert.seq > readUpTo).length, [alerts, readUpTo]);

  useEffect(() => {
    // Only what happened while the page was open pops up: the replayed history must not flood the screen.
    const fresh = alerts.filter((alert) => alert.live && !shown.current.has(alert.key));
    for (const alert of alerts) shown.current.add(alert.key);
    if (fresh.length === 0) return;
    setToasts((current) => [...current, ...fresh].slice(-5));
    if (notify && typeof Notification !== 'undefined') {
      for (const alert of fresh) new Notification(alert.title, { body: alert.text, tag: alert.key });
    }
    // Each batch fades on its own timer, so a later alert does not keep an earlier one on screen.
    const transient = fresh.filter((alert) => alert.severity !== 'CRITICAL').map((alert) => alert.key);
    if (transient.length === 0) return;
    const timer = window.setTimeout(() => {
      fading.current.delete(timer);
      setToasts((current) => current.filter((toast) => !transient.includes(toast.key)));
    }, TOAST_MS);
    fading.current.add(timer);
  }, [alerts, notify]);

  useEffect(() => {
    const timers = fading.current;
    return () => timers.forEach((timer) => window.clearTimeout(timer));
  }, []);

  const markAllRead = () => {
    const last = alerts.reduce((max, alert) => Math.max(max, alert.seq), readUpTo);
    sessionStorage.setItem(readKey, String(last));
    setReadUpTo(last);
  };

  const askForNotifications = async () => {
    if (typeof Notification === 'undefined') return;
    setNotify((await Notification.requestPermission()) === 'granted');
  };

  return (
    <>
      <div
        className="alert-center"
        onKeyDown={(event) => {
          if (event.key === 'Escape' && open) setOpen(false);
        }}
      >
        <button type="button" className="btn bell" aria-expanded={open} aria-label={`Alerts, ${unread} unread`} onClick={() => setOpen(!open)}>
          <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true">
            <path d="M6 16V11a6 6 0 0112 0v5l2 2H4zM10 20a2 2 0 004 0" fill="none" stroke="currentColor" strokeWidth="2" />
          </svg>
          {unread > 0 && <span className="count">{unread > 99 ? '99+' : unread}</span>}
        </button>
        {open && (
          <div className="alert-popover" role="dialog" aria-label="Alerts">
            <div className="row between">
              <strong>Alerts</strong>
              <span className="row gap">
                {typeof Notification !== 'undefined' && !notify && (
                  <button type="button" className="btn btn-small" onClick={askForNotifications}>
                    Desktop notifications
                  </button>
                )}
                <button type="button" className="btn btn-small" onClick={markAllRead} disabled={unread === 0}>
                  Mark all read
                </button>
              </span>
            </div>
            {alerts.length === 0 ? (
              <p className="empty">No alert yet.</p>
            ) : (
              <ul className="alert-list">
                {[...alerts].reverse().slice(0, 200).map((alert) => (
                  <li key={alert.key} className={`alert-item severity-${alert.severity} ${alert.seq > readUpTo ? 'unread' : ''}`}>
                    <span className={`cat cat-${alert.category}`}>{CATEGORY_LABEL[alert.category]}</span>
                    <span className="alert-title">{alert.title}</span>
                    <time className="muted small">{deskTime(alert.time)}</time>
                    <p className="small">{groupDigits(alert.text)}</p>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      <div className="toasts" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.key} className={`toast severity-${toast.severity} cat-${toast.category}`} role={toast.severity === 'CRITICAL' ? 'alert' : 'status'}>
            <div className="row between">
              <strong>
                {CATEGORY_LABEL[toast.category]} · {toast.title}
              </strong>
              <button type="button" className="link-button" aria-label="Dismiss" onClick={() => setToasts((current) => current.filter((t) => t.key !== toast.key))}>
                ×
              </button>
            </div>
            <p className="small">{toast.text}</p>
          </div>
        ))}
      </div>
    </>
  );
}
