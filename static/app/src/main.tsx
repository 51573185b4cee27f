/** One Custom UI bundle, routed by module and entry point: issue panel, gadget view, gadget edit. */
import { view } from '@forge/bridge';
import { createRoot } from 'react-dom/client';
import type { GadgetConfig } from '../../../src/contract';
import { ErrorState } from './components';
import { Gadget, GadgetEdit } from './gadget';
import { IssuePanel } from './issue-panel';
import { AdminPage } from './admin-page';

interface ForgeContext { moduleKey?: string; extension?: { type?: string; entryPoint?: string; gadgetConfiguration?: Partial<GadgetConfig> } }

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  try {
    await view.theme.enable().catch(() => undefined);
    const context = (await view.getContext()) as ForgeContext;
    const ext = context.extension ?? {};
    if (ext.type === 'jira:issuePanel' || context.moduleKey === 'ownership-panel') root.render(<IssuePanel />);
    else if (ext.type === 'jira:adminPage' || context.moduleKey === 'ownership-admin') root.render(<AdminPage />);
    else if (ext.entryPoint === 'edit') root.render(<GadgetEdit initial={ext.gadgetConfiguration ?? {}} />);
    else root.render(<Gadget />);
  } catch (e) {
    root.render(<ErrorState message={`This view could not start: ${(e as Error).message}`} onRetry={() => window.location.reload()} />);
  }
}

void start();
