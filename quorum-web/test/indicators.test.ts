import { describe, expect, it } from 'vitest';
import { bollinger, ema, macd, rsi, sma } from '../src/chart/indicators';

// Wilder's RSI worked example of StockCharts' ChartSchool: 33 closes and the RSI(14) from the 15th.
const CHART_SCHOOL_CLOSES = [
  44.3389, 44.0902, 44.1497, 43.6124, 44.3278, 44.8264, 45.0955, 45.4245, 45.8433, 46.0826, 45.8931, 46.0328, 45.614, 46.282, 46.282, 46.0028, 46.0328, 46.4116,
  46.2222, 45.6439, 46.2122, 46.2521, 45.7137, 46.4515, 45.7835, 45.3548, 44.0288, 44.1783, 44.2181, 44.5672, 43.4205, 42.6628, 43.1314,
];
const CHART_SCHOOL_RSI = [70.53, 66.32, 66.55, 69.41, 66.36, 57.97, 62.93, 63.26, 56.06, 62.38, 54.71, 50.42, 39.99, 41.46, 41.87, 45.46, 37.3, 33.08, 37.77];

const rounded = (series: (number | null)[], places = 2) => series.map((value) => (value === null ? null : Number(value.toFixed(places))));

describe('the chart’s studies', () => {
  it('average the last n closes, with nothing before the n-th', () => {
    expect(sma([1, 2, 3, 4, 5], 3)).toEqual([null, null, 2, 3, 4]);
  });

  it('give Wilder’s RSI of the ChartSchool example to the cent', () => {
    const values = rsi(CHART_SCHOOL_CLOSES, 14);
    expect(values.slice(0, 14).every((value) => value === null)).toBe(true);
    expect(rounded(values.slice(14))).toEqual(CHART_SCHOOL_RSI);
  });

  it('put the RSI of a market that only rises at 100 and of one that goes nowhere at 50', () => {
    expect(rsi(Array.from({ length: 20 }, (_, i) => 100 + i), 14).at(-1)).toBe(100);
    expect(rsi(Array.from({ length: 20 }, () => 100), 14).at(-1)).toBe(50);
  });

  it('draw Bollinger bands two population deviations either side of the average', () => {
    const band = bollinger([1, 2, 3, 4], 4, 2);
    // Mean 2.5; deviations ±1.5 and ±0.5: variance (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25.
    expect(band.middle.at(-1)).toBe(2.5);
    expect(band.upper.at(-1)).toBeCloseTo(2.5 + 2 * Math.sqrt(1.25), 12);
    expect(band.lower.at(-1)).toBeCloseTo(2.5 - 2 * Math.sqrt(1.25), 12);
    expect(band.upper.slice(0, 3)).toEqual([null, null, null]);
  });

  it('start an exponential average from the simple average of its first n values', () => {
    const values = ema([2, 4, 6, 8], 3);
    // Seed (2 + 4 + 6) / 3 = 4, then 4 + 0.5 × (8 − 4) = 6.
    expect(values).toEqual([null, null, 4, 6]);
  });

  it('put the MACD of a steady climb of b a bar at 7b, with the signal on it and no histogram', () => {
    // On a straight line an n-bar average, simple or exponential, trails the price by b × (n − 1) / 2:
    // 5.5b for 12 bars, 12.5b for 26, so the MACD is 7b once both exist.
    const b = 0.25;
    const closes = Array.from({ length: 60 }, (_, i) => 100 + b * i);
    const { macd: line, signal, histogram } = macd(closes);
    expect(line.slice(0, 25).every((value) => value === null)).toBe(true);
    expect(line[25]).toBeCloseTo(7 * b, 10);
    expect(line.at(-1)).toBeCloseTo(7 * b, 10);
    expect(signal.slice(0, 33).every((value) => value === null)).toBe(true);
    expect(signal[33]).toBeCloseTo(7 * b, 10);
    expect(histogram.at(-1)).toBeCloseTo(0, 10);
  });
});
