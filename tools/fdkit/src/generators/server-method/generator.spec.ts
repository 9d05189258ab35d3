import { describe, expect, it } from 'vitest';
import { generatorTree, textOf } from '../../testing/generator-tree';
import serverMethodGenerator from './generator';

describe('server-method generator', () => {
  it('writes the contract, the handler, its declaration, a front-end usage test and tests', () => {
    const tree = generatorTree();
    serverMethodGenerator(tree, { name: 'call-stats', timeout: 15 });
    const contract = textOf(tree, 'libs/contracts/src/methods/call-stats.ts');
    expect(contract).toContain("export const callStats = defineServerMethodContract({\n  name: 'callStats',");
    expect(contract).toContain('timeout: 15,');
    expect(textOf(tree, 'libs/contracts/src/methods/call-stats.spec.ts')).toContain("describe('callStats contract'");
    expect(textOf(tree, 'libs/contracts/src/index.ts').trimEnd().split('\n').at(-1)).toBe("export { callStats } from './methods/call-stats';");
    expect(textOf(tree, 'apps/serverless/src/exports/callStats.ts')).toContain('export const callStats = implementServerMethod(callStatsContract,');
    expect(textOf(tree, 'apps/serverless/src/exports/callStats.spec.ts')).toContain("expect(declaration).toEqual({ name: 'callStats', timeout: 15, products: ['freshworks_crm', 'freshsales'] });");
    expect(textOf(tree, 'apps/serverless/src/app-part/functions/callStats.ts')).toContain(
      "export default { name: callStats.name, timeout: callStats.timeout, products: ['freshworks_crm', 'freshsales'] } satisfies ServerMethodDefinition;",
    );
    expect(textOf(tree, 'apps/frontend/src/server-methods/call-stats.spec.ts')).toContain('host.callServer(callStats, { recordId: 7 })');
  });

  it('answers within 10 seconds unless told, in the products asked for', () => {
    const tree = generatorTree();
    serverMethodGenerator(tree, { name: 'callStats', products: 'freshsales' });
    expect(textOf(tree, 'libs/contracts/src/methods/call-stats.ts')).toContain('timeout: 10,');
    expect(textOf(tree, 'apps/serverless/src/exports/callStats.spec.ts')).toContain("createFakeServerGlobals({ product: 'freshsales' })");
  });

  it.each([
    [{ name: 'findByPhone' }, /name "findByPhone": server.js already exports a handler of that name/],
    [{ name: 'x' }, /name "x": the platform accepts server method names matching/],
    [{ name: 'callStats', timeout: 25 }, /--timeout 25: the platform waits 1 to 20 whole seconds/],
    [{ name: 'callStats', products: 'freshdesk' }, /--products: "freshdesk" is not a product/],
  ])('refuses %j, saying why', (options, message) => {
    const tree = generatorTree();
    const before = tree.listChanges().length;
    expect(() => serverMethodGenerator(tree, options)).toThrow(message);
    expect(tree.listChanges()).toHaveLength(before);
  });

  it('refuses a name the contracts already use', () => {
    const tree = generatorTree();
    tree.write('libs/contracts/src/live/stats.ts', "export const stats = defineServerMethodContract({\n  name: 'callStats',\n});\n");
    expect(() => serverMethodGenerator(tree, { name: 'callStats' })).toThrow('libs/contracts already has a contract or export named callStats');
    const other = generatorTree();
    other.write('libs/contracts/src/index.ts', "export { callStats } from './elsewhere';\n");
    expect(() => serverMethodGenerator(other, { name: 'callStats' })).toThrow('libs/contracts already has a contract or export named callStats');
  });

  it('refuses a name an earlier generated method took', () => {
    const tree = generatorTree();
    serverMethodGenerator(tree, { name: 'callStats' });
    expect(() => serverMethodGenerator(tree, { name: 'callStats' })).toThrow(/server.js already exports a handler of that name/);
  });
});
