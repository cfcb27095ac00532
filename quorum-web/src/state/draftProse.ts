/**
 * The words a model's streamed answer holds so far, for a person to read as they arrive. A model
 * answers in JSON (`{"choice":"APPROVE","reason":"the size fits…`), cut anywhere, even inside an
 * escape: this reads what has arrived of the choice and of the prose field, unescaped, and drops a
 * half-arrived escape until its rest comes. An answer that is not JSON is prose already.
 */

/** The fields that carry an answer's prose: a vote's reason, a reply's answer, a proposal's rationale. */
const PROSE_FIELDS = new Set(['reason', 'answer', 'rationale']);

/** What a draft says so far: "APPROVE — the size fits", or null while it has said nothing a person reads. */
export function draftProse(raw: string): string | null {
  const body = withoutFence(raw);
  if (!body.startsWith('{')) return body.trim() === '' ? null : body.trim();
  const fields = topLevelStrings(body);
  const choice = fields.get('choice');
  const prose = [...PROSE_FIELDS].map((name) => fields.get(name)).find((field) => field !== undefined);
  const choiceText = choice?.complete && choice.text !== '' ? choice.text : null;
  const proseText = prose && prose.text.trim() !== '' ? prose.text : null;
  if (choiceText && proseText) return `${choiceText} — ${proseText}`;
  return choiceText ?? proseText;
}

/** The answer after the code fence a small model may open with; empty while only the fence has arrived. */
function withoutFence(raw: string): string {
  const text = raw.trimStart();
  if (text.startsWith('```')) return text.replace(/^```[a-zA-Z]*\s*/, '');
  return '```'.startsWith(text) ? '' : text;
}

interface StringField {
  text: string;
  complete: boolean;
}

/** The string values of the object's own fields, as far as they have arrived; nested objects are skipped. */
function topLevelStrings(raw: string): Map<string, StringField> {
  const fields = new Map<string, StringField>();
  let depth = 0;
  let key: string | null = null;
  let expectingKey = false;
  let at = 0;
  while (at < raw.length) {
    const ch = raw[at];
    if (ch === '"') {
      const read = readString(raw, at + 1);
      if (depth === 1 && expectingKey) {
        if (!read.complete) break;
        key = read.text;
        expectingKey = false;
      } else if (depth === 1 && key !== null) {
        fields.set(key, { text: read.text, complete: read.complete });
        key = null;
      }
      if (!read.complete) break;
      at = read.end;
      continue;
    }
    if (ch === '{' || ch === '[') {
      depth += 1;
      if (depth === 1) expectingKey = true;
      else if (depth === 2) key = null;
    } else if (ch === '}' || ch === ']') {
      depth -= 1;
    } else if (ch === ',' && depth === 1) {
      expectingKey = true;
      key = null;
    }
    at += 1;
  }
  return fields;
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** The string whose text starts at `from`, unescaped up to its closing quote or to the last whole escape that has arrived. */
function readString(raw: string, from: number): { text: string; complete: boolean; end: number } {
  let text = '';
  let at = from;
  while (at < raw.length) {
    const ch = raw[at];
    if (ch === '"') return { text, complete: true, end: at + 1 };
    if (ch !== '\\') {
      text += ch;
      at += 1;
      continue;
    }
    const code = raw[at + 1];
    if (code === undefined) break;
    if (code === 'u') {
      const hex = raw.slice(at + 2, at + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) break;
      const unit = parseInt(hex, 16);
      if (unit >= 0xd800 && unit <= 0xdbff) {
        // A high surrogate waits for its low half, else the reader would see a broken character.
        const low = raw.slice(at + 8, at + 12);
        if (raw.slice(at + 6, at + 8) !== '\\u' || !/^[0-9a-fA-F]{4}$/.test(low)) break;
        text += String.fromCharCode(unit, parseInt(low, 16));
        at += 12;
        continue;
      }
      text += String.fromCharCode(unit);
      at += 6;
      continue;
    }
    text += ESCAPES[code] ?? code;
    at += 2;
  }
  return { text, complete: false, end: raw.length };
}
