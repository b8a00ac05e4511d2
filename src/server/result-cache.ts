/**
 * Results cached per data version and request (including the caller's scope): repeated
 * dashboard loads do not rescan; a new data version empties the cache.
 */
export class ResultCache {
  private version = -1;
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(private readonly limit = 2000) {}

  get<T>(version: number, key: string, compute: () => Promise<T>): Promise<T> {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const hit = this.entries.get(key);
    if (hit) return hit as Promise<T>;
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value as string);
    const value = compute().catch((error: unknown) => {
      this.entries.delete(key);
      throw error;
    });
    this.entries.set(key, value);
    return value;
  }
}
