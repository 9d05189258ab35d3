import { defineConfig, mergeConfig } from 'vitest/config';
import { baseConfig } from '../../vitest.base.ts';

// The app under test is dist/fdk, built by `callbridge:build`; there is no source here to measure coverage of.
export default mergeConfig(
  baseConfig,
  defineConfig({ test: { name: 'callbridge-e2e', environment: 'node', testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false } }),
);
