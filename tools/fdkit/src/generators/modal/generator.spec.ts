import { describe, expect, it } from 'vitest';
import { generatorTree, textOf } from '../../testing/generator-tree';
import modalGenerator, { contractName } from './generator';

describe('modal generator', () => {
  it('writes the contract in libs/contracts, exported last from its index, and the modal’s front end', () => {
    const tree = generatorTree();
    modalGenerator(tree, { name: 'add-note' });
    const contract = textOf(tree, 'libs/contracts/src/modals/add-note.ts');
    expect(contract).toContain("export const addNoteModal = defineModal({\n  template: 'add-note.html',");
    expect(contract).toContain("import * as v from 'valibot';");
    expect(textOf(tree, 'libs/contracts/src/modals/add-note.spec.ts')).toContain("describe('addNoteModal'");
    expect(textOf(tree, 'libs/contracts/src/index.ts').trimEnd().split('\n').at(-1)).toBe("export { addNoteModal } from './modals/add-note';");
    expect(textOf(tree, 'apps/frontend/src/add-note/add-note.component.ts')).toContain('this.host.modalSession(addNoteModal)');
    expect(textOf(tree, 'apps/frontend/src/add-note/add-note.ts')).toContain("customElements.define('cb-add-note', CbAddNote)");
    expect(textOf(tree, 'apps/frontend/src/add-note/add-note.spec.ts')).toContain("opener.openModal(addNoteModal, { title: 'Add a note'");
    expect(textOf(tree, 'apps/frontend/src/entries/add-note.ts')).toContain("void mount('cb-add-note'");
    expect(textOf(tree, 'apps/frontend/src/app-part/modals/add-note.ts')).toContain("export default { name: 'add-note', entry: 'add-note' } satisfies ModalDefinition;");
  });

  it('names the contract <name>Modal, once', () => {
    expect(contractName('add-note')).toBe('addNoteModal');
    expect(contractName('transfer-modal')).toBe('transferModal');
  });

  it('adds its export on a line of its own when the index ends without a newline', () => {
    const tree = generatorTree();
    tree.write('libs/contracts/src/index.ts', "export { iparams } from './iparams';");
    modalGenerator(tree, { name: 'add-note' });
    expect(textOf(tree, 'libs/contracts/src/index.ts')).toBe("export { iparams } from './iparams';\nexport { addNoteModal } from './modals/add-note';\n");
  });

  it.each([
    ['modal', /modal "modal" is already defined in apps\/frontend\/src\/app-part.ts/],
    ['contact', /apps\/frontend\/src\/entries\/contact.ts already exists/],
    ['Add Note!', /name "Add Note!": use lowercase words and digits joined by -/],
  ])('refuses %s, saying why', (name, message) => {
    const tree = generatorTree();
    expect(() => modalGenerator(tree, { name })).toThrow(message);
  });

  it('refuses a contract name the contracts already export, and needs their index', () => {
    const tree = generatorTree();
    tree.write('libs/contracts/src/index.ts', "export { addNoteModal as addNoteModal } from './elsewhere';\n");
    expect(() => modalGenerator(tree, { name: 'add-note' })).toThrow('libs/contracts/src/index.ts already exports addNoteModal: choose another name');
    tree.delete('libs/contracts/src/index.ts');
    expect(() => modalGenerator(tree, { name: 'add-note' })).toThrow("libs/contracts/src/index.ts: not found; the library's public face must exist to export from it");
  });
});
