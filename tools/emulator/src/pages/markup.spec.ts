import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonScript, markup, raw } from './markup';

describe('markup', () => {
  it('escapes interpolations and keeps nested markup', () => {
    const name = '<img src=x onerror="alert(1)">';
    expect(markup`<p>${name}</p>`.html).toBe('<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>');
    expect(markup`<ul>${['a', 'b'].map((x) => markup`<li>${x}</li>`)}</ul>`.html).toBe('<ul><li>a</li><li>b</li></ul>');
    expect(markup`${null}${undefined}${false}${0}${raw('<br>')}`.toString()).toBe('0<br>');
    expect(escapeHtml(`'&`)).toBe('&#39;&amp;');
  });

  it('embeds JSON that cannot end its script element', () => {
    const html = jsonScript('state', { name: '</script><script>alert(1)</script>\u2028' }).html;
    expect(html).not.toContain('</script><script>');
    expect(JSON.parse(html.replace(/^<script[^>]*>/, '').replace(/<\/script>$/, ''))).toEqual({ name: '</script><script>alert(1)</script>\u2028' });
  });
});
