interface CacheEntry<T> {
  value: T;
  expires: number;
}

/** A tiny in-memory cache with a time to live. */
export class TTLCache<K, V> {
  private readonly entries = new Map<K, CacheEntry<V>>();

  constructor(private ttl: number = 60_000) {}

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.expires < Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: K, value: V): void {
    this.entries.set(key, { value, expires: Date.now() + this.ttl });
  }
}

type Lookup = (slug: string) => Promise<string | null>;
export const cached: Lookup = async (slug) => cache.get(slug) ?? null;
const cache = new TTLCache<string, string>(5 * 60 * 1000);
