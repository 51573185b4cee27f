/** @jest-environment jsdom */
import { fakeBridge } from './fake-bridge';
import * as admin from '../../static/app/src/api/admin-api';
import * as gadget from '../../static/app/src/api/gadget-api';
import { invokeResolver, ResolverCallError } from '../../static/app/src/api/invoke-client';
import * as panel from '../../static/app/src/api/panel-api';
import { makeAgreement, makeBackfill, makeGadget, makePanel } from './fixtures';

beforeEach(() => fakeBridge.reset());

const settings = { labelSync: true, roles: {} };
const config = makeGadget().config;

/** Each wrapper, the resolver it calls, the payload it must send and a valid answer. */
const WRAPPERS: Array<[string, () => Promise<unknown>, Record<string, unknown>, unknown]> = [
  ['getIssuePanel', () => panel.getIssuePanel(), {}, makePanel()],
  [
    'setOverride',
    () => panel.setOverride({ kind: 'mixed', note: 'both' }),
    { kind: 'mixed', note: 'both' },
    makePanel(),
  ],
  ['clearOverride', () => panel.clearOverride(), {}, makePanel()],
  ['getGadget', () => gadget.getGadget(), {}, makeGadget()],
  ['validateGadgetConfig', () => gadget.validateGadgetConfig(config), { config }, config],
  ['listProjects', () => gadget.listProjects(), {}, [{ key: 'SHOP', name: 'Storefront' }]],
  ['startBackfill', () => gadget.startBackfill('SHOP'), { projectKey: 'SHOP' }, makeBackfill()],
  ['getBackfillStatus', () => gadget.getBackfillStatus('SHOP'), { projectKey: 'SHOP' }, makeBackfill()],
  [
    'getTeamInsights',
    () => gadget.getTeamInsights(),
    {},
    {
      people: [],
      hierarchy: {
        visionWithoutExecution: [],
        childrenDisagree: [],
        executionWithoutDirection: { count: 0, jql: 'x' },
      },
    },
  ],
  ['getAgreement', () => admin.getAgreement(), {}, makeAgreement()],
  ['resetAdaptation', () => admin.resetAdaptation(), {}, makeAgreement({ adaptation: null })],
  ['getAppSettings', () => admin.getAppSettings(), {}, settings],
  ['saveAppSettings', () => admin.saveAppSettings(settings), { settings }, settings],
];

describe.each(WRAPPERS)('%s', (name, call, payload, data) => {
  it('sends its payload to its resolver and returns the parsed data', async () => {
    fakeBridge.answers[name] = { ok: true, data };
    await expect(call()).resolves.toEqual(data);
    expect(fakeBridge.calls).toEqual([
      { name: 'invoke', payload: { functionKey: name, payload, metadata: undefined } },
    ]);
  });

  it('turns a refusal into a typed error with the resolver’s message', async () => {
    fakeBridge.answers[name] = {
      ok: false,
      error: { code: 'FORBIDDEN', message: 'You may not browse SHOP.' },
    };
    await expect(call()).rejects.toMatchObject({
      name: 'ResolverCallError',
      resolver: name,
      code: 'FORBIDDEN',
      message: 'You may not browse SHOP.',
    });
  });

  it.each([
    ['data of the wrong shape', { ok: true, data: { unexpected: true } }],
    ['no envelope', 'hello'],
    ['an error without a known code', { ok: false, error: { code: 'TEAPOT', message: 'x' } }],
  ])('refuses %s as BAD_RESPONSE', async (_kind, answer) => {
    fakeBridge.answers[name] = answer;
    await expect(call()).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('says the app is unreachable when the bridge throws', async () => {
    fakeBridge.answers[name] = () => { throw new Error('socket hang up'); };
    await expect(call()).rejects.toMatchObject({ code: 'UNREACHABLE' });
  });
});

describe('invokeResolver', () => {
  it('gives up with TIMEOUT when the answer never comes', async () => {
    const never = () => new Promise<unknown>(() => undefined);
    await expect(invokeResolver('getGadget', {}, { invoke: never, timeoutMs: 20 })).rejects.toMatchObject({
      code: 'TIMEOUT',
    });
  });

  it('refuses an invalid payload before calling anything', async () => {
    const invoke = jest.fn();
    await expect(
      invokeResolver('startBackfill', { projectKey: 'not a key' }, { invoke }),
    ).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('its errors are instances of ResolverCallError', async () => {
    const error = await invokeResolver(
      'getGadget',
      {},
      { invoke: async () => ({ ok: false, error: { code: 'INVALID_CONFIG', message: '' } }) },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResolverCallError);
    expect((error as ResolverCallError).message).toMatch(/needs a project/);
  });
});
