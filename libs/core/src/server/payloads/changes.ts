import { z } from 'zod';

/** `[old, new]` for one attribute. */
export const changePair = z.tuple([z.unknown(), z.unknown()]);

/**
 * `model_changes`: attribute to `[old, new]`, or a nested object for grouped attributes
 * (`custom_fields: {cf_x: [old, new]}`, `appointment_attendees: {removed: [...]}`, `email_recipients: {changed: [...]}`).
 */
export const modelChangesSchema = z.record(z.string(), z.union([changePair, z.record(z.string(), z.unknown())]));

/** Freshworks CRM form: `data.changes`. */
export const changesSchema = z.looseObject({
  model_changes: modelChangesSchema,
  system_changes: z.record(z.string(), z.unknown()).optional(),
  misc_changes: z.record(z.string(), z.unknown()).optional(),
});

/** Freshsales Classic form: `data.<record>.changes`, flat attribute to `[old, new]`. */
export const classicChangesSchema = z.record(z.string(), changePair);

export type ModelChanges = z.output<typeof modelChangesSchema>;
