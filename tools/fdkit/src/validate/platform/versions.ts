/** A platform-version the validator knows: 2.0 to 2.3 fully, 3.x for its manifest structure. */
export interface PlatformVersion {
  raw: string;
  major: 2 | 3;
  minor: number;
}

export const CHECKED_2X_VERSIONS = ['2.0', '2.1', '2.2', '2.3'] as const;

export function parsePlatformVersion(raw: string): PlatformVersion | undefined {
  if ((CHECKED_2X_VERSIONS as readonly string[]).includes(raw)) return { raw, major: 2, minor: Number(raw.slice(2)) };
  const three = /^3\.(\d{1,2})$/.exec(raw);
  if (three) return { raw, major: 3, minor: Number(three[1]) };
  return undefined;
}

/** True when `version` is at least `major.minor`. */
export function atLeast(version: PlatformVersion, major: number, minor: number): boolean {
  return version.major > major || (version.major === major && version.minor >= minor);
}

/** What each 2.x version added to the manifest (PLATFORM-FACTS §1, "Platform versions"). */
export const FEATURE_SINCE = {
  manifestEvents: '2.1',
  omni: '2.1',
  functions: '2.2',
  requests: '2.3',
} as const;

export function supports(version: PlatformVersion, feature: keyof typeof FEATURE_SINCE): boolean {
  const [major, minor] = FEATURE_SINCE[feature].split('.').map(Number) as [number, number];
  return atLeast(version, major, minor);
}
