import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { IPARAM_TYPES, PLACEHOLDERS, PRODUCTS, type FrontendPart, type ServerlessPart } from '@callbridge/core';
import { AssembleError } from './config';

const products = z.array(z.enum(PRODUCTS));
const placeholderNames = [...new Set([...PLACEHOLDERS.freshworks_crm, ...PLACEHOLDERS.freshsales])] as [string, ...string[]];

export const frontendPartSchema = z.object({
  placeholders: z.array(
    z.object({ placeholder: z.enum(placeholderNames), entry: z.string(), icon: z.string(), products }),
  ),
  modals: z.array(z.object({ name: z.string(), entry: z.string() })),
});

const requestSchema = z.object({
  schema: z.object({
    protocol: z.string().optional(),
    method: z.string(),
    host: z.string(),
    path: z.string().optional(),
    headers: z.record(z.string(), z.string()).optional(),
    query: z.record(z.string(), z.string()).optional(),
  }),
  options: z.record(z.string(), z.unknown()).optional(),
});
export type RequestsJsonEntry = z.infer<typeof requestSchema>;

const iparamSchema = z.object({
  displayName: z.string(),
  description: z.string().optional(),
  type: z.enum(IPARAM_TYPES),
  required: z.boolean().optional(),
  secure: z.boolean().optional(),
  visible: z.boolean().optional(),
  options: z.array(z.string()).optional(),
  defaultValue: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]).optional(),
  regex: z.object({ name: z.string(), pattern: z.string(), message: z.string() }).optional(),
  onChange: z.string().optional(),
  dataBind: z.enum(['product.domain', 'product.api_key']).optional(),
  products: products.optional(),
});

export const serverlessPartSchema = z.object({
  /** The platform version server.js was compiled for, when the build records it. */
  platformVersion: z.enum(['2.1', '2.2', '2.3']).optional(),
  events: z.array(z.object({ event: z.string(), handler: z.string(), products })),
  functions: z.array(z.object({ name: z.string(), timeout: z.number().optional(), products })),
  iparams: z.record(z.string(), iparamSchema),
  /** The request templates, already in `config/requests.json` form. */
  requests: z.record(z.string(), requestSchema),
});

export type SerializedServerlessPart = z.infer<typeof serverlessPartSchema>;

async function readPart<T>(file: string, schema: z.ZodType<T>, builtBy: string): Promise<T> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new AssembleError(`${file}: not found; build ${builtBy} first (npx nx build ${builtBy})`);
  });
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AssembleError(`${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

export async function readFrontendPart(file: string): Promise<FrontendPart> {
  return readPart(file, frontendPartSchema, 'frontend') as Promise<FrontendPart>;
}

export async function readServerlessPart(
  file: string,
): Promise<{ part: ServerlessPart; requests: Record<string, RequestsJsonEntry>; builtFor: string | undefined }> {
  const raw = await readPart(file, serverlessPartSchema, 'serverless');
  const part: ServerlessPart = {
    events: raw.events,
    functions: raw.functions,
    iparams: raw.iparams,
    requestTemplates: Object.keys(raw.requests).map((name) => ({ name })),
  };
  return { part, requests: raw.requests, builtFor: raw.platformVersion };
}
