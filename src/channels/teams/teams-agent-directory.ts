import { LRUCache } from 'lru-cache';
import type { UserRef } from '../../core/people';
import type { AgentDirectory } from '../../core/ports/agent-directory';
import type { Level } from '../../core/ticket';

/**
 * Agents of each level from L1_AGENT_IDS / L2_AGENT_IDS / L3_AGENT_IDS, given as AAD object ids (what
 * an admin finds in Entra ID) or Teams user ids (`29:...`). Lapis knows people by their AAD object
 * id; the Teams id of the person acting is learnt from their own activity (`learn`), which always
 * comes before the question whether they are an agent.
 */
export interface TeamsIdentities {
  learn(account: { id: string; aadObjectId?: string | undefined }): void;
  /** Every id the person is known by (their UserRef id first). */
  idsOf(userId: string): readonly string[];
}

/**
 * People remembered: past it, the one not seen the longest is forgotten (and learnt again when they
 * next act).
 */
export const MAX_KNOWN = 20_000;

export function createTeamsIdentities(): TeamsIdentities {
  /** AAD object id -> Teams id; a look (learn or idsOf) counts as a use. */
  const teamsIdOf = new LRUCache<string, string>({ max: MAX_KNOWN });
  return {
    learn(account) {
      const aad = account.aadObjectId?.trim().toLowerCase();
      if (!aad || teamsIdOf.get(aad) === account.id) return;
      teamsIdOf.set(aad, account.id);
    },
    idsOf(userId) {
      const teamsId = teamsIdOf.get(userId.trim().toLowerCase());
      return teamsId ? [userId, teamsId] : [userId];
    },
  };
}

export function createTeamsAgentDirectory(
  agents: Readonly<Record<Level, readonly string[]>>,
  identities: TeamsIdentities,
): AgentDirectory {
  const byLevel: Record<Level, Set<string>> = {
    1: new Set(agents[1].map(normalize)),
    2: new Set(agents[2].map(normalize)),
    3: new Set(agents[3].map(normalize)),
  };
  return {
    isAgent: (user: UserRef, level: Level) =>
      Promise.resolve(
        user.platform === 'teams' &&
          identities.idsOf(user.id).some((id) => byLevel[level].has(normalize(id))),
      ),
  };
}

/** AAD object ids are GUIDs, case-insensitive; Teams ids are compared the same way. */
function normalize(id: string): string {
  return id.trim().toLowerCase();
}
