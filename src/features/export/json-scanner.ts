/** A malformed document: says where (line) and what was expected. */
export class JsonSyntaxError extends Error {
  override name = 'JsonSyntaxError';
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
/** Characters that end a number, true, false or null. */
const DELIMITER = new Set([',', ']', '}', ' ', '\t', '\n', '\r']);
/** Text kept after what has been read, before it is dropped. */
const KEEP = 1 << 16;

/**
 * Reads a JSON text piece by piece from chunks of characters: the caller walks the outer
 * structure (`expect`, `peek`) and takes whole values (`value`), each parsed on its own, so
 * memory holds one record at a time however large the document. Errors name the line.
 */
export class JsonScanner {
  private buf = '';
  private pos = 0;
  private line = 1;
  private ended = false;

  constructor(private readonly chunks: AsyncIterator<string>) {}

  /** The next character that is not whitespace, without taking it; undefined at the end. */
  async peek(): Promise<string | undefined> {
    for (;;) {
      while (this.pos < this.buf.length && WHITESPACE.has(this.buf[this.pos]!)) this.pos++;
      if (this.pos < this.buf.length) return this.buf[this.pos];
      if (!(await this.fill())) return undefined;
    }
  }

  /** Takes `char` (after whitespace) or throws saying `what` was expected. */
  async expect(char: string, what: string): Promise<void> {
    const next = await this.peek();
    if (next !== char) throw this.error(`expected ${what}, found ${next === undefined ? 'the end of the file' : JSON.stringify(next)}`);
    this.pos++;
  }

  /** Takes one whole JSON value (after whitespace) and returns it parsed. */
  async value(): Promise<unknown> {
    if ((await this.peek()) === undefined) throw this.error('unexpected end of the file');
    for (;;) {
      const end = valueEnd(this.buf, this.pos, this.ended);
      if (end >= 0) {
        const text = this.buf.slice(this.pos, end);
        try {
          const parsed: unknown = JSON.parse(text);
          this.pos = end;
          return parsed;
        } catch (error) {
          throw this.error(`invalid JSON value (${(error as Error).message})`);
        }
      }
      if (!(await this.fill())) throw this.error('unexpected end of the file inside a value');
    }
  }

  /** A JsonSyntaxError naming the current line. */
  error(message: string): JsonSyntaxError {
    return new JsonSyntaxError(`line ${this.line + countLines(this.buf, 0, this.pos)}: ${message}`);
  }

  private async fill(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.chunks.next();
    if (next.done) {
      this.ended = true;
      return true; // one more pass: a value may end exactly at the end of the text
    }
    if (this.pos > KEEP) {
      this.line += countLines(this.buf, 0, this.pos);
      this.buf = this.buf.slice(this.pos);
      this.pos = 0;
    }
    this.buf += next.value;
    return true;
  }
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/**
 * Index just past the JSON value starting at `start`, or -1 when the text so far ends inside
 * it. Only finds the extent (strings, nesting); JSON.parse checks the rest.
 */
function valueEnd(text: string, start: number, atEnd: boolean): number {
  const first = text[start];
  if (first !== '{' && first !== '[' && first !== '"') {
    let i = start;
    while (i < text.length && !DELIMITER.has(text[i]!)) i++;
    return i < text.length || atEnd ? i : -1;
  }
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      i = stringEnd(text, i);
      if (i < 0) return -1;
      if (depth === 0) return i + 1;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return atEnd ? text.length : -1;
}

/** Index of the quote closing the string opened at `open`, or -1 when not in the text yet. */
function stringEnd(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '"') return i;
  }
  return -1;
}
