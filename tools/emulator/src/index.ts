export { startEmulator } from './emulator';
export type { Emulator } from './emulator';
export type { EmulatorOptions, Finding, Findings, Validate } from './context';
export { resetData } from './serverless/reset';
export type { PhoneStateSnapshot } from './phone/automation';
export type { Delivery } from './phone/phone-system';
