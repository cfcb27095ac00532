import { bollinger, macd, rsi, sma, type Series } from './indicators';

/** The studies a trader can lay over the price (averages, bands) or show in a pane below it (RSI, MACD). */
export const STUDIES = [
  { id: 'sma20', label: 'SMA 20', pane: 'price', colour: '#f0b429' },
  { id: 'sma50', label: 'SMA 50', pane: 'price', colour: '#5b9cf6' },
  { id: 'sma200', label: 'SMA 200', pane: 'price', colour: '#c678dd' },
  { id: 'bollinger', label: 'Bollinger', pane: 'price', colour: '#7f8ea3' },
  { id: 'rsi', label: 'RSI', pane: 'rsi', colour: '#b18cff' },
  { id: 'macd', label: 'MACD', pane: 'macd', colour: '#5b9cf6' },
] as const;

export type StudyId = (typeof STUDIES)[number]['id'];

/** One line (or the MACD's histogram) a study draws, its values aligned with the bars. */
export interface StudyLine {
  key: string;
  colour: string;
  values: Series;
  histogram?: boolean;
}

/** The RSI's overbought and oversold levels, drawn across its pane. */
export const RSI_LEVELS = [70, 30] as const;

/** The colour a study's main line is drawn in, which its toggle shows. */
export function colourOf(study: StudyId): string {
  return STUDIES.find((s) => s.id === study)!.colour;
}

const SIGNAL_COLOUR = '#f0b429';
const HISTOGRAM_COLOUR = '#3a4a60';

/** The lines of a study over the bars' closes. */
export function studyLines(study: StudyId, closes: readonly number[]): StudyLine[] {
  const colour = colourOf(study);
  switch (study) {
    case 'sma20':
      return [{ key: 'sma20', colour, values: sma(closes, 20) }];
    case 'sma50':
      return [{ key: 'sma50', colour, values: sma(closes, 50) }];
    case 'sma200':
      return [{ key: 'sma200', colour, values: sma(closes, 200) }];
    case 'bollinger': {
      const band = bollinger(closes, 20, 2);
      return [
        { key: 'bb-upper', colour, values: band.upper },
        { key: 'bb-middle', colour, values: band.middle },
        { key: 'bb-lower', colour, values: band.lower },
      ];
    }
    case 'rsi':
      return [{ key: 'rsi', colour, values: rsi(closes, 14) }];
    case 'macd': {
      const lines = macd(closes);
      return [
        { key: 'macd-histogram', colour: HISTOGRAM_COLOUR, values: lines.histogram, histogram: true },
        { key: 'macd', colour, values: lines.macd },
        { key: 'macd-signal', colour: SIGNAL_COLOUR, values: lines.signal },
      ];
    }
  }
}

/**
 * The pane each shown study draws in: the price's (0), then one pane each for the RSI and the MACD
 * in that order, numbered by which of them are shown.
 */
export function paneOf(study: StudyId, shown: ReadonlySet<StudyId>): number {
  const pane = STUDIES.find((s) => s.id === study)!.pane;
  if (pane === 'price') return 0;
  if (pane === 'rsi') return 1;
  return shown.has('rsi') ? 2 : 1;
}
