/** Test factories: valid contract objects with overridable fields (makeX({ ...overrides })). */
import type {
  Agreement,
  BackfillStatus,
  GadgetData,
  IssuePanelData,
  StoredClassification,
  TeamInsights,
} from '../../src/contract';

export function makeStored(overrides: Partial<StoredClassification> = {}): StoredClassification {
  return {
    schema: 1,
    kind: 'strategic',
    share: 0.82,
    confidence: 0.8,
    overridden: false,
    rulesVersion: 'r1-test',
    classifiedAt: '2026-11-01T10:00:00.000Z',
    fingerprint: 'abc',
    storyPoints: 3,
    automatic: {
      kind: 'strategic',
      share: 0.82,
      confidence: 0.8,
      evidence: [
        { side: 'PM', signal: 'roadmap', text: 'the 2027 roadmap', seed: '000', weight: 4 },
        { side: 'PO', signal: 'user-story-form', text: 'As a buyer I want', seed: '001', weight: -3 },
      ],
    },
    override: null,
    ...overrides,
  };
}

export function makePanel(overrides: Partial<IssuePanelData> = {}): IssuePanelData {
  return {
    issue: { key: 'SHOP-1', summary: 'Roadmap', type: 'Epic', isEpic: true },
    classification: makeStored(),
    refreshed: false,
    epic: null,
    childBalance: {
      count: { strategic: 1, tactical: 3, mixed: 0, unclassified: 1 },
      points: { strategic: 2, tactical: 8, mixed: 0, unclassified: 0 },
      strategicShareByCount: 0.25,
      strategicShareByPoints: 0.2,
    },
    warnings: [],
    canOverride: true,
    cannotOverrideReason: null,
    overrideByName: null,
    ...overrides,
  };
}

export function makeBackfill(overrides: Partial<BackfillStatus> = {}): BackfillStatus {
  return {
    projectKey: 'SHOP',
    state: 'running',
    done: 40,
    total: 100,
    errors: [],
    startedAt: '2026-11-20T00:00:00.000Z',
    updatedAt: '2026-11-20T00:00:05.000Z',
    ...overrides,
  };
}

export function makeGadget(overrides: Partial<GadgetData> = {}): GadgetData {
  return {
    config: {
      projectKey: 'SHOP',
      period: '90d',
      unit: 'count',
      trend: 'week',
      targetShare: 0.3,
      refreshMinutes: 0,
    },
    project: { key: 'SHOP', name: 'Storefront' },
    balance: {
      count: { strategic: 10, tactical: 60, mixed: 5, unclassified: 2 },
      points: { strategic: 20, tactical: 200, mixed: 10, unclassified: 0 },
      strategicShareByCount: 0.167,
      strategicShareByPoints: 0.11,
    },
    trend: [
      {
        start: '2026-09-07',
        count: { strategic: 1, tactical: 5, mixed: 0, unclassified: 0 },
        points: { strategic: 2, tactical: 10, mixed: 0, unclassified: 0 },
      },
      {
        start: '2026-09-14',
        count: { strategic: 2, tactical: 4, mixed: 1, unclassified: 0 },
        points: { strategic: 3, tactical: 9, mixed: 1, unclassified: 0 },
      },
    ],
    target: {
      share: 0.3,
      drift: -0.13,
      message: 'Strategic work is 13 percentage points under target (17% against 30%).',
    },
    jql: {
      all: 'project = "SHOP"',
      strategic: 'project = "SHOP" AND ownershipKind = strategic',
      tactical: 'project = "SHOP" AND ownershipKind = tactical',
      mixed: 'project = "SHOP" AND ownershipKind = mixed',
      unclassified: 'project = "SHOP" AND ownershipKind IS EMPTY',
    },
    topEpics: {
      strategic: [{ key: 'SHOP-1', summary: 'Vision', type: 'Epic', kind: 'strategic', share: 0.9 }],
      tactical: [{ key: 'SHOP-7', summary: 'Checkout fixes', type: 'Epic', kind: 'tactical', share: 0.1 }],
    },
    backfill: null,
    generatedAt: '2026-11-20T00:00:00.000Z',
    ...overrides,
  };
}

export function makeInsights(overrides: Partial<TeamInsights> = {}): TeamInsights {
  return {
    people: [
      {
        accountId: 'a1',
        displayName: 'Alice',
        role: 'PM',
        roleSource: 'settings',
        strategic: 4,
        tactical: 10,
        mixed: 0,
        strategicShare: 0.28,
        flag: 'PM_BURIED_IN_BACKLOG',
        flagMessage: 'Alice is a PM but mostly carries backlog work.',
      },
    ],
    hierarchy: {
      visionWithoutExecution: [],
      childrenDisagree: [],
      executionWithoutDirection: { count: 3, jql: 'project = SHOP AND parent IS EMPTY' },
    },
    ...overrides,
  };
}

export function makeAgreement(overrides: Partial<Agreement> = {}): Agreement {
  const t = { confirmed: 2, overridden: 1 };
  return {
    classified: 40,
    reviewed: { confirmed: 6, overridden: 3 },
    byKind: { strategic: t, tactical: t, mixed: t },
    byWeek: [{ start: '2026-11-16', ...t }],
    adaptation: {
      learnedFrom: 3,
      learnedAt: '2026-11-20T00:00:00.000Z',
      signals: [{ signal: 'roadmap', factor: 0.8, overrides: 2 }],
      calibration: { logit: -0.5, reviews: 12 },
    },
    heldOut: { trained: 96, heldOut: 24, agreementBefore: 0.5, agreementAfter: 1 },
    ...overrides,
  };
}
