/**
 * The commands an employee can type, in either language: the one grammar for every channel. In a
 * message (a DM) a command must say so plainly, because anything else is a question for the
 * knowledge base or, with an active ticket, a reply for the agent. Text addressed to the bot on its
 * own (Slack's `/helpdesk <text>`) also takes the short forms: nothing or `?` for help, a bare
 * `status` or `tickets` for the list, `ticket IT-123` for one ticket.
 */
export type EmployeeCommand =
  | { readonly name: 'help' }
  | { readonly name: 'my_tickets' }
  /** For agents: the active queue of each of their levels. */
  | { readonly name: 'queue' }
  | { readonly name: 'status'; readonly key: string }
  | { readonly name: 'cancel'; readonly key: string };

/** Where the text was typed: a message, or a command line addressed to the bot (`/helpdesk`). */
export type CommandSource = 'message' | 'command_line';

const KEY = /\b(it-\d{1,9})\b/i;

export function parseEmployeeCommand(
  text: string,
  source: CommandSource = 'message',
): EmployeeCommand | undefined {
  return (
    parseMessageCommand(text) ?? (source === 'command_line' ? parseShortForm(text) : undefined)
  );
}

/** The canonical text of a command: what a message would say to run it. */
export function commandText(command: EmployeeCommand): string {
  if (command.name === 'help') return 'help';
  if (command.name === 'my_tickets') return 'my tickets';
  if (command.name === 'queue') return 'queue';
  return `${command.name} ${command.key}`;
}

function parseMessageCommand(text: string): EmployeeCommand | undefined {
  const normalized = text.trim().toLowerCase();
  const key = KEY.exec(text)?.[1]?.toUpperCase();
  if (/^(my tickets|tiket saya|tiketku|daftar tiket)\b/.test(normalized))
    return { name: 'my_tickets' };
  if (/^(help|bantuan|menu)$/.test(normalized)) return { name: 'help' };
  if (/^(queue|antrian|antrean)$/.test(normalized)) return { name: 'queue' };
  if (key && /^(cancel|batal|batalkan)\b/.test(normalized)) return { name: 'cancel', key };
  if (key && (/^(status|cek|check)\b/.test(normalized) || normalized === key.toLowerCase()))
    return { name: 'status', key };
  return undefined;
}

function parseShortForm(text: string): EmployeeCommand | undefined {
  const normalized = text.trim().toLowerCase();
  if (/^\??$/.test(normalized)) return { name: 'help' };
  if (/^(status|tickets|tiket)$/.test(normalized)) return { name: 'my_tickets' };
  const key = /^(?:ticket|tiket)\s+(it-\d{1,9})$/.exec(normalized)?.[1];
  return key ? { name: 'status', key: key.toUpperCase() } : undefined;
}
