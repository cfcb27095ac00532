export interface Coalescer<T> {
  push(value: T): void;
  /** Delivers a pending value now, e.g. before the page unmounts. */
  flush(): void;
  cancel(): void;
}

/**
 * Delivers the newest value at most once per `intervalMs`: the first push of a quiet period goes out
 * at once, later ones collapse into the latest, sent when the interval ends. Prices can tick hundreds
 * of times a second; the eye needs about ten.
 */
export function coalesce<T>(intervalMs: number, deliver: (value: T) => void, now: () => number = Date.now): Coalescer<T> {
  let pending: { value: T } | null = null;
  let lastDelivery = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const send = () => {
    timer = null;
    if (!pending) return;
    const { value } = pending;
    pending = null;
    lastDelivery = now();
    deliver(value);
  };

  return {
    push(value) {
      pending = { value };
      if (timer) return;
      const wait = lastDelivery + intervalMs - now();
      if (wait <= 0) send();
      else timer = setTimeout(send, wait);
    },
    flush() {
      if (timer) clearTimeout(timer);
      send();
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}
