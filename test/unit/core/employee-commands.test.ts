import fc from 'fast-check';
import {
  commandText,
  parseEmployeeCommand,
  type EmployeeCommand,
} from '../../../src/core/employee-commands';

describe('employee commands', () => {
  it.each<[string, EmployeeCommand]>([
    ['help', { name: 'help' }],
    [' Bantuan ', { name: 'help' }],
    ['menu', { name: 'help' }],
    ['my tickets', { name: 'my_tickets' }],
    ['Tiket saya dong', { name: 'my_tickets' }],
    ['tiketku', { name: 'my_tickets' }],
    ['daftar tiket', { name: 'my_tickets' }],
    ['status IT-1001', { name: 'status', key: 'IT-1001' }],
    ['cek it-7 ya', { name: 'status', key: 'IT-7' }],
    ['check IT-42', { name: 'status', key: 'IT-42' }],
    ['it-1001', { name: 'status', key: 'IT-1001' }],
    ['cancel IT-1001', { name: 'cancel', key: 'IT-1001' }],
    ['batalkan tiket IT-9', { name: 'cancel', key: 'IT-9' }],
    ['queue', { name: 'queue' }],
    ['Antrian', { name: 'queue' }],
  ])('in a message, %p is %p', (text, command) => {
    expect(parseEmployeeCommand(text)).toEqual(command);
    expect(parseEmployeeCommand(text, 'command_line')).toEqual(command);
  });

  it.each([
    '',
    '?',
    'status',
    'tickets',
    'ticket IT-5',
    'tiket IT-5 masih error',
    'help me with my VPN',
    'status printer lantai 3',
    'cancel my meeting',
    'IT-1001 masih belum bisa login',
    'status IT-1234567890',
  ])('in a message, %p is not a command (a question, or a reply for the agent)', (text) => {
    expect(parseEmployeeCommand(text, 'message')).toBeUndefined();
  });

  it.each<[string, EmployeeCommand | undefined]>([
    ['', { name: 'help' }],
    ['  ?', { name: 'help' }],
    ['status', { name: 'my_tickets' }],
    ['Tickets', { name: 'my_tickets' }],
    ['tiket', { name: 'my_tickets' }],
    ['ticket it-5', { name: 'status', key: 'IT-5' }],
    ['tiket IT-5', { name: 'status', key: 'IT-5' }],
    ['tiket IT-5 masih error', undefined],
    ['my vpn is broken', undefined],
  ])('on a command line (/helpdesk), %p is %p', (text, command) => {
    expect(parseEmployeeCommand(text, 'command_line')).toEqual(command);
  });

  it('writes every command in words that parse back to it, from a message', () => {
    const key = fc.integer({ min: 1, max: 999_999_999 }).map((n) => `IT-${n}`);
    const command = fc.oneof(
      fc.constantFrom<EmployeeCommand>({ name: 'help' }, { name: 'my_tickets' }, { name: 'queue' }),
      fc.record({ name: fc.constantFrom('status' as const, 'cancel' as const), key }),
    );
    fc.assert(
      fc.property(command, (c) => {
        expect(parseEmployeeCommand(commandText(c))).toEqual(c);
      }),
    );
  });
});
