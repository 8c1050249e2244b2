import type { Locale } from '../locale';
import type { UserRef } from '../people';

/**
 * A KB article an agent drafted from a resolved ticket and approved (the form's submit is the
 * approval). `kb drafts export` writes it as a KB file (docs/kb-format.md); the ticket it came from is
 * kept here, not in the file, because the format has no field for it and the body is shown to everyone.
 */
export interface KbDraft {
  /** kbDraftId(ticketId): one draft per ticket. */
  readonly id: string;
  readonly ticketId: string;
  /** The ticket's human key (IT-1042), for people reading `kb drafts list`. */
  readonly ticketKey: string;
  /** The article id the file gets: a slug of the title, unique against the KB and other drafts. */
  readonly articleId: string;
  readonly lang: Locale;
  readonly title: string;
  readonly category: string;
  readonly tags: readonly string[];
  readonly questions: readonly string[];
  /** The first paragraph of the body: what chat shows first. */
  readonly summary: string;
  /** The rest of the body: numbered steps, one a line. */
  readonly steps: readonly string[];
  readonly by: UserRef;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** Set once written as a KB file; an exported draft no longer changes. */
  readonly exportedAt?: Date;
  /** Where it was written, relative to the export folder. */
  readonly exportedTo?: string;
}

/** What saving did: stored (new or the latest edit of a draft not exported yet), or refused. */
export type DraftSaveOutcome = 'saved' | 'exported';

/** The port the workflow keeps approved drafts through (src/store implements it). */
export interface KbDrafts {
  /**
   * Stores the draft under its id. The latest edit wins until the draft is exported; after that
   * nothing changes and `exported` is returned. Keeps the first `createdAt`.
   */
  save(draft: Omit<KbDraft, 'exportedAt' | 'exportedTo'>): Promise<DraftSaveOutcome>;
  /** Every draft, oldest first (then by id). */
  list(): Promise<KbDraft[]>;
  /** Records that the draft was written to `file`; false when it was marked (or is unknown) already. */
  markExported(id: string, file: string, at: Date): Promise<boolean>;
}

/** One draft per ticket: a redone or repeated submit of the same ticket's form keeps one draft. */
export function kbDraftId(ticketId: string): string {
  return `draft:${ticketId}`;
}
