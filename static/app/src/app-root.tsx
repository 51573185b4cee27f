/** Starts the app inside Forge's frame: theme, context, then the screen the context asks for. */
import { view } from '@forge/bridge';
import { createRoot } from 'react-dom/client';
import { AdminContainer } from './admin/admin-container';
import { ActionConfigForm } from './automation/action-config-form';
import { EmptyState, ErrorState, Loading } from './components/states';
import { GadgetContainer } from './gadget/gadget-container';
import { GadgetEditContainer } from './gadget/gadget-edit-container';
import { IssuePanelContainer } from './panel/issue-panel-container';
import { ReportContainer } from './report/report-container';
import { routeFor, type Screen } from './route';

function ScreenFor({ screen }: { screen: Screen }) {
  switch (screen.name) {
    case 'issue-panel':
      return <IssuePanelContainer />;
    case 'gadget-view':
      return <GadgetContainer />;
    case 'project-report':
      return <ReportContainer />;
    case 'gadget-edit':
      return <GadgetEditContainer saved={screen.saved} />;
    case 'admin':
      return <AdminContainer />;
    case 'action-config':
      return <ActionConfigForm saved={screen.saved} invalid={screen.invalid} />;
    default:
      return (
        <EmptyState title="This view is not part of Ownership Balance.">
          <p className="muted">Module: {screen.moduleKey ?? 'unknown'}</p>
        </EmptyState>
      );
  }
}

export async function start(container: HTMLElement): Promise<void> {
  const root = createRoot(container);
  root.render(<Loading what="Ownership Balance" />);
  try {
    await view.theme.enable().catch(() => undefined);
    const context: unknown = await view.getContext();
    root.render(<ScreenFor screen={routeFor(context)} />);
  } catch (e) {
    root.render(
      <ErrorState
        message={`This view could not start: ${e instanceof Error ? e.message : 'no context from Jira'}`}
        onRetry={() => window.location.reload()}
      />,
    );
  }
}
