import { z } from 'zod';

/**
 * The KB file contract (see docs/kb-format.md): the one schema every article's front matter must pass.
 */
export const frontMatterSchema = z.object({
  id: z
    .string({ error: 'required: a string of a-z, 0-9 and -' })
    .regex(/^[a-z0-9-]+$/, 'must match [a-z0-9-]+ (lowercase letters, digits and -)'),
  lang: z.enum(['en', 'id'], { error: 'required: en or id' }),
  title: z.string({ error: 'required: a non-empty string' }).trim().min(1, 'must not be empty'),
  category: z.string({ error: 'expected a string' }).trim().min(1, 'must not be empty').optional(),
  tags: z
    .array(z.string({ error: 'expected a string' }).trim().min(1, 'must not be empty'), {
      error: 'expected a list of strings, e.g. [password, login]',
    })
    .optional(),
  questions: z
    .array(z.string({ error: 'expected a string' }).trim().min(1, 'must not be empty'), {
      error: 'expected a list of strings',
    })
    .optional(),
});

export type FrontMatter = z.output<typeof frontMatterSchema>;

export const KNOWN_FIELDS: ReadonlySet<string> = new Set(Object.keys(frontMatterSchema.shape));
