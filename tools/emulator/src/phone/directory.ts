import { AIRCALL_API_BASE } from './credentials';
import { formatRawDigits } from './raw-digits';

export interface AircallNumberSeed {
  id: number;
  name: string;
  e164: string;
  country: string;
  time_zone: string;
}

export interface AircallUserSeed {
  id: number;
  name: string;
  email: string;
  available: boolean;
  numberIds: readonly number[];
}

/** The company's Aircall lines. */
export const AIRCALL_NUMBERS: readonly AircallNumberSeed[] = [
  { id: 789001, name: 'Sales US', e164: '+14155550100', country: 'US', time_zone: 'America/Los_Angeles' },
  { id: 789002, name: 'Sales UK', e164: '+442079460000', country: 'GB', time_zone: 'Europe/London' },
];

/** Agents: the same people as the CRM's seeded users. Sam is unavailable, so dialling as Sam answers 405. */
export const AIRCALL_USERS: readonly AircallUserSeed[] = [
  { id: 456001, name: 'Riya Rep', email: 'riya@acme.example', available: true, numberIds: [789001] },
  { id: 456002, name: 'Sam Supervisor', email: 'sam@acme.example', available: false, numberIds: [789001, 789002] },
];

const CREATED_AT = '2026-01-05T09:00:00.000Z';

export function numberJson(number: AircallNumberSeed): Record<string, unknown> {
  return {
    id: number.id,
    direct_link: `${AIRCALL_API_BASE}/numbers/${number.id}`,
    name: number.name,
    digits: formatRawDigits(number.e164),
    country: number.country,
    time_zone: number.time_zone,
    open: true,
    availability_status: 'open',
    is_ivr: false,
    live_recording_activated: false,
    created_at: CREATED_AT,
  };
}

/** The short form calls embed under `user`. */
export function userRef(user: AircallUserSeed): Record<string, unknown> {
  return {
    id: user.id,
    direct_link: `${AIRCALL_API_BASE}/users/${user.id}`,
    name: user.name,
    email: user.email,
    available: user.available,
    availability_status: user.available ? 'available' : 'unavailable',
  };
}

export function userJson(user: AircallUserSeed): Record<string, unknown> {
  const numbers = AIRCALL_NUMBERS.filter((n) => user.numberIds.includes(n.id)).map(numberJson);
  return { ...userRef(user), created_at: CREATED_AT, time_zone: 'Etc/UTC', language: 'en-US', numbers };
}
