import { EventEmitter } from 'node:events';

/**
 * The data version: bumped whenever an import lands or terms change, so cached results
 * expire and open dashboards refetch (server-sent events carry the new version).
 */
export class DataEvents {
  private readonly emitter = new EventEmitter();
  private current = Date.now();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  get version(): number {
    return this.current;
  }

  bump(reason: string): number {
    this.current += 1;
    this.emitter.emit('change', { version: this.current, reason });
    return this.current;
  }

  subscribe(listener: (event: { version: number; reason: string }) => void): () => void {
    this.emitter.on('change', listener);
    return () => this.emitter.off('change', listener);
  }

  /** True once the server is stopping: open event streams end, new ones end at once. */
  closing = false;

  /** Ends every open event stream (graceful shutdown). */
  shutdown(): void {
    this.closing = true;
    this.emitter.emit('shutdown');
  }

  onShutdown(listener: () => void): () => void {
    this.emitter.on('shutdown', listener);
    return () => this.emitter.off('shutdown', listener);
  }
}
