import type { HttpMethod, JsonObject, KeyValueStore, RequestApi } from './client';

/** The globals the platform's serverless sandbox gives server.js (PLATFORM-FACTS §1 "Serverless"). */

export interface HandlerError {
  status: number;
  message: string;
}

export type RenderData = (error?: HandlerError | null, data?: unknown) => void;
export type GenerateTargetUrl = () => Promise<string>;

export type ScheduleTimeUnit = 'minutes' | 'hours' | 'days';

export interface ScheduleDefinition {
  name: string;
  data: JsonObject;
  /** ISO 8601, UTC, at least five minutes ahead. */
  schedule_at: string;
  repeat?: { time_unit: ScheduleTimeUnit; frequency: number };
}

export interface ScheduleApi {
  create(schedule: ScheduleDefinition): Promise<unknown>;
  fetch(args: { name: string }): Promise<ScheduleDefinition & Record<string, unknown>>;
  update(schedule: ScheduleDefinition): Promise<unknown>;
  delete(args: { name: string }): Promise<unknown>;
}

export type ServerRequestApi = RequestApi;

export interface ServerGlobals {
  renderData: RenderData;
  generateTargetUrl: GenerateTargetUrl;
  $db: KeyValueStore;
  $schedule: ScheduleApi;
  $request: ServerRequestApi;
}

export type { HttpMethod };
