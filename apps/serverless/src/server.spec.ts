import { beforeEach, describe, expect, it, vi } from 'vitest';
import { onAppInstall, onAppUninstall } from './server';

const renderData = vi.fn();
beforeEach(() => {
  renderData.mockReset();
  vi.stubGlobal('renderData', renderData);
});

describe('app setup handlers', () => {
  it('installs in both products', () => {
    for (const name of ['freshworks_crm', 'freshsales']) {
      onAppInstall({ productContext: { name } });
      expect(renderData).toHaveBeenLastCalledWith(null, {});
    }
  });

  it('refuses other products with a message naming the product', () => {
    onAppInstall({ productContext: { name: 'freshdesk' } });
    expect(renderData).toHaveBeenLastCalledWith({ status: 400, message: 'Callbridge cannot be installed in product "freshdesk".' });
    onAppInstall({});
    expect(renderData).toHaveBeenLastCalledWith({ status: 400, message: 'Callbridge cannot be installed in product "undefined".' });
  });

  it('never blocks uninstall', () => {
    onAppUninstall({});
    expect(renderData).toHaveBeenCalledWith(null, {});
  });
});
