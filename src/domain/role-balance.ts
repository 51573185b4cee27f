/**
 * Role balance: is each person doing their own job? A product manager buried in backlog delivery, or
 * a product owner carrying strategy, is flagged. Roles come from an admin's settings, else are
 * inferred from the work a person owns.
 */
import { strategicShareOf } from './balance';
import type { KindNumbers } from './figures';

export type Role = 'PM' | 'PO';
export type RoleFlag = 'PM_BURIED_IN_BACKLOG' | 'PO_CARRYING_STRATEGY';

export interface PersonBalance extends KindNumbers {
  accountId: string; displayName: string; role: Role | null; roleSource: 'settings' | 'inferred' | null;
  strategicShare: number | null; flag: RoleFlag | null; flagMessage: string | null;
}

/** The most people listed, busiest first. */
export const MAX_PEOPLE = 25;

function flagOf(
  name: string,
  role: Role | null,
  share: number | null,
  total: number,
): Pick<PersonBalance, 'flag' | 'flagMessage'> {
  if (share === null || total < 3) return { flag: null, flagMessage: null };
  if (role === 'PM' && share < 0.3) {
    return {
      flag: 'PM_BURIED_IN_BACKLOG',
      flagMessage:
        `${name} is a product manager, but ${Math.round((1 - share) * 100)}% of their work is backlog ` +
        'delivery: who is setting direction?',
    };
  }
  if (role === 'PO' && share > 0.5) {
    return {
      flag: 'PO_CARRYING_STRATEGY',
      flagMessage:
        `${name} is a product owner carrying strategy (${Math.round(share * 100)}% strategic): ` +
        'is the product manager involved?',
    };
  }
  return { flag: null, flagMessage: null };
}

export function roleBalance(
  people: Record<string, KindNumbers & { name: string }>,
  roles: Record<string, Role>,
): PersonBalance[] {
  return Object.entries(people)
    .filter(([, p]) => p.strategic + p.tactical + p.mixed > 0)
    .map(([accountId, p]): PersonBalance => {
      const share = strategicShareOf({ ...p, unclassified: 0 });
      const set = roles[accountId];
      const role = set ?? (share === null ? null : share >= 0.6 ? 'PM' : share <= 0.25 ? 'PO' : null);
      const total = p.strategic + p.tactical + p.mixed;
      return {
        accountId,
        displayName: p.name,
        role,
        roleSource: set ? 'settings' : role ? 'inferred' : null,
        strategic: p.strategic,
        tactical: p.tactical,
        mixed: p.mixed,
        strategicShare: share,
        ...flagOf(p.name, role, share, total),
      };
    })
    .sort(
      (a, b) =>
        b.strategic + b.tactical + b.mixed - (a.strategic + a.tactical + a.mixed) ||
        a.accountId.localeCompare(b.accountId),
    )
    .slice(0, MAX_PEOPLE);
}
