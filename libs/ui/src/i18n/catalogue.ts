import type { common } from './en/common';
import type { forms } from './en/forms';
import type { panel } from './en/panel';
import type { phone } from './en/phone';

/**
 * The English catalogue is `en/`, one file per surface: esbuild puts whole files in chunks, so per-surface files let
 * each placeholder bundle only the strings it shows. A component adds its file's group with `addStrings`.
 * Other languages translate some keys and read English for the rest. `{name}` marks a value `t()` fills in.
 */
export type MessageKey = keyof typeof common | keyof typeof panel | keyof typeof forms | keyof typeof phone;
export type Catalogue = Partial<Record<MessageKey, string>>;
