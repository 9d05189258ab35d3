import type { HostPage } from './host-page';

interface InstallFrameWindow {
  getConfigs?: (configs: Record<string, unknown>) => unknown;
  validate?: () => unknown;
  postConfigs?: () => unknown;
  __fdkShowErrors?: (errors: { iparam: string; message: string }[]) => void;
}

type InstallAnswer = { ok: true; installedAt: string } | { ok: false; errors: { iparam: string; message: string }[] };

/**
 * `/custom_configs`: drives the installation page in its iframe as the platform does: `getConfigs(saved)` when
 * editing, `validate()` (false stops), `postConfigs()` (with `__meta.secure`), then installs through the emulator.
 */
export function startInstallPage(host: HostPage): void {
  const { state } = host;
  const frame = document.getElementById('fdk-install-frame') as HTMLIFrameElement | null;
  const status = document.getElementById('fdk-install-status')!;
  const errors = document.getElementById('fdk-install-errors')!;
  const installButton = document.getElementById('fdk-install') as HTMLButtonElement;
  const uninstallButton = document.getElementById('fdk-uninstall') as HTMLButtonElement;
  const win = () => (frame?.contentWindow ?? {}) as InstallFrameWindow;
  if (frame) host.instances.add({ location: 'installation', product: state.product, frame });

  const showErrors = (list: { iparam: string; message: string }[]) => {
    errors.replaceChildren(
      ...list.map((error) => Object.assign(document.createElement('li'), { textContent: error.iparam.startsWith('(') ? error.message : `${error.iparam}: ${error.message}` })),
    );
    win().__fdkShowErrors?.(list);
  };

  const onLoad = async () => {
    if (frame) frame.style.height = `${Math.max(360, (frame.contentDocument?.body.scrollHeight ?? 0) + 24)}px`;
    if (!state.install?.installed || typeof win().getConfigs !== 'function') return;
    const saved = (await host.backend.get(`/_fdk/api/iparams?product=${state.product}`)) as { values: Record<string, unknown> };
    await win().getConfigs!(saved.values);
  };
  if (frame?.contentDocument?.readyState === 'complete' && frame.contentWindow?.location.href !== 'about:blank') void onLoad();
  frame?.addEventListener('load', () => void onLoad());

  installButton.addEventListener('click', () => {
    void (async () => {
      showErrors([]);
      let values: Record<string, unknown> = {};
      let secure: string[] = [];
      if (frame) {
        const page = win();
        if (typeof page.validate === 'function' && (await page.validate()) === false) {
          showErrors([{ iparam: '(validate)', message: 'validate() returned false: nothing was saved.' }]);
          return;
        }
        if (typeof page.postConfigs !== 'function') {
          showErrors([{ iparam: '(postConfigs)', message: 'The installation page has no postConfigs() function.' }]);
          return;
        }
        const configs: unknown = await page.postConfigs();
        if (typeof configs !== 'object' || configs === null || Array.isArray(configs)) {
          showErrors([{ iparam: '(postConfigs)', message: 'postConfigs() must return an object of iparam values.' }]);
          return;
        }
        const { __meta: meta, ...rest } = JSON.parse(JSON.stringify(configs)) as Record<string, unknown> & { __meta?: { secure?: unknown } };
        values = rest;
        secure = Array.isArray(meta?.secure) ? meta.secure.filter((name): name is string => typeof name === 'string') : [];
      }
      const response = await fetch('/_fdk/install', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ product: state.product, values, secure }),
      });
      const answer = (await response.json()) as InstallAnswer;
      if (!answer.ok) {
        showErrors(answer.errors);
        status.textContent = 'Not saved: fix the fields below.';
        status.className = 'status error';
        return;
      }
      status.textContent = `Installed ${answer.installedAt}.`;
      status.className = 'status ok';
      installButton.textContent = 'Save';
      uninstallButton.hidden = false;
    })();
  });

  uninstallButton.addEventListener('click', () => {
    void fetch('/_fdk/uninstall', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ product: state.product }) }).then(() =>
      location.reload(),
    );
  });
}
