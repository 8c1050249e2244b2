import type { Socket } from 'node:net';
import { MongoNetworkError } from 'mongodb';

/**
 * The few members of the driver's connection class (internal to mongodb 7: not in its type
 * definitions) that the guard below touches.
 */
interface DriverConnection {
  readonly socket: Socket;
  readonly id: number | '<monitor>';
  readonly address: string;
  onError(error: Error): void;
  writeCommand(command: unknown, options: unknown): Promise<void>;
}
type DriverConnectionClass = new (stream: Socket, options: unknown) => DriverConnection;

// eslint-disable-next-line @typescript-eslint/no-require-imports -- internal module, no types to import
const loaded = require('mongodb/lib/cmap/connection') as {
  Connection?: { prototype?: { writeCommand?: unknown } };
};
// A driver that moved or renamed it would silently lose the guard: refuse to start instead.
if (typeof loaded.Connection?.prototype?.writeCommand !== 'function')
  throw new Error(
    'mongodb driver changed: Connection.writeCommand is gone (see guarded-connection.ts)',
  );
const Connection = loaded.Connection as unknown as DriverConnectionClass;

/**
 * The driver's connection, except that a command written to a socket the server has already closed
 * fails instead of waiting forever. When the server hangs up (a restart), Node ends and destroys the
 * socket but emits its `close` (which is what tells the driver) only once the handle is closed, later
 * in that turn of the event loop; a command written in between gets `false` from `socket.write`, and
 * the driver waits for a `drain` that a destroyed socket never emits (nor `error`, nor its timeout). Seen
 * with mongodb 7.9: the server monitor's `hello` stuck that way stops all monitoring, so the server
 * stays "unknown" and every operation fails server selection for good; an insert stuck that way
 * holds its group commit (group-commit.ts) and every write queued behind it.
 */
export class GuardedConnection extends Connection {
  override writeCommand(command: unknown, options: unknown): Promise<void> {
    if (this.socket.destroyed) {
      const error = new MongoNetworkError(`connection ${this.id} to ${this.address} closed`);
      // What the close event would do: fail whatever waits on this connection, mark it closed.
      this.onError(error);
      return Promise.reject(error);
    }
    return super.writeCommand(command, options);
  }
}
