/**
 * Who is a product manager and who a product owner: the roles the team-balance view uses (without a role
 * set here, a person's role is inferred from the work they own). Find people by name, set or clear roles.
 */
import { useState } from 'react';
import type { PersonOption } from '../../../../src/contract';
import { Section } from '../components/states';

type Role = 'PM' | 'PO';
const ROLE_LABEL: Record<Role, string> = { PM: 'Product manager (PM)', PO: 'Product owner (PO)' };

export interface RolesSectionProps {
  roles: Record<string, Role>;
  people: PersonOption[];
  busy: boolean;
  onSave: (roles: Record<string, Role>, person?: PersonOption) => void;
  onSearch: (query: string) => Promise<PersonOption[]>;
}

export function RolesSection({ roles, people, busy, onSave, onSearch }: RolesSectionProps) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<PersonOption[] | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const nameOf = (id: string) => people.find((p) => p.accountId === id)?.displayName ?? id;
  const set = (id: string, role: Role | null, person?: PersonOption) => {
    const next = { ...roles };
    if (role) next[id] = role; else delete next[id];
    onSave(next, person);
  };
  const search = () => {
    setSearchError(null);
    onSearch(query.trim()).then(setFound, (e: unknown) => {
      setFound(null);
      setSearchError(e instanceof Error ? e.message : 'Search failed.');
    });
  };
  const ids = Object.keys(roles).sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  return (
    <Section title="People’s roles">
      <p className="muted">
        The team balance compares each person’s work with their role. Without a role set here, it is
        inferred from the work they own.
      </p>
      {ids.length === 0 ? (
        <p className="muted">No roles set yet.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Role</th>
            </tr>
          </thead>
          <tbody>
            {ids.map((id) => (
              <tr key={id}>
                <td>{nameOf(id)}</td>
                <td>
                  <select
                    aria-label={`Role of ${nameOf(id)}`}
                    value={roles[id]}
                    disabled={busy}
                    onChange={(e) => set(id, e.target.value === 'none' ? null : (e.target.value as Role))}
                  >
                    <option value="PM">{ROLE_LABEL.PM}</option>
                    <option value="PO">{ROLE_LABEL.PO}</option>
                    <option value="none">Infer from their work</option>
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (query.trim()) search();
        }}
      >
        <label>
          Find a person
          <input type="search" value={query} maxLength={100} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <button type="submit" disabled={busy || !query.trim()}>
          Find
        </button>
      </form>
      {searchError && (
        <div className="error" role="alert">
          {searchError}
        </div>
      )}
      {found && found.length === 0 && (
        <p className="muted" role="status">
          Nobody found for “{query}”.
        </p>
      )}
      {found && found.length > 0 && (
        <ul className="people">
          {found.map((p) => (
            <li key={p.accountId} className="row">
              <span>{p.displayName}</span>
              <button type="button" disabled={busy} onClick={() => set(p.accountId, 'PM', p)}>
                Set as PM
              </button>
              <button type="button" disabled={busy} onClick={() => set(p.accountId, 'PO', p)}>
                Set as PO
              </button>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
