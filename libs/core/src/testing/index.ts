export { createFakePlatform } from './fake-client';
export type { FakePlatform, FakePlatformOptions, FakeClientOptions, FakeModal, ServerMethodHandler, ServerMethodContext, Installation, ConfirmAnswer, ConfirmRecord, NotificationRecord, TriggerRecord, SentMessage } from './fake-client';
export { createFakeRequestApi } from './fake-request';
export type { FakeRequestApiOptions, PlatformRequestRejection } from './fake-request';
export { createFakeDb, platformReject } from './fake-db';
export type { FakeDb, FakeDbOptions, FakeDbCall } from './fake-db';
export { createFakeServerGlobals, createFakeSchedule, unconfiguredRequestApi, SCHEDULE_MESSAGES } from './fake-server';
export type { FakeServerGlobals, FakeServerOptions, FakeSchedule, RecordedAnswer } from './fake-server';
