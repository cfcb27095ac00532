import type { Attribution } from '../api/types';
import { formatCount } from '../format';

const PHONE = '(max-width: 900px)';

/** "80%" for a confidence of 0.8. */
export function confidenceText(confidence: string): string {
  const value = Number(confidence);
  return Number.isFinite(value) ? `${Math.round(value * 100)}%` : confidence;
}

/** Dollars to the millionth the desk counts in, without trailing zeros: "$0.000161", "$0". */
export function costText(cost: string): string {
  const value = Number(cost);
  return Number.isFinite(value) ? `$${value.toFixed(6).replace(/\.?0+$/, '')}` : `$${cost}`;
}

/**
 * Who reasoned a message out and at what cost: the model's confidence in the summary, the model,
 * tokens and cost inside. Open by default, closed on a phone, where the conversation needs the room.
 */
export function ModelAttribution({ attribution, isPhone = window.matchMedia?.(PHONE).matches ?? false }: { attribution: Attribution; isPhone?: boolean }) {
  const tokens = attribution.tokensIn + attribution.tokensOut;
  return (
    <details className="attribution" open={!isPhone} data-testid="attribution">
      <summary>
        Model · confidence {confidenceText(attribution.confidence)}
      </summary>
      <dl className="attribution-grid">
        <div>
          <dt>Model</dt>
          <dd>
            {attribution.model}
            {attribution.modelVersion && attribution.modelVersion !== attribution.model && <span className="muted"> ({attribution.modelVersion})</span>}
          </dd>
        </div>
        <div>
          <dt>Tokens</dt>
          <dd>{attribution.cached ? 'cached answer' : `${formatCount(tokens)} (${formatCount(attribution.tokensIn)} in, ${formatCount(attribution.tokensOut)} out)`}</dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd>{costText(attribution.cost)}</dd>
        </div>
      </dl>
    </details>
  );
}
