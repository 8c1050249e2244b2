import { t } from '../../../src/core/i18n/translate';
import type { Inbound } from '../../../src/core/inbound';
import { ACTION_IDS } from '../../../src/core/messages';
import {
  laneOfWork,
  workIdFor,
  workIdOf,
  type QueuedWork,
} from '../../../src/core/pipeline/queued-work';
import * as payloads from '../../../src/core/workflow/payload';
import {
  decodePayload,
  encodePayload,
  payloadLocale,
  readPayload,
} from '../../../src/core/workflow/payload';
import { createHarness, people } from '../../support/helpdesk-harness';
import { textOf } from '../../support/recording-surface';

const press = (payload: string): Inbound => ({
  kind: 'action',
  deliveryId: 'action:U1:1.000001',
  user: { platform: 'slack', id: 'U1' },
  action: 'claim',
  payload,
});

describe('a button payload, read by the core alone', () => {
  it('reads what the core wrote and nothing else', () => {
    const written = encodePayload({ ticket: 't1', level: 2, lang: 'id' });
    expect(readPayload(written)).toEqual({ ticket: 't1', level: 2, lang: 'id' });
    expect(decodePayload(written)).toEqual({ ticket: 't1', level: 2, lang: 'id' });
    for (const forged of ['', 'not json', '{"ticket":{"$ne":null}}', '{"extra":1}', 'null'])
      expect(readPayload(forged)).toBeUndefined();
    expect(() => decodePayload('{"ticket":{"$ne":null}}')).toThrow('unreadable button payload');
  });

  it("answers in the language an employee button carries, else the one it is told (the agents')", () => {
    expect(payloadLocale(encodePayload({ session: 3, lang: 'id' }), 'en')).toBe('id');
    expect(payloadLocale(encodePayload({ ticket: 't1', level: 1 }), 'id')).toBe('id');
    expect(payloadLocale(encodePayload({ ticket: 't1', level: 1 }), 'en')).toBe('en');
    expect(payloadLocale('garbage', 'en')).toBe('en');
  });

  it("puts a press in its ticket's lane, an unreadable one in the person's", () => {
    const lane = (payload: string) => laneOfWork({ kind: 'inbound', event: press(payload) });
    expect(lane(encodePayload({ ticket: 't1', level: 1 }))).toBe('ticket:t1');
    expect(lane(encodePayload({ session: 1 }))).toBe('user:slack:U1');
    expect(lane('{"ticket":{"$ne":null}}')).toBe('user:slack:U1');
    const seen: QueuedWork = { kind: 'seen' };
    expect(laneOfWork(seen)).toBe('seen');
  });

  it('names a delivery one way, whether it is recorded as work or as seen', () => {
    expect(workIdOf(press('{}'))).toBe(workIdFor('slack', 'action:U1:1.000001'));
    expect(workIdFor('teams', 'a1')).toBe('teams:a1');
  });
});

describe('a press whose payload Lapis did not write', () => {
  it('is refused, whatever its button, and changes nothing', async () => {
    const h = createHarness({ agentLocale: 'id' });
    await h.dm(people.budi, 'the printer on floor 3 has a paper jam');
    await h.press(people.budi, h.button('l0_need_help'));
    const session = await h.stores.sessions.get(people.budi);
    const before = h.sent.length;
    // Mangled, forged, or carrying a language among what makes it unreadable.
    const forged = ['not json', '{"ticket":{"$ne":null}}', '{"session":1,"lang":"id","x":1}'];
    let n = 0;
    for (const action of ACTION_IDS)
      for (const payload of forged) {
        const base = { kind: 'action', user: people.budi, action, payload } as const;
        // From the DM: in the employee's language (English here); elsewhere, in the agents'.
        const dm = { platform: 'console', id: 'dm:budi' } as const;
        await h.helpdesk.handle({ ...base, deliveryId: `forged${++n}`, dm });
        await h.helpdesk.handle({ ...base, deliveryId: `forged${++n}` });
      }
    const answers = h.sent.slice(before);
    expect(answers).toHaveLength(ACTION_IDS.length * forged.length * 2);
    for (const [i, answer] of answers.entries()) {
      expect(answer.kind).toBe('ephemeral');
      expect(answer.to).toBe(i % 2 === 0 ? 'budi@dm:budi' : 'budi@?');
      expect(textOf(answer.message)).toBe(t(i % 2 === 0 ? 'en' : 'id', 'error_invalid_input'));
    }
    expect(await h.stores.sessions.get(people.budi)).toEqual(session);
    expect(await h.stores.tickets.listByRequester(people.budi)).toEqual([]);
    await h.helpdesk.stop(1000);
  });
});

describe('a press, handled', () => {
  afterEach(() => jest.restoreAllMocks());

  it('has its payload decoded once, and its flow acts on what was decoded', async () => {
    const readAsWritten = payloads.readPayload;
    // The decoder as it is, except that a rating of 1 is read as 4 and an employee's L0 answer as
    // Indonesian: a flow that read the press for itself would not see either.
    const decode = jest.spyOn(payloads, 'decodePayload').mockImplementation((raw) => {
      const payload = readAsWritten(raw);
      if (!payload) throw new Error('the journey presses only buttons Lapis wrote');
      return {
        ...payload,
        ...(payload.score === 1 ? { score: 4 } : {}),
        ...(payload.session !== undefined ? { lang: 'id' as const } : {}),
      };
    });
    // Any other reading of a payload, outside the decoder.
    const read = jest.spyOn(payloads, 'readPayload');
    const h = createHarness();
    /** A press: its payload decoded once, and read besides only for its lane, at intake. */
    const press = async (...args: Parameters<typeof h.press>) => {
      const [decodes, reads] = [decode.mock.calls.length, read.mock.calls.length];
      await h.press(...args);
      expect(decode.mock.calls.slice(decodes)).toEqual([[args[1].payload]]);
      expect(read.mock.calls.slice(reads)).toEqual([[args[1].payload]]);
    };

    await h.dm(people.budi, 'the printer on floor 3 has a paper jam');
    await press(people.budi, h.button('l0_need_help'));
    // Asked in English; answered in the language the decoded payload gave.
    expect(textOf(h.last('direct', 'dm:budi')!)).toContain(t('id', 'need_help_reply'));
    await press(people.budi, h.button('ticket_form'), {
      category: 'printing',
      impact: 'team',
      urgency: 'degraded',
      details: 'Error E-42',
    });
    const [ticket] = await h.stores.tickets.listByRequester(people.budi);
    expect(ticket?.locale).toBe('id');
    await press(people.ayu, h.button('claim', 'L1'));
    await press(people.ayu, h.button('resolve', 'L1'), { summary: 'Cleared' });
    await press(people.budi, h.button('confirm_resolved', 'dm:budi'));
    const csat = h.button('csat', 'dm:budi');
    await press(people.budi, { ...csat, payload: csat.payload.replace(/"score":\d/, '"score":1') });
    expect((await h.stores.tickets.get(ticket!.id))?.csat?.score).toBe(4);
    await h.helpdesk.stop(1000);
  });
});

describe('a command a channel read already', () => {
  it('is run as it came, whatever the text says', async () => {
    const h = createHarness();
    // As a message, "status" alone is a question; read from a command line it is the ticket list.
    await h.helpdesk.handle({
      kind: 'direct_message',
      deliveryId: 'command:t.1',
      user: people.budi,
      dm: { platform: 'console', id: 'dm:budi' },
      text: 'status',
      command: { name: 'my_tickets' },
    });
    expect(h.last('direct', 'dm:budi')?.text).toBe(t('en', 'my_tickets_none'));
    // Nothing typed at all: the help the command stands for.
    await h.helpdesk.handle({
      kind: 'direct_message',
      deliveryId: 'command:t.2',
      user: people.budi,
      dm: { platform: 'console', id: 'dm:budi' },
      text: '',
      command: { name: 'help' },
    });
    expect(h.last('direct', 'dm:budi')?.text).toBe(t('en', 'help'));
    await h.helpdesk.stop(1000);
  });
});
