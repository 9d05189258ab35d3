export { createFakePlatform } from './fake-client';
export type { FakePlatform, FakePlatformOptions, FakeClientOptions, FakeModal, ServerMethodHandler, ServerMethodContext, Installation, ConfirmAnswer, ConfirmRecord, NotificationRecord, TriggerRecord, SentMessage } from './fake-client';
export { createFakeRequestApi } from './fake-request';
export type { FakeRequestApiOptions, PlatformRequestRejection } from './fake-request';
