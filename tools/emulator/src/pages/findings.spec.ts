import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../test/support/app-dir';
import { pagesHarness, type PagesHarness } from '../../test/support/pages-context';

let harness: PagesHarness;
beforeAll(async () => {
  harness = await pagesHarness({
    appDir: `${FIXTURES}broken`,
    validate: () =>
      Promise.resolve({
        errors: [{ rule: 'no-eval', file: 'app/<b>app</b>.js', location: '3:1', message: 'eval can be harmful' }],
        warnings: [],
      }),
  });
});
afterAll(() => harness.close());

describe('findings', () => {
  it('shows validator findings and load problems first on the home page, escaped', async () => {
    const home = await (await harness.fetch('/')).text();
    expect(home).toContain('<section class="card findings" id="findings" role="alert" data-testid="findings">');
    expect(home).toContain('<h2>2 problems in this app</h2>');
    expect(home).toContain('<li class="error">manifest.json: product: lists no product</li>');
    expect(home).toContain('<code>app/&lt;b&gt;app&lt;/b&gt;.js</code> 3:1 eval can be harmful <span class="muted">(no-eval)</span>');
    expect(home.indexOf('id="findings"')).toBeLessThan(home.indexOf('id="contacts"'));
    expect(home).toContain('No placeholders in freshworks_crm');
  });

  it('points other pages at them with a banner', async () => {
    expect(await (await harness.fetch('/freshworks_crm/contacts/101')).text()).toContain('This app has 2 problems: see <a href="/freshworks_crm">the home page</a>.');
  });

  it('shows one warning and no banner when that is all there is', async () => {
    harness.context.findings = { errors: [], warnings: [{ rule: 'complexity', file: 'server/server.js', location: '1:1', message: 'too complex' }] };
    harness.context.app.problems = [];
    const home = await (await harness.fetch('/')).text();
    expect(home).toContain('<h2>0 problems, 1 warning in this app</h2>');
    expect(home).toContain('<li class="warning">');
    expect(await (await harness.fetch('/freshworks_crm/deals/401')).text()).not.toContain('class="banner"');
  });
});
