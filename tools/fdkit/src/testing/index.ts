export { FIXTURES, applyChange, makeApp, removeApps } from './app-fixture';
export type { AppChange } from './app-fixture';
export { brief, only, validateFixture } from './validate-fixture';
