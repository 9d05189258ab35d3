import { defineConfig, mergeConfig } from 'vitest/config';
import { baseConfig } from '../../vitest.base.ts';

export default mergeConfig(
  baseConfig,
  defineConfig({
    test: {
      name: 'emulator',
      environment: 'node',
      // Browser-only scripts (page glue and bundle entries): they run in Chromium, where the e2e tests drive them.
      coverage: { exclude: ['src/browser/dom/**', 'src/browser/client.ts', 'src/browser/host.ts', 'src/browser/iparams-form.ts'] },
    },
  }),
);
