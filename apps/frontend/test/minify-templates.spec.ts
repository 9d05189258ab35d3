// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { minifyTemplates } from '../scripts/minify-templates';

describe('minifyTemplates', () => {
  it("collapses the whitespace of Lit's html templates to single spaces, as HTML would, around and between expressions", () => {
    const source = 'const a = html`<ul>\n      ${items.map((i) => html`<li>\n  ${i.name}   <b>x</b>\n</li>`)}\n    </ul>`;';
    expect(minifyTemplates(source)).toBe('const a = html`<ul> ${items.map((i) => html`<li> ${i.name} <b>x</b> </li>`)} </ul>`;');
  });

  it('tightens css templates, keeping the spaces selectors, values and quoted strings need', () => {
    const source = "const s = css`\n  :host {\n    font: 14px/1.43 -apple-system, 'Segoe  UI', Roboto;\n  }\n  .keys .btn,\n  a :focus-visible {\n    margin: 12px 0 4px;\n  }\n`;";
    expect(minifyTemplates(source)).toBe("const s = css` :host{font:14px/1.43 -apple-system,'Segoe  UI',Roboto}.keys .btn,a :focus-visible{margin:12px 0 4px}`;");
  });

  it('leaves other templates, strings and the expressions themselves alone', () => {
    const source = 'const a = `keep\n  this`;\nconst b = other`and\n  this`;\nconst c = "html`no`";\nconst d = html`<p>${`inner\n  text`}</p>`;';
    expect(minifyTemplates(source)).toBe(source);
  });

  it('keeps escapes and non-ASCII spaces as written', () => {
    const source = 'const a = html`<p>a\\u00a0b\u00a0c\\n</p>`;';
    expect(minifyTemplates(source)).toBe(source);
  });
});
