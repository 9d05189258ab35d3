/** A small seeded PRNG (mulberry32), so a failing fuzz case can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const STRINGS = ['', ' ', 'x'.repeat(2_000), '+14155550111', '+1 415-555-0111', 'anonymous', '<%= iparam.crm_api_key %>', 'call.ended', 'done', 'Open', 'freshsales', 'freshworks_crm', '../../etc', '\u0000\uffff', '1e9999', 'null', '{"a":1}'];
const NUMBERS = [0, -1, 1, 1.5, 2 ** 53, -(2 ** 53), 1e308, 4711, 1_795_000_000, 402000123456];

function randomValue(random: () => number, depth = 0): Json {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const kind = Math.floor(random() * (depth > 2 ? 5 : 7));
  if (kind === 0) return null;
  if (kind === 1) return random() < 0.5;
  if (kind === 2) return pick(NUMBERS);
  if (kind === 3 || kind === 4) return pick(STRINGS);
  if (kind === 5) return Array.from({ length: Math.floor(random() * 3) }, () => randomValue(random, depth + 1));
  return Object.fromEntries(Array.from({ length: Math.floor(random() * 3) }, () => [pick(['id', 'data', 'call', 'contact', 'token', 'value', 'x']), randomValue(random, depth + 1)]));
}

/** Every path into a JSON value, objects and arrays included. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => pathsOf(item, [...prefix, i]))];
  if (value && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
  return here;
}

/**
 * A payload a few mutations away from `seed`: fields removed, replaced by values of other types, or the whole
 * payload replaced; what a buggy or hostile sender could send.
 */
export function mutate(seed: unknown, random: () => number): unknown {
  if (random() < 0.03) return randomValue(random);
  const copy = structuredClone(seed) as Json;
  const rounds = 1 + Math.floor(random() * 4);
  for (let round = 0; round < rounds; round += 1) {
    const paths = pathsOf(copy).filter((p) => p.length > 0);
    if (paths.length === 0) break;
    const path = paths[Math.floor(random() * paths.length)]!;
    let parent = copy as Record<string | number, Json>;
    for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, Json>;
    const last = path.at(-1)!;
    if (random() < 0.3 && !Array.isArray(parent)) delete parent[last];
    else parent[last] = randomValue(random);
  }
  return copy;
}
