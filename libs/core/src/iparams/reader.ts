import type { IparamDefinitions, IparamValues, PublicIparamName } from './definition';

/** What the front end reads iparams from: the platform's `client.iparams`. */
export interface IparamSource {
  get(): Promise<Record<string, unknown>>;
}

export class SecureIparamError extends Error {
  override name = 'SecureIparamError';
  constructor(readonly iparam: string) {
    super(`iparam "${iparam}" is secure: the front end cannot read it; use it in a request template header or a server method`);
  }
}

export interface IparamReader<D extends IparamDefinitions> {
  get<K extends PublicIparamName<D>>(name: K): Promise<IparamValues<D>[K]>;
}

/**
 * Typed access to the installation's public iparams. Naming a secure iparam is a type error, and a runtime error
 * for callers that get past the types.
 */
export function createIparamReader<D extends IparamDefinitions>(definitions: D, source: IparamSource): IparamReader<D> {
  let all: Promise<Record<string, unknown>> | undefined;
  return {
    async get(name) {
      const def = definitions[name];
      if (!def) throw new Error(`iparam "${name}" is not defined`);
      if (def.secure === true) throw new SecureIparamError(name);
      all ??= source.get();
      const values = await all;
      return (values[name] ?? def.defaultValue) as IparamValues<D>[typeof name];
    },
  };
}
