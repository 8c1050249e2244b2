import type { CommandStartedEvent, MongoClient } from 'mongodb';
import { Counter, type Registry } from 'prom-client';

/** Command names and collection names are ours or the driver's; anything else is counted as "other". */
const NAME = /^[A-Za-z_][A-Za-z0-9_.]{0,63}$/;

/**
 * lapis_db_commands_total{command, collection}: every command the driver sends (it needs
 * `monitorCommands`, which connectMongo sets). Round trips per kind of event are what limit the rate on
 * one database, so they are counted where they happen rather than estimated.
 */
export function meterDatabaseCommands(client: MongoClient, registry: Registry): void {
  const commands = new Counter({
    name: 'lapis_db_commands_total',
    help: 'Database commands sent, by command (find, insert, update, ...) and collection.',
    labelNames: ['command', 'collection'],
    registers: [registry],
  });
  client.on('commandStarted', (event: CommandStartedEvent) => {
    commands.inc({ command: label(event.commandName), collection: collectionOf(event) });
  });
}

function collectionOf(event: CommandStartedEvent): string {
  const command = event.command as Record<string, unknown>;
  const target = event.commandName === 'getMore' ? command.collection : command[event.commandName];
  return typeof target === 'string' ? label(target) : '';
}

function label(value: string): string {
  return NAME.test(value) ? value : 'other';
}
