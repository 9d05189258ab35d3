import type { FindingSink } from './finding';
import type { AppFolder } from './files/app-folder';

export interface ValidateOptions {
  /** How long loading server.js in the sandbox may take before it is reported as hanging. */
  serverLoadTimeoutMs?: number;
}

/** What every check gets: the indexed app folder, where to report, and the options. */
export interface CheckContext {
  folder: AppFolder;
  sink: FindingSink;
  options: Required<ValidateOptions>;
}
