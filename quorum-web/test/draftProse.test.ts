import { describe, expect, it } from 'vitest';
import { draftProse } from '../src/state/draftProse';

const VOTE = '{"choice":"APPROVE","reason":"the \\"trend\\" agrees\\nand the size fits \\u00e9t\\u00e9 \\ud83d\\ude00 ok","confidence":0.8}';
const SAID = 'APPROVE — the "trend" agrees\nand the size fits été 😀 ok';

/** Every prefix of `text`: the answer as a model streams it, cut at each character. */
function prefixes(text: string): string[] {
  return Array.from({ length: text.length + 1 }, (_, end) => text.slice(0, end));
}

describe('the words of a streaming model answer', () => {
  it('reads the choice and the reason out of a vote, unescaped, never the JSON around them', () => {
    expect(draftProse(VOTE)).toBe(SAID);
    expect(draftProse('{"choice":"APPROVE","reason":"the size fi')).toBe('APPROVE — the size fi');
    expect(draftProse('{"choice":"APPR')).toBeNull();
    expect(draftProse('{"choice":"APPROVE",')).toBe('APPROVE');
  });

  it('grows with every chunk, each shown text a beginning of the whole, whatever escape a chunk cuts', () => {
    let shown = '';
    for (const soFar of prefixes(VOTE)) {
      const prose = draftProse(soFar);
      if (prose === null) continue;
      expect(prose).not.toMatch(/[{}\\]|"choice"|"reason"/);
      expect(SAID.startsWith(prose)).toBe(true);
      expect(prose.length).toBeGreaterThanOrEqual(shown.length);
      shown = prose;
    }
    expect(shown).toBe(SAID);
  });

  it('holds back a half-arrived escape until its rest comes', () => {
    expect(draftProse('{"reason":"a \\')).toBe('a ');
    expect(draftProse('{"reason":"a \\u00')).toBe('a ');
    expect(draftProse('{"reason":"a \\ud83d')).toBe('a ');
    expect(draftProse('{"reason":"a \\ud83d\\ude0')).toBe('a ');
    expect(draftProse('{"reason":"a \\ud83d\\ude00')).toBe('a 😀');
  });

  it("reads a reply's answer and a proposal's rationale", () => {
    expect(draftProse('{"answer":"No news behind it.","confidence":0.6}')).toBe('No news behind it.');
    expect(draftProse('{"action":"BUY","size":{"shares":10},"rationale":"a breakout on vol')).toBe('a breakout on vol');
  });

  it('skips the strings of nested fields', () => {
    expect(draftProse('{"choice":"APPROVE","modification":{"reason":"nested"},"reason":"outer')).toBe('APPROVE — outer');
  });

  it('reads past the code fence a small model opens with, and shows an answer in plain words as it is', () => {
    expect(draftProse('`')).toBeNull();
    expect(draftProse('```json\n')).toBeNull();
    expect(draftProse('```json\n{"choice":"REJECT","reason":"too wide')).toBe('REJECT — too wide');
    expect(draftProse('  I would approve, since')).toBe('I would approve, since');
    expect(draftProse('')).toBeNull();
  });
});
