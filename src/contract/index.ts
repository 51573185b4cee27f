export * from './classification-schemas';
export * from './gadget-config-schemas';
export * from './resolver-schemas';
export * from './shared-schemas';
export * from './admin-schemas';
