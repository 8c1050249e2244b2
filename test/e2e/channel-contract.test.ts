import type { Inbound } from '../../src/core/inbound';
import { plain, type OutboundMessage } from '../../src/core/messages';
import type { ConversationRef, MessageRef, Platform, ThreadRef } from '../../src/core/people';
import {
  consoleCase,
  recordingHelpdesk,
  slackCase,
  teamsCase,
  type ChannelCase,
  type ChannelRig,
  type Delivered,
  type RecordingHelpdesk,
} from '../support/channel-cases';
import { TEAMS_SDKS } from '../support/teams-app';

/**
 * The channel contract (src/core/ports/channel.ts), one suite for every channel: each is built as
 * main builds it, over real HTTP with its loopback stand-in for the platform, and used through the
 * Channel interface alone. What reached the platform is read back in one neutral shape (see
 * channel-cases.ts). The core is a stand-in that records what it was handed: the channel is under
 * test, not the core. The steps run in order and share the channel, as its lifecycle does.
 */
const CASES: readonly ChannelCase[] = [
  slackCase(),
  // Each SDK the Teams channel runs on (TEAMS_SDK): botbuilder and the Microsoft 365 Agents SDK.
  ...TEAMS_SDKS.map((sdk) => teamsCase(sdk)),
  consoleCase(),
];

const say = (text: string): OutboundMessage => ({
  text,
  blocks: [{ kind: 'text', spans: [plain(text)] }],
});

/** Everything that reached the platform during `act`. */
async function deliveredBy(rig: ChannelRig, act: () => Promise<unknown>): Promise<Delivered[]> {
  const before = rig.delivered().length;
  await act();
  return rig.delivered().slice(before);
}

/** What was delivered where, leaving out the text (each test looks for its words in it). */
const placed = (delivered: readonly Delivered[]) =>
  delivered.map(({ text: _text, ...where }) => where);

type DirectMessage = Extract<Inbound, { kind: 'direct_message' }>;

const OTHER: Record<Platform, Platform> = { slack: 'teams', teams: 'console', console: 'slack' };

describe.each(CASES)('the $name channel keeps the channel contract', (c) => {
  let rig: ChannelRig;
  const core: RecordingHelpdesk = recordingHelpdesk();
  /** What the steps pass on: the employee's DM as the core got it, and a ticket card. */
  const seen: { dm?: ConversationRef; thread?: ThreadRef; card?: MessageRef } = {};
  const dmEvents = () =>
    core.accepted.filter(
      (a): a is RecordingHelpdesk['accepted'][number] & { event: DirectMessage } =>
        a.event.kind === 'direct_message',
    );

  beforeAll(async () => {
    rig = await c.start();
  });
  afterAll(async () => {
    await rig?.channel.stop();
    await rig?.close();
  });

  it('is of its platform and says where it is reached', () => {
    expect(rig.channel.platform).toBe(c.platform);
    const line = rig.channel.describe(rig.http);
    const addresses = line.match(/https?:\/\/\S+/g) ?? [];
    expect(addresses.length).toBeGreaterThan(0);
    // Each address it names is this server's: where the platform posts, or a folder above it.
    for (const address of addresses) {
      expect(address.startsWith(rig.http)).toBe(true);
      expect(
        address === rig.endpoint || (address.endsWith('/') && rig.endpoint.startsWith(address)),
      ).toBe(true);
    }
  });

  it('refuses an employee message before it is attached, and hands the core nothing', async () => {
    const { status } = await rig.dm('before attach');
    if (c.notAttachedStatus === undefined) expect(status).toBeGreaterThanOrEqual(500);
    else expect(status).toBe(c.notAttachedStatus);
    expect(core.accepted).toEqual([]);
  });

  it("after attach and start, hands the core the employee's DM with its text", async () => {
    rig.channel.attach(core);
    await rig.channel.start();
    const { status } = await rig.dm('my laptop battery drains fast');
    expect(status).toBe(200);
    expect(core.accepted).toHaveLength(1);
    const { event, outcome } = dmEvents()[0]!;
    expect(outcome).toBe('accepted');
    expect(event).toMatchObject({
      kind: 'direct_message',
      user: { platform: c.platform, id: rig.employee.id },
      dm: { platform: c.platform },
      text: 'my laptop battery drains fast',
    });
    expect(event.deliveryId).not.toBe('');
    seen.dm = event.dm;
  });

  if (c.redelivers)
    it('hands the core a redelivered event with the same delivery id, which it takes once', async () => {
      const sent = await rig.dm('is the VPN down');
      expect(await sent.again()).toBe(200);
      expect(sent.status).toBe(200);
      const [first, again] = dmEvents().slice(-2);
      expect(first?.event.text).toBe('is the VPN down');
      expect(again?.event).toEqual(first?.event);
      expect([first?.outcome, again?.outcome]).toEqual(['accepted', 'duplicate']);
    });
  else
    it('has no redeliveries: the same post twice is two messages, each its own delivery', async () => {
      const sent = await rig.dm('is the VPN down');
      expect(await sent.again()).toBe(200);
      const [first, again] = dmEvents().slice(-2);
      expect(again?.event.text).toBe('is the VPN down');
      expect(again?.event.deliveryId).not.toBe(first?.event.deliveryId);
      expect([first?.outcome, again?.outcome]).toEqual(['accepted', 'accepted']);
    });

  it('has the event ready for the core once prepared (where it has a prepare): its kind, named', async () => {
    // `prepare` fills in what the platform left out of the recorded event (Slack: names); a channel
    // without one records events complete.
    const { event } = dmEvents()[0]!;
    const ready = rig.channel.prepare ? await rig.channel.prepare(event) : event;
    expect(ready).toEqual({ ...event, user: rig.employee });
  });

  it('knows its agents: a configured L1 agent is one of L1, not of L2; others are none', async () => {
    const { agents } = rig.channel;
    expect(await agents.isAgent(rig.l1Agent, 1)).toBe(true);
    expect(await agents.isAgent(rig.l1Agent, 2)).toBe(false);
    expect(await agents.isAgent(rig.employee, 1)).toBe(false);
    expect(await agents.isAgent({ platform: c.platform, id: 'nobody-we-know' }, 1)).toBe(false);
    const elsewhere = { ...rig.l1Agent, platform: OTHER[c.platform] };
    expect(await agents.isAgent(elsewhere, 1)).toBe(false);
  });

  it("sends into the employee's DM", async () => {
    let ref: MessageRef | undefined;
    const delivered = await deliveredBy(rig, async () => {
      ref = await rig.channel.surface.sendDirect(seen.dm!, say('Here is what I found'));
    });
    expect(placed(delivered)).toEqual([{ kind: 'message', to: seen.dm!.id, id: ref!.messageId }]);
    expect(delivered[0]!.text).toContain('Here is what I found');
    expect(ref).toMatchObject({ platform: c.platform, channelId: seen.dm!.id });
  });

  it("posts an L1 card into the L1 agents' channel, as the root of its thread", async () => {
    let posted: { thread: ThreadRef; card: MessageRef } | undefined;
    const delivered = await deliveredBy(rig, async () => {
      posted = await rig.channel.surface.postCard(1, say('IT-1 laptop battery'));
    });
    expect(placed(delivered)).toEqual([
      {
        kind: 'message',
        to: rig.levelChannels[1],
        id: posted!.card.messageId,
      },
    ]);
    expect(delivered[0]!.text).toContain('IT-1 laptop battery');
    expect(posted!.thread.platform).toBe(c.platform);
    expect(posted!.card.platform).toBe(c.platform);
    seen.thread = posted!.thread;
    seen.card = posted!.card;
  });

  it("posts an L3 card, with no L3 channel, into the nearest lower level's", async () => {
    const delivered = await deliveredBy(rig, () =>
      rig.channel.surface.postCard(3, say('IT-2 server room')),
    );
    expect(delivered).toMatchObject([{ kind: 'message', to: rig.levelChannels[3] }]);
    expect(delivered[0]!.thread).toBeUndefined();
    expect(delivered[0]!.text).toContain('IT-2 server room');
  });

  it("posts into the lead's channel by its id: a new message there, not a reply", async () => {
    let ref: MessageRef | undefined;
    const delivered = await deliveredBy(rig, async () => {
      ref = await rig.channel.surface.postToChannel(rig.leadChannel, say('Weekly digest'));
    });
    expect(placed(delivered)).toEqual([
      { kind: 'message', to: rig.leadChannel, id: ref!.messageId },
    ]);
    expect(delivered[0]!.text).toContain('Weekly digest');
    expect(ref!.platform).toBe(c.platform);
  });

  it("replies in the card's thread", async () => {
    let ref: MessageRef | undefined;
    const delivered = await deliveredBy(rig, async () => {
      ref = await rig.channel.surface.replyInThread(seen.thread!, say('Ayu is on it'));
    });
    expect(placed(delivered)).toEqual([
      {
        kind: 'message',
        to: rig.levelChannels[1],
        thread: seen.card!.messageId,
        id: ref!.messageId,
      },
    ]);
    expect(delivered[0]!.text).toContain('Ayu is on it');
  });

  it("replaces the card's text", async () => {
    const delivered = await deliveredBy(rig, () =>
      rig.channel.surface.update(seen.card!, say('IT-1 laptop battery: resolved')),
    );
    expect(placed(delivered)).toEqual([
      {
        kind: 'update',
        to: rig.levelChannels[1],
        id: seen.card!.messageId,
      },
    ]);
    expect(delivered[0]!.text).toContain('IT-1 laptop battery: resolved');
  });

  it('says something to one person alone, in a thread and in their DM', async () => {
    const { surface } = rig.channel;
    /** Seen by the employee alone: private where others are, or in their own DM. */
    const alone = (d: Delivered) =>
      (d.kind === 'private' && d.to === rig.employee.id) ||
      (d.kind === 'message' && d.to === seen.dm!.id && d.thread === undefined);
    const inThread = await deliveredBy(rig, () =>
      surface.sendEphemeral(rig.employee, { thread: seen.thread! }, say('Only you')),
    );
    const inDm = await deliveredBy(rig, () =>
      surface.sendEphemeral(rig.employee, { dm: seen.dm! }, say('Just you')),
    );
    for (const [delivered, words] of [
      [inThread, 'Only you'],
      [inDm, 'Just you'],
    ] as const) {
      expect({ delivered: placed(delivered), alone: delivered.map(alone) }).toMatchObject({
        alone: [true],
      });
      expect(delivered[0]!.text).toContain(words);
    }
  });

  it('refuses new events once stopped, and hands the core nothing more', async () => {
    const before = core.accepted.length;
    await rig.channel.stop();
    const { status } = await rig.dm('after stop');
    expect(status).toBeGreaterThanOrEqual(500);
    expect(core.accepted).toHaveLength(before);
  });
});
