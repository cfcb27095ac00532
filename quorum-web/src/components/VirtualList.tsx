import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';

export interface VirtualListController {
  scrollToBottom(): void;
}

interface VirtualListProps<T> {
  items: readonly T[];
  itemKey: (item: T) => string;
  renderItem: (item: T, index: number) => ReactNode;
  /** Height assumed for a row not yet measured. */
  estimateHeight?: number;
  /** Extra pixels rendered above and below the viewport. */
  overscan?: number;
  /** Keeps the newest row in view while the user sits at the bottom. */
  followOutput?: boolean;
  onAtBottomChange?: (atBottom: boolean) => void;
  controller?: { current: VirtualListController | null };
  className?: string;
  ariaLabel: string;
}

const BOTTOM_SLACK_PX = 32;
/** jsdom and hidden tabs report no height; render as if a desktop viewport were there. */
const FALLBACK_VIEWPORT_PX = 900;

/**
 * Renders only the rows near the viewport, however many there are. Rows may have any height: each
 * rendered row is measured, and unmeasured rows count at the estimate, so scrolling stays smooth at
 * tens of thousands of rows.
 */
export function VirtualList<T>({
  items,
  itemKey,
  renderItem,
  estimateHeight = 72,
  overscan = 600,
  followOutput = false,
  onAtBottomChange,
  controller,
  className,
  ariaLabel,
}: VirtualListProps<T>) {
  const viewport = useRef<HTMLDivElement>(null);
  const heights = useRef(new Map<string, number>());
  const [measuredVersion, setMeasuredVersion] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(0);
  const atBottom = useRef(true);
  // Whether the list sits at its newest row: mirrored in state because it decides which rows render.
  const [pinned, setPinned] = useState(true);
  const following = followOutput && pinned;

  const offsets = useMemo(() => {
    const result = new Float64Array(items.length + 1);
    for (let i = 0; i < items.length; i++) result[i + 1] = result[i] + (heights.current.get(itemKey(items[i])) ?? estimateHeight);
    return result;
    // measuredVersion is the signal that a row's measured height changed.
  }, [items, itemKey, estimateHeight, measuredVersion]);

  const total = offsets[items.length];
  const height = viewportHeight || FALLBACK_VIEWPORT_PX;
  // While following, the rows shown are the last ones, counted from the end with the heights
  // known: never from the scroll position, which depends on the rows shown. Pinning the scroll to
  // the bottom then changes no state, and so cannot start another render (a loop without end when
  // rows are taller than estimated, as on a phone).
  const top = following ? Math.max(0, total - height) : scrollTop;
  const start = Math.max(0, firstAtOrAfter(offsets, top - overscan) - 1);
  const end = following ? items.length : Math.min(items.length, firstAtOrAfter(offsets, top + height + overscan) + 1);

  const observer = useMemo(
    () =>
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver((entries) => {
            let changed = false;
            for (const entry of entries) {
              const key = (entry.target as HTMLElement).dataset.key;
              const measured = (entry.target as HTMLElement).offsetHeight;
              if (key && measured > 0 && heights.current.get(key) !== measured) {
                heights.current.set(key, measured);
                changed = true;
              }
            }
            if (changed) setMeasuredVersion((v) => v + 1);
          }),
    [],
  );
  useEffect(() => () => observer?.disconnect(), [observer]);

  const observeRow = useCallback(
    (element: HTMLDivElement | null) => {
      if (!element || !observer) return;
      observer.observe(element);
      return () => observer.unobserve(element);
    },
    [observer],
  );

  const scrollToBottom = useCallback(() => {
    const element = viewport.current;
    if (!element) return;
    element.scrollTop = element.scrollHeight;
    setScrollTop(element.scrollTop);
    atBottom.current = true;
    setPinned(true);
    onAtBottomChange?.(true);
  }, [onAtBottomChange]);

  useEffect(() => {
    if (controller) controller.current = { scrollToBottom };
  }, [controller, scrollToBottom]);

  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return;
    setViewportHeight(element.clientHeight);
    if (typeof ResizeObserver === 'undefined') return;
    const sizeObserver = new ResizeObserver(() => setViewportHeight(element.clientHeight));
    sizeObserver.observe(element);
    return () => sizeObserver.disconnect();
  }, []);

  // New rows or re-measured rows while following: stay pinned to the bottom. This moves the
  // scroll only; the scroll event that follows records it.
  useLayoutEffect(() => {
    if (!following) return;
    const element = viewport.current;
    if (element && element.scrollHeight > element.clientHeight) element.scrollTop = element.scrollHeight;
  }, [following, total, items.length, start]);

  const onScroll = () => {
    const element = viewport.current;
    if (!element) return;
    setScrollTop(element.scrollTop);
    const bottom = element.scrollHeight - element.scrollTop - element.clientHeight <= BOTTOM_SLACK_PX;
    if (bottom !== atBottom.current) {
      atBottom.current = bottom;
      setPinned(bottom);
      onAtBottomChange?.(bottom);
    }
  };

  const rows: ReactNode[] = [];
  for (let i = start; i < end; i++) {
    const item = items[i];
    const key = itemKey(item);
    rows.push(
      <div key={key} data-key={key} ref={observeRow} role="listitem" className="vlist-row">
        {renderItem(item, i)}
      </div>,
    );
  }

  return (
    <div ref={viewport} className={`vlist ${className ?? ''}`} onScroll={onScroll} role="list" aria-label={ariaLabel} tabIndex={0}>
      <div style={{ height: offsets[start] }} aria-hidden="true" />
      {rows}
      <div style={{ height: total - offsets[end] }} aria-hidden="true" />
    </div>
  );
}

/** The index of the first row whose top is at or below `y`. */
function firstAtOrAfter(offsets: Float64Array, y: number): number {
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (offsets[mid] < y) low = mid + 1;
    else high = mid;
  }
  return low;
}
