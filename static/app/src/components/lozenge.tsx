/** The tag as an Atlassian-style lozenge; null reads "Unclassified". */
import type { Kind } from '../../../../src/domain/types';
import { KIND_LABEL } from '../labels';

export function Lozenge({ kind }: { kind: Kind | null }) {
  return <span className={`lozenge ${kind ?? 'none'}`}>{kind ? KIND_LABEL[kind] : 'Unclassified'}</span>;
}
