import {
  createTeamsAgentDirectory,
  createTeamsIdentities,
  MAX_KNOWN,
} from '../../../src/channels/teams/teams-agent-directory';

const aad = (i: number) => `0000-AAD-${i}`;
const teamsId = (i: number) => `29:teams-${i}`;

describe('Teams identities, learnt from activities', () => {
  it('knows a person by their AAD object id and their Teams id, whichever the agent list names', async () => {
    const identities = createTeamsIdentities();
    const agents = createTeamsAgentDirectory({ 1: [teamsId(1)], 2: [], 3: [] }, identities);
    const person = { platform: 'teams', id: aad(1) } as const;
    expect(await agents.isAgent(person, 1)).toBe(false);
    identities.learn({ id: teamsId(1), aadObjectId: aad(1) });
    expect(identities.idsOf(aad(1).toLowerCase())).toEqual([aad(1).toLowerCase(), teamsId(1)]);
    expect(await agents.isAgent(person, 1)).toBe(true);
    expect(await agents.isAgent(person, 2)).toBe(false);
  });

  it('past its bound forgets the person not seen the longest, and only them', () => {
    const identities = createTeamsIdentities();
    for (let i = 0; i < MAX_KNOWN; i++) identities.learn({ id: teamsId(i), aadObjectId: aad(i) });
    // The first learnt is asked about again (an agent pressing a button): now the last one forgotten.
    expect(identities.idsOf(aad(0))).toEqual([aad(0), teamsId(0)]);
    identities.learn({ id: teamsId(MAX_KNOWN), aadObjectId: aad(MAX_KNOWN) });
    expect(identities.idsOf(aad(1))).toEqual([aad(1)]);
    for (const i of [0, 2, MAX_KNOWN - 1, MAX_KNOWN])
      expect(identities.idsOf(aad(i))).toEqual([aad(i), teamsId(i)]);
    // Learnt again when they next act.
    identities.learn({ id: teamsId(1), aadObjectId: aad(1) });
    expect(identities.idsOf(aad(1))).toEqual([aad(1), teamsId(1)]);
  });
});
