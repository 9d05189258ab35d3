import { defineConfig, mergeConfig } from 'vitest/config';
import { baseConfig } from '../../vitest.base.ts';

export default mergeConfig(baseConfig, defineConfig({ test: { name: 'workspace-checks', environment: 'node', testTimeout: 60_000, hookTimeout: 120_000 } }));
