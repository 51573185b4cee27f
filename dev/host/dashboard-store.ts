/**
 * The dashboard's gadget configurations, as Jira keeps them per gadget: `view.submit` from the
 * gadget's edit view stores one; the view reads it back as `extension.gadgetConfiguration`.
 */
export class DashboardStore {
  private readonly configs = new Map<string, Record<string, unknown>>();

  constructor(private readonly initial: Record<string, unknown> = {}) {}

  get(gadgetId: string): Record<string, unknown> {
    return structuredClone(this.configs.get(gadgetId) ?? this.initial);
  }

  save(gadgetId: string, config: Record<string, unknown>): void {
    this.configs.set(gadgetId, structuredClone(config));
  }
}
