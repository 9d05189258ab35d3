import ts from 'typescript';

/**
 * Lit's `html` and `css` templates ship as written, indentation and all; esbuild leaves template text alone. This
 * collapses what a browser would collapse anyway:
 * - `html`: every run of spaces, tabs and line breaks becomes one space (HTML collapses them the same way outside
 *   `pre`-like elements, which our templates do not write text into);
 * - `css`: the same, then no space around `{`, `}`, `;` and `,`, nor after `:`, nor a `;` before `}`, outside quoted
 *   strings.
 * Only the literal text between `${…}` changes: the expressions, and every other template, are left as they are.
 */
export function minifyTemplates(source: string, fileName = 'source.ts'): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && (node.tag.text === 'html' || node.tag.text === 'css')) {
      const collapse = node.tag.text === 'css' ? collapseCss : collapseHtml;
      const { template } = node;
      const parts = ts.isNoSubstitutionTemplateLiteral(template) ? [template] : [template.head, ...template.templateSpans.map((span) => span.literal)];
      for (const part of parts) {
        // The literal's text between its delimiters: "`" or "}" before, "${" or "`" after.
        const start = part.getStart(file) + 1;
        const end = part.getEnd() - (ts.isNoSubstitutionTemplateLiteral(part) || ts.isTemplateTail(part) ? 1 : 2);
        const raw = source.slice(start, end);
        const text = collapse(raw);
        if (text !== raw) edits.push({ start, end, text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let result = source;
  for (const { start, end, text } of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, start) + text + result.slice(end);
  return result;
}

const WHITESPACE = /[ \t\r\n]+/g;

function collapseHtml(text: string): string {
  return text.replace(WHITESPACE, ' ');
}

function collapseCss(text: string): string {
  // Quoted strings ('Segoe UI', attribute values) keep their spaces.
  return text
    .split(/('[^']*'|"[^"]*")/)
    .map((piece, index) => (index % 2 === 1 ? piece : piece.replace(WHITESPACE, ' ').replace(/ ?([{};,]) ?/g, '$1').replace(/: /g, ':').replace(/;}/g, '}')))
    .join('');
}
