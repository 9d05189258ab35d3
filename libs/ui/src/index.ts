export { CbCallList } from './call-list/call-list';
export type { CallListItem } from './call-list/call-list.component';
export { emit } from './events';
export type { CbEventMap } from './events';
export { formatDuration } from './format';
