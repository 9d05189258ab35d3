export { packApp } from './pack-app';
export type { PackOptions, PackResult } from './pack-app';
export { MAX_PACK_BYTES } from './build-pack';
export { PACKED_FILES, PACKED_FOLDERS, isPacked } from './pack-files';
