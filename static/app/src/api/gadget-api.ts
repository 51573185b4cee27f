/** Typed calls behind the dashboard gadget and its edit view, one function per resolver. */
import type {
  BackfillStatus,
  DataOf,
  GadgetConfig,
  GadgetData,
  TeamInsights,
} from '../../../../src/contract';
import { invokeResolver, type InvokeFn } from './invoke-client';

type Options = { invoke?: InvokeFn };
export type ProjectOption = DataOf<'listProjects'>[number];

export const getGadget = (o: Options = {}): Promise<GadgetData> => invokeResolver('getGadget', {}, o);

/** The server's word on a configuration (the edit view checks it with the schema first). */
export const validateGadgetConfig = (config: unknown, o: Options = {}): Promise<GadgetConfig> =>
  invokeResolver('validateGadgetConfig', { config }, o);

export const listProjects = (o: Options = {}): Promise<ProjectOption[]> =>
  invokeResolver('listProjects', {}, o);

export const startBackfill = (projectKey: string, o: Options = {}): Promise<BackfillStatus> =>
  invokeResolver('startBackfill', { projectKey }, o);

export const getBackfillStatus = (projectKey: string, o: Options = {}): Promise<BackfillStatus> =>
  invokeResolver('getBackfillStatus', { projectKey }, o);

export const getTeamInsights = (o: Options = {}): Promise<TeamInsights> =>
  invokeResolver('getTeamInsights', {}, o);
