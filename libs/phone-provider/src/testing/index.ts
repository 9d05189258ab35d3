export { aircallCall, missedAircallCall, aircallEvent, aircallCallEvents } from './fixtures';
export type { AircallCallJson } from './fixtures';
export { createAircallMock } from './aircall-mock';
export type { AircallMock, AircallMockOptions, AircallOutage } from './aircall-mock';
