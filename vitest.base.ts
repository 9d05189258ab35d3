import { defineConfig } from 'vitest/config';

// Every project merges this and adds only its name and environment.
export const baseConfig = defineConfig({
  test: {
    watch: false,
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    restoreMocks: true,
    unstubGlobals: true,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/**/*.spec.ts', 'src/testing/**', 'src/**/*.d.ts'],
      reporter: ['text-summary', 'json-summary', 'lcov'],
      reportsDirectory: 'coverage',
      thresholds: { lines: 90, branches: 80, functions: 80, statements: 80 },
    },
  },
});
