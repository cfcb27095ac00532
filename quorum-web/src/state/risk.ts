import type { Decimal, TailRiskFigure } from '../api/types';
import { num, titleCase } from '../format';

/** "Historical 95%": the method and confidence a VaR row stands for. */
export function tailRiskLabel(figure: Pick<TailRiskFigure, 'method' | 'confidence'>): string {
  return `${titleCase(figure.method)} ${figure.confidence}%`;
}

// The chart's own blue for a positive correlation, the loss red for a negative one.
const POSITIVE_SHADE = '91, 156, 246';
const NEGATIVE_SHADE = '239, 83, 80';
/** Half-opaque at most, so that the cell's text keeps its contrast in both themes. */
const STRONGEST_SHADE = 0.5;

/** A heat-map cell's background: blue for a positive correlation, red for a negative one, stronger the nearer to ±1. */
export function correlationShade(value: Decimal): string {
  const correlation = Math.max(-1, Math.min(1, num(value)));
  if (!Number.isFinite(correlation)) return 'transparent';
  const alpha = (Math.abs(correlation) * STRONGEST_SHADE).toFixed(2);
  return `rgba(${correlation >= 0 ? POSITIVE_SHADE : NEGATIVE_SHADE}, ${alpha})`;
}

/** A correlation as the heat-map writes it, two places ("0.43", "−0.12"). */
export function formatCorrelation(value: Decimal): string {
  const correlation = num(value);
  return Number.isFinite(correlation) ? correlation.toFixed(2).replace('-', '−') : '—';
}

