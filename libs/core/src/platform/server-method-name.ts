/** Server method (SMI) names the platform accepts; its own module so front-end bundles need not carry the event lists. */
export const SERVER_METHOD_NAME = /^[A-Za-z_][A-Za-z0-9_]{1,39}$/;
