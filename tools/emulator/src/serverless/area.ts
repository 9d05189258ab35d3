import type { Area } from '../context';
import { registerAutomationApi } from './automation/routes';
import { registerBrowserApi } from './http/browser-api';
import { Serverless, type ServerlessOptions } from './serverless';
import { registerTestPage } from './test-page/routes';

/** The serverless area with the platform's time budgets changed; tests use it to avoid 20 s waits. */
export function serverlessAreaWith(options: ServerlessOptions): Area {
  return async (context) => {
    const serverless = new Serverless(context, options);
    registerBrowserApi(context.router, serverless);
    registerAutomationApi(context.router, serverless);
    registerTestPage(context.router, serverless);
    const external = (request: Request, params: Record<string, string>) => serverless.external.receive(request, params.product ?? '', params.token ?? '');
    context.router.post('/_fdk/external/:product/:token', external).put('/_fdk/external/:product/:token', external).patch('/_fdk/external/:product/:token', external);
    context.onAppReloaded(() => void serverless.reload());
    context.onClose(() => serverless.close());
    await serverless.start();
  };
}

/**
 * Runs server.js the way the platform does: app setup, product, external and scheduled events, server methods,
 * `$db`, `$schedule` and `$request`, plus `/web/test` and the `/_emulator/...` automation API.
 */
export const serverlessArea: Area = serverlessAreaWith({});
