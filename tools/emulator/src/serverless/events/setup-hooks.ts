import type { Installation, SetupHooks } from '../../install/installations';
import type { Schedules } from '../schedule/schedules';
import type { EventRunner } from './event-runner';
import type { TargetUrls } from './target-urls';

/**
 * The installation's hooks: onAppInstall runs (when registered) and an error answer stops the install with the
 * handler's message; onAppUninstall runs and a failure is only logged. Uninstalling also drops the installation's
 * schedules and its external-event URL, as the platform does.
 */
export function setupHooks(runner: EventRunner, targets: TargetUrls, schedules: Schedules, log: (line: string) => void): SetupHooks {
  return {
    async onInstall(installation: Installation) {
      const { product } = installation;
      const fresh = await targets.ensure(product);
      if (!runner.registered(product).onAppInstall) return { ok: true };
      const result = await runner.run(product, 'onAppInstall', runner.base(product, 'onAppInstall'));
      if (result.ok) return { ok: true };
      if (fresh) await targets.forget(product);
      return { ok: false, message: result.error?.message || `onAppInstall failed with status ${result.status}` };
    },
    async onUninstall(installation: Installation) {
      const { product } = installation;
      if (runner.registered(product).onAppUninstall) {
        const result = await runner.run(product, 'onAppUninstall', runner.base(product, 'onAppUninstall'));
        if (!result.ok) log(`onAppUninstall failed in ${product} (${result.status} ${result.error?.message ?? ''}); uninstalled anyway`);
      }
      schedules.removeProduct(product);
      await targets.forget(product);
    },
  };
}
