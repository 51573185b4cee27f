/** Typed calls behind the admin page, one function per resolver. */
import type { Agreement, AppSettingsData, PersonOption, ReconcileStatus } from '../../../../src/contract';
import { invokeResolver, type InvokeFn } from './invoke-client';

type Options = { invoke?: InvokeFn };

export const getAgreement = (o: Options = {}): Promise<Agreement> => invokeResolver('getAgreement', {}, o);
export const resetAdaptation = (o: Options = {}): Promise<Agreement> =>
  invokeResolver('resetAdaptation', {}, o);
export const getAppSettings = (o: Options = {}): Promise<AppSettingsData> =>
  invokeResolver('getAppSettings', {}, o);
export const saveAppSettings = (settings: AppSettingsData, o: Options = {}): Promise<AppSettingsData> =>
  invokeResolver('saveAppSettings', { settings }, o);

export const startReconcile = (projectKey: string, o: Options = {}): Promise<ReconcileStatus> =>
  invokeResolver('startReconcile', { projectKey }, o);

export const getReconcileStatus = (projectKey: string, o: Options = {}): Promise<ReconcileStatus | null> =>
  invokeResolver('getReconcileStatus', { projectKey }, o);

export const findPeople = (query: string, o: Options = {}): Promise<PersonOption[]> =>
  invokeResolver('findPeople', { query }, o);
export const listRolePeople = (o: Options = {}): Promise<PersonOption[]> =>
  invokeResolver('listRolePeople', {}, o);
