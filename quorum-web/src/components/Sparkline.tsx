/** A tiny price line; green when the last price is above the first. */
export function Sparkline({ values, width = 120, height = 32, label }: { values: readonly number[]; width?: number; height?: number; label: string }) {
  if (values.length < 2) return <svg width={width} height={height} role="img" aria-label={`${label}: not enough prices yet`} />;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max - min || 1;
  const step = width / (values.length - 1);
  let points = '';
  for (let i = 0; i < values.length; i++) points += `${(i * step).toFixed(1)},${(height - 2 - ((values[i] - min) / span) * (height - 4)).toFixed(1)} `;
  const rising = values[values.length - 1] >= values[0];
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${label}: ${rising ? 'rising' : 'falling'}`} className="sparkline">
      <polyline points={points.trim()} fill="none" stroke={rising ? 'var(--up)' : 'var(--down)'} strokeWidth="1.5" />
    </svg>
  );
}
