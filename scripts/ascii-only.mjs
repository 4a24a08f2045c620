// Part of `npm run build` (scripts/bundle.mjs): makes the bundle pure ASCII. V8 keeps a script's
// source for as long as the script lives, one byte per character when every character fits in
// Latin-1 and two bytes otherwise; esbuild escapes non-ASCII characters in strings but leaves them
// in template literals and regular expressions (HTML templates' "·", "→", "“", markdown-it's
// "…" and "ẞ"), so the 5 MB bundle was held as 10 MB. Each such character becomes a \u escape,
// which means the same character in a string, a template literal's value, a regular expression
// or an identifier (only a template's raw text, as String.raw reads it, would differ: the bundle
// has none). The source map's columns are moved along with the text.

const VLQ = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VLQ_VALUE = new Map([...VLQ].map((c, i) => [c, i]));

/**
 * `code` with every character outside ASCII written as a \uXXXX escape (a pair of them outside
 * the Basic Multilingual Plane), and `map` (a source map v3 object of `code`, or undefined) with
 * its generated columns moved to match. A character after a backslash (an identity escape,
 * `\…`) takes the backslash's place, so `\…` becomes `\u2026`, not a backslash and a `u`.
 */
export function escapeNonAscii(code, map) {
  if (!/[^\x00-\x7f]/.test(code)) return { code, map, escaped: 0 };
  const lines = code.split('\n');
  /** Per generated line: [column in the original line, columns added before the next] pairs. */
  const shifts = new Map();
  let escaped = 0;
  const out = lines.map((line, index) => {
    if (!/[^\x00-\x7f]/.test(line)) return line;
    let result = '';
    const moves = [];
    for (let i = 0; i < line.length; i++) {
      const unit = line.charCodeAt(i);
      if (unit < 0x80) {
        result += line[i];
        continue;
      }
      const astral = unit >= 0xd800 && unit <= 0xdbff && i + 1 < line.length;
      const units = astral ? [unit, line.charCodeAt(i + 1)] : [unit];
      const escape = units.map((u) => `\\u${u.toString(16).padStart(4, '0')}`).join('');
      let backslashes = 0;
      for (let j = result.length - 1; j >= 0 && result[j] === '\\'; j--) backslashes++;
      const dropped = backslashes % 2 === 1;
      if (dropped) result = result.slice(0, -1);
      result += escape;
      moves.push([i + units.length, escape.length - units.length - (dropped ? 1 : 0)]);
      if (astral) i++;
      escaped++;
    }
    shifts.set(index, moves);
    return result;
  });
  return { code: out.join('\n'), map: map && { ...map, mappings: shiftMappings(map.mappings, shifts) }, escaped };
}

/** Moves each segment's generated column right by what was added before it on its line. */
function shiftMappings(mappings, shifts) {
  return mappings.split(';').map((line, index) => {
    const moves = shifts.get(index);
    if (!moves || !line) return line;
    let column = 0;
    let shifted = 0;
    return line.split(',').map((segment) => {
      const fields = decode(segment);
      column += fields[0];
      let added = 0;
      for (const [at, by] of moves) if (at <= column) added += by;
      fields[0] = column + added - shifted;
      shifted = column + added;
      return encode(fields);
    }).join(',');
  }).join(';');
}

function decode(segment) {
  const fields = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = VLQ_VALUE.get(char);
    if (digit === undefined) throw new Error(`bad source map segment ${segment}`);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return fields;
}

function encode(fields) {
  let out = '';
  for (const field of fields) {
    let value = field < 0 ? (-field << 1) | 1 : field << 1;
    do {
      let digit = value & 31;
      value >>>= 5;
      if (value) digit |= 32;
      out += VLQ[digit];
    } while (value);
  }
  return out;
}
