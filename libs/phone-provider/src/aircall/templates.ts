import { defineRequestTemplate } from '@callbridge/core';
import { aircallCallListSchema, aircallCallResponseSchema, aircallUserListSchema, aircallWebhookSchema } from './schemas';

/*
 * Aircall's REST API v1 (https://api.aircall.io/v1), Basic auth with the installation's API id and token. The
 * platform substitutes both, so neither ever reaches app code. Only GETs and the idempotent DELETE are retried.
 */

const host = 'api.aircall.io';
const secureIparams = ['phone_api_id', 'phone_api_token'];
const auth = { Authorization: "Basic <%= encode(iparam.phone_api_id + ':' + iparam.phone_api_token) %>" };
const jsonAuth = { ...auth, 'Content-Type': 'application/json' };
const hints = {
  401: 'check the Aircall API ID and token in the installation settings',
  403: 'check the Aircall API ID and token in the installation settings',
};
const read = { maxAttempts: 2, retryDelay: 500 } as const;

export const aircallCreateWebhook = defineRequestTemplate({
  name: 'aircallCreateWebhook',
  schema: { method: 'POST', host, path: '/v1/webhooks', headers: jsonAuth },
  options: { maxAttempts: 1 },
  secureIparams,
  response: aircallWebhookSchema,
  hints,
});

export const aircallDeleteWebhook = defineRequestTemplate({
  name: 'aircallDeleteWebhook',
  schema: { method: 'DELETE', host, path: '/v1/webhooks/<%= context.webhook_id %>', headers: auth },
  options: read,
  secureIparams,
  hints,
});

export const aircallListCalls = defineRequestTemplate({
  name: 'aircallListCalls',
  schema: {
    method: 'GET',
    host,
    path: '/v1/calls',
    headers: auth,
    query: { from: '<%= context.from %>', order: 'asc', page: '<%= context.page %>', per_page: '<%= context.per_page %>' },
  },
  options: read,
  secureIparams,
  response: aircallCallListSchema,
  hints,
});

export const aircallSearchCalls = defineRequestTemplate({
  name: 'aircallSearchCalls',
  schema: {
    method: 'GET',
    host,
    path: '/v1/calls/search',
    headers: auth,
    query: {
      from: '<%= context.from %>',
      order: 'asc',
      page: '<%= context.page %>',
      per_page: '<%= context.per_page %>',
      phone_number: '<%= context.phone_number %>',
    },
  },
  options: read,
  secureIparams,
  response: aircallCallListSchema,
  hints,
});

export const aircallGetCall = defineRequestTemplate({
  name: 'aircallGetCall',
  schema: { method: 'GET', host, path: '/v1/calls/<%= context.call_id %>', headers: auth },
  options: read,
  secureIparams,
  response: aircallCallResponseSchema,
  hints,
});

export const aircallListUsers = defineRequestTemplate({
  name: 'aircallListUsers',
  schema: { method: 'GET', host, path: '/v1/users', headers: auth, query: { per_page: 50 } },
  options: read,
  secureIparams,
  response: aircallUserListSchema,
  hints,
});

export const aircallDial = defineRequestTemplate({
  name: 'aircallDial',
  schema: { method: 'POST', host, path: '/v1/users/<%= context.user_id %>/dial', headers: jsonAuth },
  options: { maxAttempts: 1 },
  secureIparams,
  hints,
});

/** Every Aircall template, for the app's request declarations. */
export const AIRCALL_TEMPLATES = [
  aircallCreateWebhook,
  aircallDeleteWebhook,
  aircallListCalls,
  aircallSearchCalls,
  aircallGetCall,
  aircallListUsers,
  aircallDial,
] as const;
