export interface JsonSyntaxError {
  line: number;
  column: number;
  message: string;
}

class SyntaxFound extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * Finds the first syntax error in JSON text, with its line and column. JSON.parse says where only
 * sometimes and in words that change between Node versions, so the text is walked here instead.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  try {
    new JsonScanner(text).document();
    return undefined;
  } catch (error) {
    if (!(error instanceof SyntaxFound)) throw error;
    return { ...lineColumnAt(text, error.offset), message: error.reason };
  }
}

export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const MAX_DEPTH = 512;

class JsonScanner {
  private at = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  document(): void {
    this.space();
    if (this.at >= this.text.length) this.fail('the file is empty; expected a JSON value such as {}');
    this.value();
    this.space();
    if (this.at < this.text.length) this.fail(`unexpected ${this.shown()} after the end of the JSON value`);
  }

  private value(): void {
    const char = this.text[this.at];
    if (char === '{') return this.object();
    if (char === '[') return this.array();
    if (char === '"') return this.string();
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return;
      }
    }
    if (this.at >= this.text.length) this.fail('unexpected end of file; a value is missing');
    if (char === "'") this.fail('strings must use double quotes (") in JSON');
    this.fail(`unexpected ${this.shown()}; expected a value (object, array, string, number, true, false or null)`);
  }

  private object(): void {
    this.enter();
    this.at++;
    this.space();
    if (this.text[this.at] === '}') return this.leave();
    for (;;) {
      this.space();
      if (this.text[this.at] === '}') this.fail('trailing comma before "}" is not allowed in JSON');
      if (this.text[this.at] !== '"') this.fail(`expected a property name in double quotes, found ${this.shown()}`);
      this.string();
      this.space();
      if (this.text[this.at] !== ':') this.fail(`expected ":" after the property name, found ${this.shown()}`);
      this.at++;
      this.space();
      this.value();
      this.space();
      if (this.text[this.at] === ',') {
        this.at++;
        continue;
      }
      if (this.text[this.at] === '}') return this.leave();
      this.fail(`expected "," or "}" after a property value, found ${this.shown()}`);
    }
  }

  private array(): void {
    this.enter();
    this.at++;
    this.space();
    if (this.text[this.at] === ']') return this.leave();
    for (;;) {
      this.space();
      if (this.text[this.at] === ']') this.fail('trailing comma before "]" is not allowed in JSON');
      this.value();
      this.space();
      if (this.text[this.at] === ',') {
        this.at++;
        continue;
      }
      if (this.text[this.at] === ']') return this.leave();
      this.fail(`expected "," or "]" after an array item, found ${this.shown()}`);
    }
  }

  private string(): void {
    this.at++;
    for (;;) {
      const code = this.text.charCodeAt(this.at);
      if (Number.isNaN(code)) this.fail('unterminated string; a closing " is missing');
      if (code === 34) {
        this.at++;
        return;
      }
      if (code < 32) this.fail('control characters (such as a raw line break) must be escaped inside strings');
      if (code === 92) {
        const next = this.text[this.at + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at + 2, this.at + 6))) this.fail('invalid \\u escape; expected 4 hex digits');
          this.at += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) this.fail('invalid escape sequence in a string');
        this.at += 2;
        continue;
      }
      this.at++;
    }
  }

  private number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.at, this.at + 400));
    if (!match) this.fail(`invalid number starting with ${this.shown()}`);
    this.at += match[0].length;
  }

  private space(): void {
    while (this.at < this.text.length && ' \t\n\r'.includes(this.text[this.at] ?? '')) this.at++;
    if (this.text.startsWith('//', this.at) || this.text.startsWith('/*', this.at)) this.fail('comments are not allowed in JSON');
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
  }

  private leave(): void {
    this.depth--;
    this.at++;
  }

  private shown(): string {
    const char = this.text[this.at];
    if (char === undefined) return 'the end of the file';
    return JSON.stringify(char);
  }

  private fail(reason: string): never {
    throw new SyntaxFound(this.at, reason);
  }
}
