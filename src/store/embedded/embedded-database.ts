/** A database process the project started itself; `stop()` is idempotent. */
export interface EmbeddedDatabase {
  readonly uri: string;
  readonly kind: 'ferretdb' | 'mongodb-memory-server';
  stop(): Promise<void>;
  /** The server's current process id, where the project runs it itself (for tests and diagnostics). */
  pid?(): number | undefined;
}
