import cliProgress from 'cli-progress';
import type { Deps } from '../deps.ts';
import { InvalidInputError, PermissionError } from '../errors.ts';
import type { Actor } from '../features/accounts/actor.ts';
import { findUserById, findUserIdByEmail } from '../features/accounts/people.service.ts';
import type { PeriodRecord } from '../features/periods/periods.service.ts';
import { findPeriod, listPeriods } from '../features/periods/periods.service.ts';
import type { Role } from '../shared/roles.ts';

/**
 * What the commands that work on a program's data share: the period named on the command line,
 * the person the work is done as (so the audit log, the run and the matches say who, as on the
 * web), and a progress bar on stderr.
 */

/** A period by id or by name (any case, surrounding spaces ignored). */
export async function periodNamed(deps: Pick<Deps, 'db'>, ref: string): Promise<PeriodRecord> {
  const wanted = ref.trim();
  if (/^\d+$/.test(wanted)) {
    const byId = await findPeriod(deps.db, Number(wanted));
    if (byId) return byId;
  }
  const periods = await listPeriods(deps.db);
  const byName = periods.find((p) => p.name.trim().toLowerCase() === wanted.toLowerCase());
  if (byName) return byName;
  const known = periods.map((p) => `"${p.name}" (${p.id})`).join(', ');
  throw new InvalidInputError(
    'UNKNOWN_PERIOD',
    `No period is named or numbered "${ref}". ${known ? `Periods: ${known}.` : 'There are no periods yet.'}`,
  );
}

/** The account a command acts as: it must exist, be enabled and hold one of the roles the web page asks for. */
export async function actingAs(deps: Pick<Deps, 'db'>, email: string, roles: readonly Role[], doing: string): Promise<Actor> {
  const id = await findUserIdByEmail(deps.db, email.trim().toLowerCase());
  const user = id === undefined ? undefined : await findUserById(deps.db, id);
  if (!user) throw new InvalidInputError('UNKNOWN_ACCOUNT', `--as: no account has the e-mail address ${email}.`);
  if (user.disabled) throw new PermissionError('ACCOUNT_DISABLED', `--as: the account ${user.email} is disabled.`);
  if (!user.roles.some((r) => roles.includes(r))) {
    throw new PermissionError('FORBIDDEN', `--as: ${user.email} may not ${doing}; that takes the ${roles.join(' or ')} role.`);
  }
  return { userId: user.id, roles: user.roles };
}

export interface ProgressBar {
  update(done: number, total: number): void;
  stop(): void;
}

/** Between two progress lines when stderr is not a terminal (a log, a CI job). */
const LOG_LINE_MS = 2000;

/**
 * Progress on stderr, kept off stdout so the summary can be piped: at a terminal a bar redrawn in
 * place; elsewhere a plain line now and then, and the last state when the step ends.
 */
export function progressBar(label: string, enabled: boolean, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  if (!enabled) return { update: () => undefined, stop: () => undefined };
  if (!stream.isTTY) {
    let last: { done: number; total: number } | undefined;
    let printedAt = -Infinity;
    let printed: typeof last;
    const print = () => {
      if (!last || last === printed) return;
      printed = last;
      printedAt = performance.now();
      const percent = last.total === 0 ? 100 : Math.floor((100 * last.done) / last.total);
      stream.write(`${label}: ${last.done}/${last.total} (${percent}%)\n`);
    };
    return {
      update(done, total) {
        last = { done, total };
        if (performance.now() - printedAt >= LOG_LINE_MS && done < total) print();
      },
      stop() {
        print();
        last = undefined;
        printed = undefined;
      },
    };
  }
  const bar = new cliProgress.SingleBar(
    { stream, format: `${label} [{bar}] {percentage}% | {value}/{total}`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done);
      }
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
