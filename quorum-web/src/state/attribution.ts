import type { Attribution } from '../api/types';

export function isAttribution(value: unknown): value is Attribution {
  return typeof value === 'object' && value !== null && typeof (value as Attribution).model === 'string';
}

/**
 * A model's words without the figures the desk writes after them for readers of plain text (the
 * desk's log, `quorum decisions`, the CSV export): " (gpt-4o-mini, confidence 0.8, 876 tokens,
 * $0.000161)", or "…, cached)". Beside the attribution, which shows the same figures, they would be
 * said twice. Only the figures of `attribution`'s model at the very end go; other words stay.
 */
export function withoutModelFigures(text: string, attribution: Attribution): string {
  const figures = new RegExp(` \\(${escaped(attribution.model)}, confidence [0-9.]+, (?:cached|[0-9]+ tokens, \\$[0-9.]+)\\)$`);
  return text.replace(figures, '');
}

/** A message's words as the page shows them beside its attribution, if it has one. */
export function shownWords(text: string, attribution: unknown): string {
  return isAttribution(attribution) ? withoutModelFigures(text, attribution) : text;
}

function escaped(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
