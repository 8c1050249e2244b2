import type { UserRef } from '../people';
import type { Level } from '../ticket';

/** Who may act as an agent of a level (configured user ids, or members of that level's channel). */
export interface AgentDirectory {
  isAgent(user: UserRef, level: Level): Promise<boolean>;
}
