/** A database process the project started itself; `stop()` is idempotent. */
export interface EmbeddedDatabase {
  readonly uri: string;
  readonly kind: 'ferretdb' | 'mongodb-memory-server';
  stop(): Promise<void>;
}
