/** Role balance by person and hierarchy health, presentational. */
import type { TeamInsights } from '../../../../src/contract';
import { Lozenge } from '../components/lozenge';
import { Section } from '../components/states';

type Click = { preventDefault: () => void };

export function TeamView({
  data,
  searchHref,
  onOpenJql,
}: {
  data: TeamInsights;
  searchHref: (jql: string) => string;
  onOpenJql: (event: Click, jql: string) => void;
}) {
  const link = (jql: string, text: string) => (
    <a href={searchHref(jql)} target="_blank" rel="noreferrer" onClick={(e) => onOpenJql(e, jql)}>
      {text}
    </a>
  );
  const h = data.hierarchy;
  return (
    <div className="grid">
      <Section title="Who does which work">
        {data.people.length === 0 ? (
          <p className="muted">No classified work assigned to anyone yet.</p>
        ) : (
          <table className="tally">
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Role</th>
                <th scope="col">Strategic share</th>
                <th scope="col">Tactical share</th>
              </tr>
            </thead>
            <tbody>
              {data.people.map((p) => (
                <tr key={p.accountId}>
                  <td>{p.displayName}</td>
                  <td>{p.role ? `${p.role}${p.roleSource === 'inferred' ? ' (inferred)' : ''}` : '—'}</td>
                  <td>{p.strategicShare === null ? '—' : `${Math.round(p.strategicShare * 100)}%`}</td>
                  <td>
                    {p.strategicShare === null ? '—' : `${100 - Math.round(p.strategicShare * 100)}%`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {data.people
          .filter((p) => p.flagMessage)
          .map((p) => (
            <div key={p.accountId} className="warning" role="note">
              {p.flagMessage}
            </div>
          ))}
      </Section>
      <Section title="Hierarchy health">
        <p className="muted">Strategic epics with no tactical breakdown (vision with no execution):</p>
        {h.visionWithoutExecution.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <ul className="evidence">
            {h.visionWithoutExecution.map((e) => (
              <li key={e.key}>
                {link(`key = ${e.key}`, e.key)} {e.summary}
              </li>
            ))}
          </ul>
        )}
        <p className="muted">Epics whose children are tagged differently:</p>
        {h.childrenDisagree.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <ul className="evidence">
            {h.childrenDisagree.map((e) => (
              <li key={e.key}>
                <Lozenge kind={e.kind} /> {link(`parent = ${e.key}`, e.key)} {e.summary}
              </li>
            ))}
          </ul>
        )}
        <div className="row">
          <span>
            {h.executionWithoutDirection.count} tactical issues have no strategic parent (execution without
            direction).
          </span>
          {h.executionWithoutDirection.count > 0 && link(h.executionWithoutDirection.jql, 'Open them')}
        </div>
      </Section>
    </div>
  );
}
