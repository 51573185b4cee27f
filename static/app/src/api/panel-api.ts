/** Typed calls behind the issue panel: one function per resolver, results parsed by the contract. */
import type { IssuePanelData, PayloadOf } from '../../../../src/contract';
import { invokeResolver, type InvokeFn } from './invoke-client';

type Options = { invoke?: InvokeFn };

export const getIssuePanel = (o: Options = {}): Promise<IssuePanelData> =>
  invokeResolver('getIssuePanel', {}, o);

export const setOverride = (override: PayloadOf<'setOverride'>, o: Options = {}): Promise<IssuePanelData> =>
  invokeResolver('setOverride', override, o);

export const clearOverride = (o: Options = {}): Promise<IssuePanelData> =>
  invokeResolver('clearOverride', {}, o);
