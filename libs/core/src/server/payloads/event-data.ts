import { z } from 'zod';
import { changesSchema } from './changes';
import { actorSchema } from './envelope';

const anyAssociations = z.looseObject({});

type RecordDataShape<K extends string, R extends z.ZodType, A extends z.ZodType> = {
  actor: z.ZodOptional<typeof actorSchema>;
  associations: z.ZodOptional<A>;
  changes: z.ZodOptional<typeof changesSchema>;
} & { [P in K]: R };

/**
 * `data` of a record event in both forms the platform sends: Freshworks CRM `{actor, <record>, associations,
 * changes?}` and Freshsales Classic `{<record>, <sideloaded lookups>...}` (no actor, changes on the record).
 */
export function recordEventData<K extends string, R extends z.ZodType, A extends z.ZodType = typeof anyAssociations>(
  key: K,
  record: R,
  associations?: A,
) {
  const shape = {
    actor: actorSchema.optional(),
    associations: (associations ?? anyAssociations).optional(),
    changes: changesSchema.optional(),
    [key]: record,
  } as RecordDataShape<K, R, A>;
  return z.looseObject(shape);
}

function hasRecordChanges(data: Record<string, unknown>, key: string): boolean {
  const record = data[key];
  return data.changes !== undefined || (typeof record === 'object' && record !== null && 'changes' in record);
}

/** Update events must say what changed, in either form; Callbridge decides what to re-index from it. */
export function requireChanges<S extends z.ZodType<Record<string, unknown>>>(schema: S, key: string): S {
  return schema.superRefine((data, ctx) => {
    if (hasRecordChanges(data, key)) return;
    ctx.addIssue({
      code: 'custom',
      path: ['changes'],
      message: `expected what changed: data.changes.model_changes (Freshworks CRM) or data.${key}.changes (Freshsales Classic), received neither`,
    });
  });
}
