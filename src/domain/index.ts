/** The pure domain: classifier, catalogue and balance math. Imports nothing from Forge. */
export * from './types';
export { classify, RULES_VERSION, tagVersion, textFingerprint } from './classifier';
export { normaliseText } from './normalise-text';
export {
  kindFromShare,
  rollUpChildren,
  computeBalance,
  driftFromTarget,
  strategicShareOf,
  type BalanceFigures,
} from './balance';
export { SIGNALS as CATALOGUE, type Signal, type SignalFamily } from './catalogue';
export { INPUTS as MODEL_INPUTS, type InputName } from './model-inputs';
export { MODEL } from './classifier';
export { hashText } from './fingerprint';
export {
  addSteps, adaptationFrom, learnAdaptation, measureAdaptation, signalsOf, stepsOf, ADAPTATION_LIMITS,
  type LearningSteps, type OverrideExample, type LabeledOverride,
} from './adaptation';
export {
  KINDS,
  addContribution,
  emptyWeek,
  isOlder,
  figuresSince,
  nextWeek,
  sameFigures,
  weekOf,
  weeksFromContributions,
  zeroKinds,
  type Contribution,
  type KindNumbers,
  type WeekFigures,
  type WindowFigures,
} from './figures';
export { healthWarnings, type HealthCode, type HealthInput } from './hierarchy-health';
export { roleBalance, MAX_PEOPLE, type PersonBalance, type Role, type RoleFlag } from './role-balance';
export { seededRandom } from './seeded-random';
export { workItemFromFields, type JiraFields } from './jira-fields';
