import type { Decimal } from '../api/types';
import { formatPrice, num } from '../format';

/** How far a fill may land from the approved entry, in percent, before the log says the price moved. */
export const PRICE_MOVED_PCT = 0.5;

/**
 * The note a fill gets when the market moved between the vote and the fill, e.g. "Price moved:
 * filled at 190.00, 1.07% above the approved entry 188.00."; null when it filled near the entry.
 */
export function priceMovedNote(entry: Decimal, fill: Decimal): string | null {
  const approved = num(entry);
  const filled = num(fill);
  if (!Number.isFinite(approved) || !Number.isFinite(filled) || approved <= 0) return null;
  const movedPct = ((filled - approved) / approved) * 100;
  if (Math.abs(movedPct) < PRICE_MOVED_PCT) return null;
  const direction = movedPct > 0 ? 'above' : 'below';
  return `Price moved: filled at ${formatPrice(fill)}, ${Math.abs(movedPct).toFixed(2)}% ${direction} the approved entry ${formatPrice(entry)}.`;
}
