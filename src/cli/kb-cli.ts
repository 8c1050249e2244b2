import { Command, Option } from 'commander';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { projectRoot } from '../util/project-root';
import { draftsCommand } from './kb-drafts-cli';
import { learnedCommand } from './kb-learned-cli';
import { formatProblem, readKnowledgeBase } from '../kb/load-kb';
import { answerThresholdFromEnv, minConfirmationsFromEnv, openLearning } from './open-learning';
import { createKnowledgeBase } from '../kb/search/create-knowledge-base';
import { isUsable } from '../kb/search/learning-knowledge-base';
import { learnedPassages } from '../kb/search/article-passages';
import { openSearch, searchSettingsFromEnv } from '../kb/open-search';

/**
 * The KB command line (a contract other tools call, see docs/kb-cli.md):
 *   validate [--kb DIR]         exit 0 and a summary, or 1 and one line per problem
 *   search [--kb DIR] --json [--learned]   queries on stdin, one JSON line out per query, in order
 *   learned list|remove|approve|export   phrasings learned in the bot's database (learned-cli.ts)
 *   drafts list|export DIR     KB articles agents drafted from resolved tickets (drafts-cli.ts)
 */
const program = new Command('kb').description('Lapis knowledge-base tools').showHelpAfterError();
const kbOption = () =>
  new Option('--kb <dir>', 'knowledge-base folder').default(
    path.join(projectRoot(), 'kb'),
    "the project's kb/",
  );

program
  .command('validate')
  .description('check every article file against the KB format')
  .addOption(kbOption())
  .action((opts: { kb: string }) => {
    const result = readKnowledgeBase(opts.kb);
    const errors = result.problems.filter((p) => p.severity === 'error');
    const warnings = result.problems.filter((p) => p.severity === 'warning');
    for (const p of [...errors, ...warnings]) process.stderr.write(`${formatProblem(p)}\n`);
    const ids = new Set(result.articles.map((a) => a.id));
    const langs = (lang: string) => result.articles.filter((a) => a.lang === lang).length;
    if (errors.length) {
      process.stderr.write(`${errors.length} problem(s) in ${result.files} file(s)\n`);
      process.exitCode = 1;
      return;
    }
    process.stdout.write(
      `ok: ${result.files} files, ${ids.size} articles (${langs('en')} en, ${langs('id')} id)` +
        (warnings.length ? `, ${warnings.length} warning(s)` : '') +
        '\n',
    );
  });

program
  .command('search')
  .description('search the KB for each line of stdin (or the given query)')
  .addOption(kbOption())
  .option('--json', 'one JSON object per line: {query, answer, results, suggestions, mode, ms}')
  .option('--explain', 'with the analysed terms (not part of the JSON contract)')
  .option('--limit <n>', 'results per query', (v) => Number.parseInt(v, 10), 5)
  .option('--learned', "also search the phrasings learned in the bot's database (as the bot does)")
  .argument('[query...]', 'a query; stdin is read when none is given')
  .action(
    async (
      words: string[],
      opts: { kb: string; json?: boolean; explain?: boolean; limit: number; learned?: boolean },
    ) => {
      const result = readKnowledgeBase(opts.kb);
      const errors = result.problems.filter((p) => p.severity === 'error');
      if (errors.length) {
        for (const p of errors) process.stderr.write(`${formatProblem(p)}\n`);
        process.exitCode = 1;
        return;
      }
      const learned = opts.learned ? await loadLearned() : [];
      // Exactly the bot's path: the semantic opinion when the model can be had, else words alone.
      const opened = await openSearch(
        result.articles,
        searchSettingsFromEnv(projectRoot(), (msg) => process.stderr.write(`kb: ${msg}\n`)),
      );
      const semantic = await opened.semantic?.extend(learnedPassages(result.articles, learned));
      const threshold = answerThresholdFromEnv();
      const kb = createKnowledgeBase(result.articles, {
        ...(threshold !== undefined ? { answerThreshold: threshold } : {}),
        learned,
        ...(semantic ? { semantic } : {}),
      });
      const answer = async (line: string) => {
        const started = performance.now();
        const found = await kb.search(line, { limit: opts.limit });
        const ms = Math.round((performance.now() - started) * 1000) / 1000;
        if (opts.json) {
          const out: Record<string, unknown> = {
            query: line,
            answer: found.answer,
            results: found.results,
            suggestions: found.suggestions,
            mode: found.mode,
            ms,
          };
          if (opts.explain) out.terms = kb.explain(line).query;
          process.stdout.write(`${JSON.stringify(out)}\n`);
        } else {
          process.stdout.write(
            `${line}\n  answer: ${found.answer ? `${found.answer.id} (${found.answer.score})` : `none [${found.intent}]`}\n`,
          );
          for (const r of found.results)
            process.stdout.write(`    ${r.score.toFixed(3)}  ${r.id}  ${r.title}\n`);
          if (found.suggestions.length)
            process.stdout.write(
              `  suggestions: ${found.suggestions.map((r) => r.id).join(', ')}\n`,
            );
        }
      };
      if (words.length) {
        await answer(words.join(' '));
        return opened.close();
      }
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const line of lines) await answer(line);
      opened.close();
    },
  );

/** The phrasings the bot would search with now (approved, or confirmed often enough). */
async function loadLearned() {
  const opened = await openLearning();
  try {
    const min = minConfirmationsFromEnv();
    return (await opened.learning.learned()).filter((p) => isUsable(p, min));
  } finally {
    await opened.close();
  }
}

program.addCommand(learnedCommand(kbOption));
program.addCommand(draftsCommand());

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
