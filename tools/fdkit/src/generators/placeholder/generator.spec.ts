import { describe, expect, it } from 'vitest';
import { generatorTree, textOf } from '../../testing/generator-tree';
import placeholderGenerator, { iconSize } from './generator';

const frontend = 'apps/frontend';

describe('placeholder generator', () => {
  it('writes the root component with its three states, its entry, icon, test and app-part file', () => {
    const tree = generatorTree();
    placeholderGenerator(tree, { name: 'CallStats', placeholder: 'full_page_app' });
    const files = tree.listChanges().map((change) => change.path);
    expect(files).toEqual(
      expect.arrayContaining(
        [
          'src/call-stats/call-stats.component.ts',
          'src/call-stats/call-stats.styles.ts',
          'src/call-stats/call-stats.ts',
          'src/call-stats/call-stats.spec.ts',
          'src/call-stats/load.ts',
          'src/entries/call-stats.ts',
          'src/app-part/placeholders/call-stats.ts',
          'icons/call-stats.svg',
        ].map((file) => `${frontend}/${file}`),
      ),
    );
    const component = textOf(tree, `${frontend}/src/call-stats/call-stats.component.ts`);
    expect(component).toContain('export class CbCallStats extends LitElement');
    expect(component).toContain("if (state.status === 'loading') return loadingView();");
    expect(component).toContain("if (state.status === 'error') return errorView(state.message, () => void this.load());");
    expect(textOf(tree, `${frontend}/src/call-stats/call-stats.ts`)).toContain("customElements.define('cb-call-stats', CbCallStats)");
    expect(textOf(tree, `${frontend}/src/call-stats/load.ts`)).toContain('const user = await host.user();');
    expect(textOf(tree, `${frontend}/src/app-part/placeholders/call-stats.ts`)).toContain(
      "placeholder: 'full_page_app',\n  entry: 'call-stats',\n  icon: 'call-stats.svg',\n  products: ['freshworks_crm', 'freshsales'],",
    );
    expect(textOf(tree, `${frontend}/icons/call-stats.svg`)).toMatch(/^<svg [^>]*width="64" height="64"/);
    expect(textOf(tree, `${frontend}/src/call-stats/call-stats.spec.ts`)).toContain("createFakePlatform({ product: 'freshworks_crm' })");
  });

  it('registers in the products that have the placeholder, with a 20 x 20 navigation icon', () => {
    const tree = generatorTree();
    placeholderGenerator(tree, { name: 'chat-log', placeholder: 'left_nav_chat' });
    expect(textOf(tree, `${frontend}/src/app-part/placeholders/chat-log.ts`)).toContain("products: ['freshsales'],");
    expect(textOf(tree, `${frontend}/icons/chat-log.svg`)).toContain('width="20" height="20"');
    expect(iconSize('left_nav_cti')).toBe(20);
  });

  it('reads the record a record menu placeholder sits on', () => {
    const tree = generatorTree();
    placeholderGenerator(tree, { name: 'deal-notes', placeholder: 'deal_entity_menu', products: ' freshsales ' });
    expect(textOf(tree, `${frontend}/src/deal-notes/load.ts`)).toContain("host.record('deal')");
    expect(textOf(tree, `${frontend}/src/deal-notes/deal-notes.spec.ts`)).toContain("platform.setRecord('deal',");
    expect(textOf(tree, `${frontend}/src/app-part/placeholders/deal-notes.ts`)).toContain("products: ['freshsales'],");
  });

  it.each([
    [{ name: 'x', placeholder: 'contact_entity_menu' }, /contact_entity_menu is already rendered by this app/],
    [{ name: 'contact', placeholder: 'full_page_app' }, /apps\/frontend\/src\/entries\/contact.ts already exists: choose another name/],
    [{ name: '9lives', placeholder: 'full_page_app' }, /name "9lives": use lowercase words and digits joined by -/],
    [{ name: 'x', placeholder: 'ticket_sidebar' }, /--placeholder "ticket_sidebar": not a placeholder of Freshworks CRM or Freshsales/],
    [{ name: 'x', placeholder: 'left_nav_chat', products: 'freshworks_crm' }, /--products: placeholder left_nav_chat is not available in freshworks_crm; choose among freshsales/],
    [{ name: 'x', placeholder: 'full_page_app', products: 'zendesk' }, /--products: "zendesk" is not a product/],
  ])('refuses %j, saying why', (options, message) => {
    const tree = generatorTree();
    const before = tree.listChanges().length;
    expect(() => placeholderGenerator(tree, options)).toThrow(message);
    expect(tree.listChanges()).toHaveLength(before);
  });

  it('refuses a placeholder an earlier generated file registers', () => {
    const tree = generatorTree();
    placeholderGenerator(tree, { name: 'call-stats', placeholder: 'full_page_app' });
    expect(() => placeholderGenerator(tree, { name: 'other', placeholder: 'full_page_app' })).toThrow(/full_page_app is already rendered/);
  });

  it('refuses when the app has no product with the placeholder', () => {
    const tree = generatorTree();
    tree.write('fdkit.json', textOf(tree, 'fdkit.json').replace('"freshworks_crm","freshsales"', '"freshworks_crm"'));
    expect(() => placeholderGenerator(tree, { name: 'x', placeholder: 'left_nav_chat' })).toThrow("placeholder left_nav_chat: none of the app's products (fdkit.json) has it");
  });

  it('needs fdkit.json, valid', () => {
    const tree = generatorTree();
    tree.write('fdkit.json', '{"name":"callbridge"}');
    expect(() => placeholderGenerator(tree, { name: 'x', placeholder: 'full_page_app' })).toThrow(/^fdkit.json: description: /);
    tree.write('fdkit.json', '{');
    expect(() => placeholderGenerator(tree, { name: 'x', placeholder: 'full_page_app' })).toThrow(/^fdkit.json: not valid JSON \(/);
    tree.delete('fdkit.json');
    expect(() => placeholderGenerator(tree, { name: 'x', placeholder: 'full_page_app' })).toThrow('fdkit.json: not found at the workspace root');
  });
});
