import { FileRefused, type IncomingFile } from '../../../src/core/files';
import type { TicketStore } from '../../../src/core/ports/ticket-store';
import type { QueuedWork } from '../../../src/core/pipeline/queued-work';
import type { Effect } from '../../../src/core/effects';
import { createMemoryTicketStore } from '../../support/fakes/memory-ticket-store';
import { createMemorySessionStore } from '../../support/fakes/memory-session-store';
import { createMemoryWorkQueue } from '../../support/fakes/memory-work-queue';
import { createMemoryFileStore } from '../../support/fakes/memory-file-store';
import { t } from '../../../src/core/i18n/translate';
import { createHarness, people } from '../../support/helpdesk-harness';
import { textOf } from '../../support/recording-surface';

const form = { category: 'printing', impact: 'team', urgency: 'degraded', details: 'E-42' };
const png = new Uint8Array(2048).fill(7);
const screenshot = (id = 'F1', extra: Partial<IncomingFile> = {}): IncomingFile => ({
  id,
  name: 'error.png',
  mimeType: 'image/png',
  source: `src-${id}`,
  ...extra,
});
type Harness = ReturnType<typeof createHarness>;
const filesSent = (h: Harness, to?: string) =>
  h.sent.filter((s) => s.kind === 'file' && (!to || s.to.startsWith(to)));

/** Budi asks, L0 fails, a ticket opens. */
async function openTicket(h: Harness) {
  await h.dm(people.budi, 'the printer on floor 3 has a paper jam');
  await h.press(people.budi, h.button('l0_need_help'));
  await h.press(people.budi, h.button('ticket_form'), form);
  return (await h.stores.tickets.listByRequester(people.budi))[0]!;
}

async function until(check: () => boolean, timeoutMs = 8000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('files and screenshots through the core', () => {
  it('keeps a screenshot sent alone before any ticket, asks what is wrong, and sends it with the ticket', async () => {
    const h = createHarness();
    h.holdFile('src-F1', png);
    await h.dm(people.budi, '', undefined, [screenshot()]);
    expect(textOf(h.last('direct', 'dm:budi')!)).toMatch(
      /I kept error\.png \(2 KB\)\. What is not working\?/,
    );
    expect((await h.files.get('console:F1'))?.size).toBe(2048);
    expect((await h.stores.sessions.get(people.budi))?.files).toEqual([
      { id: 'console:F1', name: 'error.png', mimeType: 'image/png', size: 2048 },
    ]);
    expect(filesSent(h)).toEqual([]);

    const ticket = await openTicket(h);
    expect(ticket.transcript[0]).toMatchObject({
      text: 'the printer on floor 3 has a paper jam',
      files: [{ id: 'console:F1', name: 'error.png', size: 2048 }],
    });
    // Like a thread reply, it waited for the card to be posted.
    await until(() => filesSent(h).length > 0);
    const [sent] = filesSent(h);
    expect(sent?.to).toBe(`${ticket.threads.L1!.channelId}/${ticket.threads.L1!.threadId}`);
    expect(textOf(sent!.message)).toBe('Budi (requester) sent error.png (2 KB)');
    // The name is the sender's text: a user span, which channels escape.
    const [caption] = sent!.message.blocks;
    expect(caption?.kind === 'text' && caption.spans).toContainEqual({
      text: 'error.png',
      user: true,
    });
    expect(Buffer.from(sent!.bytes!)).toEqual(Buffer.from(png));
    expect(textOf(h.latestCard(ticket.cards.L1!.messageId)!)).toMatch(/Files: error\.png \(2 KB\)/);
    // They went with that ticket: the next one does not carry them again.
    expect(filesSent(h)).toHaveLength(1);
    expect(h.fetched).toEqual(['src-F1']);
  });

  it('sends a file at once into the thread of the active ticket, with or without words', async () => {
    const h = createHarness();
    const ticket = await openTicket(h);
    const thread = `${ticket.threads.L1!.channelId}/${ticket.threads.L1!.threadId}`;
    h.holdFile('src-F2', png);
    h.holdFile('src-F3', new Uint8Array(10));
    await h.dm(people.budi, 'here is the screen', undefined, [screenshot('F2')]);
    expect(textOf(h.last('reply', thread)!)).toMatch(/Budi \(requester\): here is the screen/);
    await h.dm(people.budi, '', undefined, [screenshot('F3', { name: 'log.txt' })]);
    expect(filesSent(h, thread).map((s) => textOf(s.message))).toEqual([
      'Budi (requester) sent error.png (2 KB)',
      'Budi (requester) sent log.txt (10 B)',
    ]);
    const stored = (await h.stores.tickets.get(ticket.id))!;
    expect(stored.transcript.slice(-2).map((e) => [e.text, e.files?.map((f) => f.name)])).toEqual([
      ['here is the screen', ['error.png']],
      ['', ['log.txt']],
    ]);
  });

  it("sends an agent's file to the employee; a note's file or a non-agent's stays in the thread", async () => {
    const h = createHarness();
    const ticket = await openTicket(h);
    const { threadId, channelId } = ticket.threads.L1!;
    h.holdFile('src-A1', png);
    h.holdFile('src-A2', png);
    h.holdFile('src-A3', png);
    await h.reply(people.ayu, threadId, channelId, '', undefined, [
      screenshot('A1', { name: 'steps.png' }),
    ]);
    const [toBudi] = filesSent(h, 'dm:budi');
    expect(textOf(toBudi!.message)).toBe('Ayu (IT support) sent steps.png (2 KB)');
    expect(textOf(h.last('reply', 'L1')!)).toMatch(/Sent to Budi/);

    await h.reply(people.ayu, threadId, channelId, '// the log', undefined, [
      screenshot('A2', { name: 'fuser.log' }),
    ]);
    await h.reply(people.sari, threadId, channelId, 'me too', undefined, [screenshot('A3')]);
    expect(filesSent(h, 'dm:budi')).toHaveLength(1);
    expect(textOf(h.last('ephemeral', 'sari')!)).toMatch(/stays in this thread/);
    const stored = (await h.stores.tickets.get(ticket.id))!;
    expect(
      stored.transcript.filter((e) => e.files).map((e) => [e.internal, e.files![0]!.name]),
    ).toEqual([
      [false, 'steps.png'],
      [true, 'fuser.log'],
      [true, 'error.png'],
    ]);
  });

  it('tells the sender, in their language, why a file was not taken, and keeps nothing of it', async () => {
    const h = createHarness({
      filePolicy: { maxBytes: 4096, refusedExtensions: ['exe'] },
    });
    h.holdFile('src-big', new Uint8Array(5000));
    h.holdFile('src-empty', new Uint8Array(0));
    h.holdFile('src-403', new FileRefused('forbidden', 'HTTP 403'));
    h.holdFile('src-exe', png);
    const files: IncomingFile[] = [
      { id: 'exe', name: 'setup.EXE', source: 'src-exe' },
      { id: 'said-big', name: 'a.png', size: 9000, source: 'src-said-big' },
      { id: 'big', name: 'b.png', source: 'src-big' },
      { id: 'empty', name: 'c.png', source: 'src-empty' },
      { id: 'said-empty', name: 'd.png', size: 0, source: 'src-said-empty' },
      { id: '403', name: 'e.png', source: 'src-403' },
    ];
    await h.dm(people.budi, 'printer saya macet', undefined, files);
    const told = h.sent.filter((s) => s.kind === 'direct').map((s) => textOf(s.message));
    expect(told).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/setup\.EXE: jenis file ini \(\.exe\) tidak diterima/),
        expect.stringMatching(/a\.png: ukurannya lebih dari 4 KB\./),
        expect.stringMatching(/b\.png: ukurannya lebih dari 4 KB\./),
        expect.stringMatching(/c\.png: filenya kosong/),
        expect.stringMatching(/d\.png: filenya kosong/),
        expect.stringMatching(/e\.png: saya tidak diizinkan membukanya/),
      ]),
    );
    // Refused before fetching when the platform said enough: the type, the size.
    expect(h.fetched.sort()).toEqual(['src-403', 'src-big', 'src-empty']);
    expect(h.files.puts()).toBe(0);
    expect((await h.stores.sessions.get(people.budi))?.files).toBeUndefined();
    // The words still got their answer.
    expect(told.at(-1)).toMatch(/Apakah ini menyelesaikan masalah Anda\?/);
  });

  it('redone after its worker died past the ticket change, fetches, keeps and sends the file once', async () => {
    const inner = createMemoryTicketStore();
    let dieAfterUpdate = false;
    const tickets: TicketStore = {
      ...inner,
      async update(...args) {
        const after = await inner.update(...args);
        if (dieAfterUpdate && after) {
          dieAfterUpdate = false;
          throw new Error('the worker died after the change');
        }
        return after;
      },
    };
    const h = createHarness({
      stores: {
        tickets,
        sessions: createMemorySessionStore(),
        inbox: createMemoryWorkQueue<QueuedWork>('inbox'),
        outbox: createMemoryWorkQueue<Effect>('outbox'),
      },
    });
    const ticket = await openTicket(h);
    h.holdFile('src-R', png);
    dieAfterUpdate = true;
    await h.dm(people.budi, 'see this', undefined, [screenshot('R')]);
    await until(() => filesSent(h).length > 0);
    await h.helpdesk.idle();
    expect(dieAfterUpdate).toBe(false);
    expect(h.fetched).toEqual(['src-R']);
    expect(h.files.puts()).toBe(1);
    expect(filesSent(h)).toHaveLength(1);
    const stored = (await h.stores.tickets.get(ticket.id))!;
    expect(stored.transcript.filter((e) => e.files)).toHaveLength(1);
  });

  it('sends the files kept since a ticket closed with the follow-up its late Reopen opens', async () => {
    const h = createHarness();
    const ticket = await openTicket(h);
    await h.press(people.ayu, h.button('resolve', 'L1'), { summary: 'Cleared the jam' });
    const reopen = h.button('reopen', 'dm:budi');
    await h.press(people.budi, h.button('confirm_resolved', 'dm:budi'));
    h.holdFile('src-L', png);
    await h.dm(people.budi, '', undefined, [screenshot('L')]);
    await h.press(people.budi, reopen, { problem: 'It jams again' });
    const followUp = (await h.stores.tickets.listByRequester(people.budi)).find(
      (x) => x.followUpOf,
    )!;
    expect(followUp.followUpOf?.key).toBe(ticket.key);
    expect(followUp.transcript[0]?.files?.map((f) => f.id)).toEqual(['console:L']);
    await until(() => filesSent(h).length > 0);
    expect(filesSent(h)[0]!.to).toBe(`L1/${followUp.threads.L1!.threadId}`);
    expect((await h.stores.sessions.get(people.budi))?.files).toBeUndefined();
  });

  it('fetches again a file the platform failed to give for a passing reason, and tells no refusal', async () => {
    const h = createHarness();
    h.holdFile('src-T', new Error('socket hang up'));
    const sent = h.dm(people.budi, '', undefined, [screenshot('T')]);
    await until(() => h.fetched.length === 1);
    h.holdFile('src-T', png);
    await sent;
    await until(() => h.sent.some((s) => s.kind === 'direct'));
    await h.helpdesk.idle();
    expect(h.fetched).toEqual(['src-T', 'src-T']);
    expect(h.sent.map((s) => textOf(s.message))).toEqual([
      'Thanks, I kept error.png (2 KB). What is not working? Tell me in a few words: I will help, or open a ticket with the file attached.',
    ]);
  });

  it('gives up a file the store no longer has, with a trace on the ticket and the agents told', async () => {
    const kept = createMemoryFileStore();
    // Kept as usual, then gone by the time it is sent.
    const losing = { ...kept, get: () => Promise.resolve(undefined) };
    const h = createHarness({ files: losing });
    const ticket = await openTicket(h);
    h.holdFile('src-G', png);
    await h.reply(people.ayu, ticket.threads.L1!.threadId, 'L1', 'the fix', undefined, [
      screenshot('G'),
    ]);
    const unreachable = t('en', 'requester_unreachable', { key: ticket.key });
    await until(() => h.sent.some((s) => textOf(s.message).includes(unreachable)));
    expect(filesSent(h)).toEqual([]);
    const stored = (await h.stores.tickets.get(ticket.id))!;
    const trace = stored.audit.find((a) => a.action === 'delivery_failed')?.detail;
    expect(trace?.what).toBe('file');
    expect(String(trace?.reason)).toMatch(/no longer kept/);
  });
});
