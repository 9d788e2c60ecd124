// Tokens of ConnectWise's `conditions` language (fact sheet 3.1): field paths with "/", double-quoted strings,
// numbers, [dates], parentheses, comma-separated lists, comparison operators and the keywords.

export type Token =
  | { kind: 'ident'; text: string; at: number }
  | { kind: 'string'; text: string; at: number }
  | { kind: 'number'; value: number; at: number }
  | { kind: 'date'; value: number; text: string; at: number }
  | { kind: 'op'; text: '=' | '!=' | '<' | '<=' | '>' | '>='; at: number }
  | { kind: 'punct'; text: '(' | ')' | ','; at: number };

export class ConditionError extends Error {}

function readString(source: string, start: number): [string, number] {
  let out = '';
  for (let i = start + 1; i < source.length; i++) {
    const c = source.charAt(i);
    if (c === '\\' && i + 1 < source.length) out += source.charAt(++i);
    else if (c === '"') return [out, i + 1];
    else out += c;
  }
  throw new ConditionError(`unterminated string starting at position ${start}`);
}

function readDate(source: string, start: number): Token {
  const end = source.indexOf(']', start);
  if (end < 0) throw new ConditionError(`unterminated date starting at position ${start}`);
  const text = source.slice(start + 1, end).trim();
  // Dates are ISO-8601; CW accepts them without a zone, which SQL then treats as server time: read as UTC here.
  const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(text);
  const zoned = /(Z|[+-]\d{2}:\d{2})$/.test(text);
  const value = iso ? Date.parse(text.includes('T') && !zoned ? `${text}Z` : text) : NaN;
  if (Number.isNaN(value)) throw new ConditionError(`invalid date [${text}] at position ${start}`);
  return { kind: 'date', value, text, at: start };
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source.charAt(i);
    const two = source.slice(i, i + 2);
    if (/\s/.test(c)) i++;
    else if (c === '"') {
      const [text, next] = readString(source, i);
      tokens.push({ kind: 'string', text, at: i });
      i = next;
    } else if (c === '[') {
      tokens.push(readDate(source, i));
      i = source.indexOf(']', i) + 1;
    } else if (two === '!=' || two === '<=' || two === '>=') {
      tokens.push({ kind: 'op', text: two, at: i });
      i += 2;
    } else if (c === '=' || c === '<' || c === '>') {
      tokens.push({ kind: 'op', text: c, at: i++ });
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: 'punct', text: c, at: i++ });
    } else {
      const match = /^-?\d+(\.\d+)?(?![\w/])/.exec(source.slice(i)) ?? /^[A-Za-z_][\w/]*/.exec(source.slice(i));
      if (!match) throw new ConditionError(`unexpected character '${c}' at position ${i}`);
      const text = match[0];
      tokens.push(/^-?\d/.test(text) ? { kind: 'number', value: Number(text), at: i } : { kind: 'ident', text, at: i });
      i += text.length;
    }
  }
  return tokens;
}
