import type { Position, Proposal } from '../api/types';
import { num } from '../format';

/** The stops form as typed; what the chart's lines are dragged into. */
export interface StopsForm {
  stopLoss: string;
  takeProfit: string;
  trailingStopPct: string;
}

export function stopsOf(position: Position): StopsForm {
  return { stopLoss: position.stopLoss ?? '', takeProfit: position.takeProfit ?? '', trailingStopPct: position.trailingStopPct ?? '' };
}

export type LevelField = 'stopLoss' | 'takeProfit';

/** A horizontal line on the price: an entry, a stop or a target, of the position held or of the proposal put to the vote. */
export interface LevelLine {
  id: string;
  price: number;
  title: string;
  colour: string;
  /** The stops field dragging the line edits; absent for a line that cannot be moved. */
  field?: LevelField;
  dashed: boolean;
  /**
   * Whether the price axis labels the line (with its title beside the label). An entry is not
   * labelled there: it lies at or near the last price, whose label its own would cover; the chart's
   * legend names it and its price instead.
   */
  axisLabel: boolean;
}

const ENTRY = '#7f8ea3';
const STOP = '#ef5350';
const TARGET = '#26a69a';

/**
 * The lines the chart draws: a held position's entry, stop and target (the stop and target as the
 * user is dragging them, when a draft is given), else the pending proposal's entry, stop and target.
 * Only a position's protection can be dragged: a proposal is answered by approving or rejecting it.
 */
export function levelLines(position: Position | undefined, proposal: Proposal | undefined, draft: StopsForm | null): LevelLine[] {
  const lines: LevelLine[] = [];
  const add = (id: string, price: string | null | undefined, title: string, colour: string, field?: LevelField) => {
    const value = num(price);
    if (Number.isFinite(value) && value > 0) lines.push({ id, price: value, title, colour, field, dashed: field === undefined, axisLabel: true });
  };
  const addEntry = (id: string, price: string, title: string) => {
    const value = num(price);
    if (Number.isFinite(value) && value > 0) lines.push({ id, price: value, title: `${title} ${priceText(value)}`, colour: ENTRY, dashed: true, axisLabel: false });
  };
  if (position) {
    const stops = draft ?? stopsOf(position);
    addEntry('entry', position.entryPrice, 'entry');
    add('stop', stops.stopLoss, 'stop', STOP, 'stopLoss');
    add('target', stops.takeProfit, 'target', TARGET, 'takeProfit');
  } else if (proposal) {
    addEntry('proposed-entry', proposal.entry, 'proposed entry');
    add('proposed-stop', proposal.stop, 'proposed stop', STOP);
    add('proposed-target', proposal.target, 'proposed target', TARGET);
  }
  return lines;
}

/** How close to a line, in pixels, the pointer picks it up. */
export const GRAB_PX = 6;

/** The draggable line within reach of the pointer's height, the nearest first. */
export function lineAt(lines: readonly LevelLine[], y: number, coordinateOf: (price: number) => number | null): LevelLine | null {
  let nearest: LevelLine | null = null;
  let distance = GRAB_PX + 1;
  for (const line of lines) {
    if (!line.field) continue;
    const at = coordinateOf(line.price);
    if (at === null) continue;
    const away = Math.abs(at - y);
    if (away < distance) {
      nearest = line;
      distance = away;
    }
  }
  return nearest;
}

/** A dragged price as the form takes it: in cents, as US equities trade. */
export function priceText(price: number): string {
  return (Math.round(price * 100) / 100).toFixed(2);
}
