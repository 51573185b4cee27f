export * from './classification-schemas';
export * from './gadget-config-schemas';
export * from './resolver-schemas';
