import type { LoadedApp } from './app/load-app';
import type { Clock } from './clock';
import type { CrmStore } from './crm/store';
import type { Router } from './http/router';
import type { Installations } from './install/installations';

export interface Finding {
  rule: string;
  file: string;
  location: string;
  message: string;
}

export interface Findings {
  errors: Finding[];
  warnings: Finding[];
}

/** Checks an app folder; fdkit passes its validator in so the emulator does not depend on the tools that use it. */
export type Validate = (appDir: string) => Promise<Findings>;

export interface EmulatorOptions {
  appDir: string;
  /** 10001 by default, as `fdk run`; 0 picks a free port. */
  port?: number;
  host?: string;
  validate?: Validate;
  /** Emulated time runs this many times faster than real time. */
  clockSpeed?: number;
  /** Send requests for unknown hosts to the real network instead of refusing them. */
  live?: boolean;
  /** Install at start: one object for every product, or one per product name. */
  iparams?: Record<string, unknown>;
  /** Rebuild and reload pages when the app folder changes. */
  watch?: boolean;
  log?: (line: string) => void;
}

/** What every area of the emulator (pages, client, serverless, CRM, phone) shares. */
export interface EmulatorContext {
  readonly appDir: string;
  readonly options: EmulatorOptions;
  app: LoadedApp;
  findings: Findings;
  readonly store: CrmStore;
  readonly installations: Installations;
  readonly clock: Clock;
  readonly router: Router;
  /**
   * Hosts the emulator answers for in-process, e.g. the emulated accounts' CRM domains and api.aircall.io; the request
   * proxy sends an app's requests for these hosts here instead of the network.
   */
  readonly virtualHosts: Map<string, (request: Request) => Promise<Response>>;
  /** http://localhost:<port>, known once the server listens. */
  baseUrl: string;
  /** Called after the app folder changed and was reloaded. */
  onAppReloaded(listener: () => void): () => void;
  /** Called when the emulator stops, so areas can clear timers and flush files. */
  onClose(listener: () => void | Promise<void>): void;
  log(line: string): void;
}

/** One area registers its routes and wires itself to the shared services. */
export type Area = (context: EmulatorContext) => void | Promise<void>;
