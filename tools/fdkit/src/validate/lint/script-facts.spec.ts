import { describe, expect, it } from 'vitest';
import { analyzeScript } from './analyze-script';

const facts = (source: string) => analyzeScript(source, 'x.js').facts;

describe('script facts', () => {
  it('reads the exports object and 2.0 registrations', () => {
    const found = facts(`exports = {
  events: [{ event: 'onLeadCreate', callback: 'onLead' }, { event: 'x' }, null],
  onLead: function () {},
  'quoted': () => 1,
  async shorthand() {}
};
exports.extra = function () {};
module.exports.more = 1;`);
    expect(found.exportedKeys.map((k) => k.name)).toEqual(['events', 'onLead', 'quoted', 'shorthand', 'extra', 'more']);
    expect(found.exportsDynamic).toBe(false);
    expect(found.eventRegistrations).toEqual([{ event: 'onLeadCreate', callback: 'onLead', line: 2, column: 12 }]);
  });

  it('marks exports it cannot read statically', () => {
    expect(facts('exports = { ...handlers };').exportsDynamic).toBe(true);
    expect(facts('exports = { [name]: f };').exportsDynamic).toBe(true);
    expect(facts('exports = makeHandlers();').exportsDynamic).toBe(true);
    expect(facts('exports = module.exports;').exportsDynamic).toBe(false);
  });

  it('lists requires, templates, server methods and free-form requests', () => {
    const found = facts(`require('lodash'); require(\`./lib/x\`); require(name);
client.request.invokeTemplate('getContact', {});
$request.invokeTemplate("sync");
client.request.invoke('findByPhone', {});
$request.invoke('chained');
client.request.get('https://x');
$request.post('https://y');
other.get('z');`);
    expect(found.requires.map((m) => m.name)).toEqual(['lodash', './lib/x']);
    expect(found.invokedTemplates.map((m) => m.name)).toEqual(['getContact', 'sync']);
    expect(found.invokedFunctions.map((m) => m.name)).toEqual(['findByPhone']);
    expect(found.freeFormRequests.map((m) => `${m.name}@${m.line}`)).toEqual(['get@6', 'post@7']);
  });

  it('lists global functions of a page script', () => {
    const found = facts(`function getConfigs() {}
var postConfigs = function () {};
validate = async () => true;
window.onFormLoad = function () {};
self['onFormUnload'] = () => 1;
function outer() { function inner() {} var notGlobal = function () {}; }
var notAFunction = 1;`);
    expect([...found.globalFunctions].sort()).toEqual(['getConfigs', 'onFormLoad', 'onFormUnload', 'outer', 'postConfigs', 'validate']);
  });
});
