import { useEffect, useRef } from 'react';

export interface PhoneTab<V extends string> {
  view: V;
  label: string;
}

/**
 * A phone's panel tabs, on one row that scrolls sideways: the chosen tab is scrolled into view
 * whenever the panel changes (by a tap, a shortcut or the page itself), and the keyboard reaches
 * every tab in order, the browser scrolling the focused one into view.
 */
export function PhoneTabs<V extends string>({ tabs, view, onView }: { tabs: readonly PhoneTab<V>[]; view: V; onView: (view: V) => void }) {
  const row = useRef<HTMLElement>(null);
  useEffect(() => {
    const nav = row.current;
    const chosen = nav?.querySelector<HTMLElement>('[aria-pressed="true"]');
    if (nav && chosen) keepInView(nav, chosen);
  }, [view]);
  return (
    <nav className="phone-tabs" aria-label="Panels" ref={row}>
      {tabs.map((tab) => (
        <button key={tab.view} type="button" aria-pressed={view === tab.view} onClick={() => onView(tab.view)}>
          {tab.label}
        </button>
      ))}
    </nav>
  );
}

/** Scrolls `row` sideways just enough to show `tab` whole; the page itself does not move. */
function keepInView(row: HTMLElement, tab: HTMLElement): void {
  const shown = row.getBoundingClientRect();
  const at = tab.getBoundingClientRect();
  if (at.left < shown.left) row.scrollLeft -= shown.left - at.left;
  else if (at.right > shown.right) row.scrollLeft += at.right - shown.right;
}
