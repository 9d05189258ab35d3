import { z } from 'zod';

export const REQUESTS_FILE = 'config/requests.json';
export const MAX_TEMPLATES = 100;

const stringMap = z.record(z.string(), z.string());

export const templateSchema = z.object({
  schema: z.object({
    protocol: z.enum(['https', 'http']).optional(),
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
    host: z.string().min(1),
    path: z.string().optional(),
    headers: stringMap.optional(),
    query: stringMap.optional(),
  }),
  options: z
    .object({
      maxAttempts: z.int().min(1).max(5).optional(),
      retryDelay: z.int().min(0).optional(),
      isOAuth: z.boolean().optional(),
      oauth: z.string().min(1).optional(),
      security: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
});

export type RequestTemplate = z.infer<typeof templateSchema>;

export const TEMPLATE_KEYS = ['schema', 'options'];
export const SCHEMA_KEYS = ['protocol', 'method', 'host', 'path', 'headers', 'query'];
export const OPTION_KEYS = ['maxAttempts', 'retryDelay', 'isOAuth', 'oauth', 'security'];
