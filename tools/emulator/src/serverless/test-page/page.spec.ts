import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { testPage } from './page';

const scripts = (html: string) => [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);

describe('the /web/test page', () => {
  it('carries the events as JSON, escaped, and a script that parses', () => {
    const html = testPage({ events: { freshsales: ['onLeadCreate', '</script><b>'] }, problem: undefined, hasServer: true });
    expect(html).toContain('<option>freshsales</option>');
    expect(html).toContain('"\\u003c/script>\\u003cb>"');
    for (const script of scripts(html)) expect(() => new vm.Script(script)).not.toThrow();
  });

  it('says why nothing can run: no server.js, or one that does not compile', () => {
    expect(testPage({ events: {}, problem: undefined, hasServer: false })).toContain('has no server/server.js');
    const broken = testPage({ events: {}, problem: { file: 'server/server.js', line: 2, column: 3, message: 'SyntaxError: <x>' }, hasServer: true });
    expect(broken).toContain('<code>server/server.js:2:3: SyntaxError: &#60;x&#62;</code>');
  });
});
