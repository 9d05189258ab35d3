// Nx require()s a generator's factory and cannot compile TypeScript on Node 20; tsx compiles it on the way in.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('tsx/cjs/api').register();

export default require('./generator.ts').default;
