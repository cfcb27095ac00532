import { useCallback, useState } from 'react';
import { STUDIES, type StudyId } from '../chart/studies';

const STORAGE_KEY = 'quorum.chart.studies';
const PHONE = '(max-width: 900px)';

/**
 * The studies drawn until the user picks: the 20- and 50-bar averages with the RSI and MACD panes on
 * a desk-sized screen; on a phone only the averages, the panes behind their toggles.
 */
export function defaultStudies(isPhone: boolean): StudyId[] {
  return isPhone ? ['sma20', 'sma50'] : ['sma20', 'sma50', 'rsi', 'macd'];
}

export function storedStudies(storage: Storage = window.localStorage, isPhone = window.matchMedia?.(PHONE).matches ?? false): Set<StudyId> {
  const known = new Set<string>(STUDIES.map((s) => s.id));
  try {
    const stored: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null');
    if (Array.isArray(stored)) return new Set(stored.filter((id): id is StudyId => known.has(id)));
  } catch {
    // A value this page did not write: the defaults stand.
  }
  return new Set(defaultStudies(isPhone));
}

/** The studies shown on the chart, switched one at a time and kept for the browser. */
export function useChartStudies(): { shown: ReadonlySet<StudyId>; toggle: (study: StudyId) => void } {
  const [shown, setShown] = useState<ReadonlySet<StudyId>>(() => storedStudies());
  const toggle = useCallback((study: StudyId) => {
    setShown((current) => {
      const next = new Set(current);
      if (next.has(study)) next.delete(study);
      else next.add(study);
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify([...next]));
      return next;
    });
  }, []);
  return { shown, toggle };
}
