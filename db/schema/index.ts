export * from './enums';
export * from './orgs';
export * from './accounts';
export * from './audit';
export * from './revenue';
export * from './surveys';
export * from './health';
export * from './api';
