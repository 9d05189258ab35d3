import type { ProductName, RequestPlatformVersion } from '@callbridge/core';
import { createFakeRequestApi } from '@callbridge/core/testing';
import type { SetupServer } from 'msw/node';
import type { CrmConnector, ReferenceCache } from '../connector';
import { CrmError } from '../crm-error';
import { createFreshworksConnector } from '../freshworks-connector';
import { CRM_TEMPLATES } from '../templates';
import { createCrmMock, type CrmMock } from './crm-mock';

export interface Setup {
  connector: CrmConnector;
  mock: CrmMock;
}

/** A connector for `product` over the fake platform request API, against an msw CRM mock. */
export function setupConnector(server: Pick<SetupServer, 'use'>, product: ProductName = 'freshworks_crm', version: RequestPlatformVersion = '2.3', cache?: ReferenceCache): Setup {
  const mock = createCrmMock({ product });
  server.use(...mock.handlers);
  const request = createFakeRequestApi({
    iparams: { crm_domain: mock.domain, crm_api_key: 'crm-key' },
    platformVersion: version,
    ...(version === '2.3' && { templates: CRM_TEMPLATES }),
    timeoutMs: 50,
    sleep: () => Promise.resolve(),
  });
  return { connector: createFreshworksConnector({ request, platformVersion: version, product, ...(cache && { cache }) }), mock };
}

export async function crmFailure(promise: Promise<unknown>): Promise<CrmError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof CrmError)) throw new Error(`expected a CrmError, got ${String(error)}`);
  return error;
}
