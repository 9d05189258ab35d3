/**
 * Where a JSON text stops making sense: the field path being read and whether the text simply ended (a cut
 * payload). `JSON.parse` says only "Unexpected end of JSON input"; a person needs to know which field was cut.
 */
export interface JsonBreak {
  path: string;
  offset: number;
  truncated: boolean;
}

type Frame = { kind: 'object'; key: string | undefined } | { kind: 'array'; index: number };

function pathOf(stack: readonly Frame[]): string {
  let out = '';
  for (const frame of stack) {
    if (frame.kind === 'array') out += `[${frame.index}]`;
    else if (frame.key !== undefined) out += /^[A-Za-z_$][\w$]*$/.test(frame.key) ? (out ? `.${frame.key}` : frame.key) : `[${JSON.stringify(frame.key)}]`;
  }
  return out || '(root)';
}

/** Reads a string literal starting at `start` (a quote): its text and the index after it, 'cut' or 'bad'. */
function readString(text: string, start: number): { value: string; end: number } | 'cut' | 'bad' {
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') i += 2;
    else if (ch === '"') {
      try {
        return { value: JSON.parse(text.slice(start, i + 1)) as string, end: i + 1 };
      } catch {
        return 'bad';
      }
    } else i += 1;
  }
  return 'cut';
}

/** Whether the rest of the text is the start of a number or literal that was cut. */
function isCutLiteral(rest: string): boolean {
  return ['true', 'false', 'null'].some((word) => word.startsWith(rest)) || /^-?\d*(\.\d*)?([eE][-+]?\d*)?$/.test(rest);
}

const LITERAL = /-?\d+(\.\d+)?([eE][-+]?\d+)?|true|false|null/y;

export function findJsonBreak(text: string): JsonBreak {
  const stack: Frame[] = [];
  let i = 0;
  const at = (truncated: boolean): JsonBreak => ({ path: pathOf(stack), offset: truncated ? text.length : i, truncated });
  while (i < text.length) {
    const ch = text.charAt(i);
    const top = stack[stack.length - 1];
    if (/\s|,|:/.test(ch)) {
      if (ch === ',' && top?.kind === 'array') top.index += 1;
      if (ch === ',' && top?.kind === 'object') top.key = undefined;
      i += 1;
    } else if (ch === '{' || ch === '[') {
      stack.push(ch === '{' ? { kind: 'object', key: undefined } : { kind: 'array', index: 0 });
      i += 1;
    } else if (ch === '}' || ch === ']') {
      if (!top || (ch === '}') !== (top.kind === 'object')) return at(false);
      stack.pop();
      i += 1;
    } else if (ch === '"') {
      const read = readString(text, i);
      if (typeof read === 'string') return at(read === 'cut');
      if (top?.kind === 'object' && top.key === undefined) top.key = read.value;
      i = read.end;
    } else if (/[-\dtfn]/.test(ch)) {
      LITERAL.lastIndex = i;
      const literal = LITERAL.exec(text);
      if (!literal) return at(isCutLiteral(text.slice(i)));
      i += literal[0].length;
    } else {
      return at(false);
    }
  }
  return at(stack.length > 0 || text.trim() === '');
}
