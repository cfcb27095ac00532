import { CHART_INTERVALS, type ChartInterval } from '../chart/intervals';
import { STUDIES, colourOf, type StudyId } from '../chart/studies';

interface ChartToolbarProps {
  ticker: string;
  interval: ChartInterval;
  onInterval: (interval: ChartInterval) => void;
  studies: ReadonlySet<StudyId>;
  onToggleStudy: (study: StudyId) => void;
  error: string | null;
}

/** The chart's header: its ticker, the bar interval and the studies shown, each toggle in its line's colour. */
export function ChartToolbar({ ticker, interval, onInterval, studies, onToggleStudy, error }: ChartToolbarProps) {
  return (
    <header className="panel-header chart-header">
      <h2>{ticker}</h2>
      <div className="chips" role="group" aria-label="Bar interval">
        {CHART_INTERVALS.map((value) => (
          <button key={value} type="button" className="chip" aria-pressed={interval === value} onClick={() => onInterval(value)}>
            {value}
          </button>
        ))}
      </div>
      <div className="chips" role="group" aria-label="Studies">
        {STUDIES.map((study) => (
          <button key={study.id} type="button" className="chip" aria-pressed={studies.has(study.id)} onClick={() => onToggleStudy(study.id)}>
            <span className="swatch" style={{ background: colourOf(study.id) }} aria-hidden="true" />
            {study.label}
          </button>
        ))}
      </div>
      {error && (
        <span className="error small" role="alert">
          {error}
        </span>
      )}
    </header>
  );
}
