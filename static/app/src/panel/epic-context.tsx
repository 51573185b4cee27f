/** Epic context: a child shows its epic's tag; an epic shows its children's balance and health warnings. */
import type { IssuePanelData } from '../../../../src/contract';
import { BalanceBar } from '../components/bars';
import { Lozenge } from '../components/lozenge';
import { Section } from '../components/states';

export function EpicContext({ data }: { data: IssuePanelData }) {
  const { epic, childBalance, warnings, issue } = data;
  if (!epic && !childBalance && warnings.length === 0) return null;
  return (
    <Section title={issue.isEpic ? 'Child issues' : 'Epic'}>
      {epic && (
        <div className="row">
          <span className="issue-key">{epic.key}</span>
          <span>{epic.summary}</span>
          <Lozenge kind={epic.kind} />
        </div>
      )}
      {childBalance && (
        <div className="grid">
          <BalanceBar tally={childBalance.count} label={issue.isEpic ? 'Children by count' : 'Siblings by count'} unit="" share={childBalance.strategicShareByCount} />
          <BalanceBar tally={childBalance.points} label={issue.isEpic ? 'Children by story points' : 'Siblings by story points'} unit="pts" share={childBalance.strategicShareByPoints} />
        </div>
      )}
      {warnings.map((w) => <div key={w.code} className="warning" role="note">{w.message}</div>)}
    </Section>
  );
}
