/**
 * A fake Custom UI bridge (globalThis.__bridge) keyed by resolver name, installed when imported —
 * import it before anything that imports @forge/bridge, which captures the bridge as it loads.
 */
export type Answer = unknown | ((payload: Record<string, unknown>) => unknown);

export const fakeBridge = {
  answers: {} as Record<string, Answer>,
  calls: [] as Array<{ name: string; payload: unknown }>,
  context: { moduleKey: 'ownership-panel', extension: { type: 'jira:issuePanel' } } as unknown,
  submitted: [] as unknown[],
  opened: [] as unknown[],
  listeners: {} as Record<string, Array<(payload: unknown) => void>>,
  reset(): void {
    this.answers = {};
    this.calls = [];
    this.submitted = [];
    this.opened = [];
    this.listeners = {};
  },
  emit(event: string, payload: unknown = {}): void {
    for (const listener of this.listeners[event] ?? []) listener(payload);
  },
  invocations(functionKey: string): number {
    return this.calls.filter(
      (c) => c.name === 'invoke' && (c.payload as { functionKey: string }).functionKey === functionKey,
    ).length;
  },
};

async function callBridge(name: string, payload: unknown): Promise<unknown> {
  fakeBridge.calls.push({ name, payload });
  switch (name) {
    case 'invoke': {
      const { functionKey, payload: body } = payload as {
        functionKey: string;
        payload: Record<string, unknown>;
      };
      if (!(functionKey in fakeBridge.answers)) throw new Error(`no answer for ${functionKey}`);
      const answer = fakeBridge.answers[functionKey];
      return typeof answer === 'function'
        ? (answer as (p: Record<string, unknown>) => unknown)(body)
        : answer;
    }
    case 'getContext': return fakeBridge.context;
    case 'on': {
      const { event, callback } = payload as { event: string; callback: (p: unknown) => void };
      (fakeBridge.listeners[event] ??= []).push(callback);
      return {
        unsubscribe: () => {
          fakeBridge.listeners[event] = (fakeBridge.listeners[event] ?? []).filter((c) => c !== callback);
        },
      };
    }
    case 'submit': fakeBridge.submitted.push(payload); return true;
    case 'open': case 'navigate': fakeBridge.opened.push(payload); return undefined;
    default: return undefined;
  }
}

(globalThis as Record<string, unknown>).__bridge = { callBridge };
