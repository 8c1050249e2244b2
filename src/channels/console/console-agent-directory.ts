import type { UserRef } from '../../core/people';
import type { AgentDirectory } from '../../core/ports/agent-directory';
import type { Level } from '../../core/ticket';
import { CONSOLE_USERS, levelOfRole, type ConsoleUser } from './console-users';

/** Agents of the local console: a console user is an agent of exactly the level of their role. */
export function createConsoleAgentDirectory(
  users: readonly ConsoleUser[] = CONSOLE_USERS,
): AgentDirectory {
  return {
    isAgent: (user: UserRef, level: Level) =>
      Promise.resolve(
        user.platform === 'console' &&
          users.some((u) => u.id === user.id && levelOfRole(u.role) === level),
      ),
  };
}
