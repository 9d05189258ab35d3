import type { RequestPlatformVersion } from '@callbridge/core';

/** Set by scripts/build.ts from fdkit.json; tests and tools that import the sources get 2.1, fdkit.json's default. */
declare const __CALLBRIDGE_PLATFORM_VERSION__: RequestPlatformVersion | undefined;

/**
 * The platform version server.js is built for: 2.1 and 2.2 send free-form requests (whitelisted domains), 2.3
 * invokes the declared request templates. The sandbox cannot tell, so the build decides.
 */
export const PLATFORM_VERSION: RequestPlatformVersion = typeof __CALLBRIDGE_PLATFORM_VERSION__ === 'string' ? __CALLBRIDGE_PLATFORM_VERSION__ : '2.1';
